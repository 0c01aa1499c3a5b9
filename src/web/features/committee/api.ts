// Committee review (R5): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  Applicant,
  CriterionSpread,
  Decision,
  DecisionResult,
  Queue,
  QueueItem,
  Review,
  ReviewStatus,
  Spread,
} from '../../../server/modules/committee/committee.contract';
import type { Program, RubricCriterion } from '../../../server/modules/programs/programs.contract';
import { api } from '../../lib/api';

export type {
  Applicant,
  CriterionSpread,
  Decision,
  DecisionResult,
  Queue,
  QueueItem,
  Review,
  ReviewStatus,
  RubricCriterion,
  Spread,
};

const base = (workspaceId: string, programId: string) =>
  `/workspaces/${workspaceId}/programs/${programId}/committee`;

export const committeeKey = (workspaceId: string, programId: string) => ['committee', workspaceId, programId];

export const queueQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: [...committeeKey(workspaceId, programId), 'queue'],
    queryFn: () => api<Queue>(`${base(workspaceId, programId)}/queue`),
  });

export const applicantQuery = (workspaceId: string, programId: string, ambassadorId: string) =>
  queryOptions({
    queryKey: [...committeeKey(workspaceId, programId), 'applicant', ambassadorId],
    queryFn: () => api<Applicant>(`${base(workspaceId, programId)}/applicants/${ambassadorId}`),
  });

export function submitReview(
  workspaceId: string,
  programId: string,
  ambassadorId: string,
  input: { scores: Record<string, number>; comment: string },
): Promise<Applicant> {
  return api<Applicant>(`${base(workspaceId, programId)}/applicants/${ambassadorId}/review`, { body: input });
}

export function abstain(workspaceId: string, programId: string, ambassadorId: string): Promise<Applicant> {
  return api<Applicant>(`${base(workspaceId, programId)}/applicants/${ambassadorId}/abstain`, { body: {} });
}

export function decide(
  workspaceId: string,
  programId: string,
  ambassadorId: string,
  input: { decision: Decision; message: string },
): Promise<DecisionResult> {
  return api<DecisionResult>(`${base(workspaceId, programId)}/applicants/${ambassadorId}/decision`, {
    body: input,
  });
}

export function saveRubric(
  workspaceId: string,
  programId: string,
  rubric: RubricCriterion[],
): Promise<Program> {
  return api<Program>(`${base(workspaceId, programId)}/rubric`, { method: 'PUT', body: { rubric } });
}

/** The href of a stored vetting report's page (served by the vetting feature). */
export const vettingReportHref = (workspaceId: string, reportId: string) =>
  `/w/${workspaceId}/vetting/${reportId}`;
