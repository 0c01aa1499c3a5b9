// Where the committee works: the pipeline stages in which an applicant can be scored and decided.
import type { Stage } from '../pipeline/stages';

export const reviewableStages = ['applied', 'in_review', 'waitlisted'] as const satisfies readonly Stage[];

export function isReviewableStage(stage: Stage): boolean {
  return (reviewableStages as readonly Stage[]).includes(stage);
}
