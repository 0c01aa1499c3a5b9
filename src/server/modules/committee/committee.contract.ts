// Committee review (PRODUCT R5): the zod shapes of the API, shared by routes, services and the web app.
// Blind rule: others' scores, comments and the aggregate appear only once the caller has submitted or
// abstained; before that the shapes carry only the caller's own status and a count.
import { z } from 'zod';
import { reviewableStages } from '../../../core/committee/review-stages';
import { stages } from '../../../core/pipeline/stages';
import { rubricCriterionSchema, rubricSchema } from '../programs/programs.contract';

export { reviewableStages };
export const reviewStatuses = ['none', 'submitted', 'abstained'] as const;
export const decisions = ['accept', 'waitlist', 'decline'] as const;

export const spreadSchema = z.object({
  count: z.number(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  stdDev: z.number(),
});

export const criterionSpreadSchema = spreadSchema.extend({ id: z.string(), label: z.string() });

export const handleSchema = z.object({
  platform: z.string(),
  handle: z.string(),
  followers: z.number().nullable(),
  url: z.string().nullable(),
});

export const vettingSummarySchema = z.object({
  reportId: z.string(),
  score: z.number(),
  verdict: z.enum(['recommend', 'review', 'reject']),
  createdAt: z.string(),
});

export const queueItemSchema = z.object({
  ambassadorId: z.string(),
  creatorId: z.string(),
  creatorName: z.string(),
  handles: z.array(handleSchema),
  stage: z.enum(stages),
  stageChangedAt: z.string(),
  vetting: vettingSummarySchema.nullable(),
  myStatus: z.enum(reviewStatuses),
  /** Submitted (scored) reviews, abstentions not counted. */
  reviewCount: z.number(),
  /** The weighted mean and spread of the reviewers' scores; null until the caller submitted or abstained. */
  aggregate: spreadSchema.nullable(),
});

export const committeeProgramSchema = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
  rubric: rubricSchema,
});

export const queueSchema = z.object({
  program: committeeProgramSchema,
  items: z.array(queueItemSchema),
});

export const reviewSchema = z.object({
  id: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  abstained: z.boolean(),
  scores: z.record(z.string(), z.number()),
  rubric: z.array(rubricCriterionSchema),
  weightedScore: z.number().nullable(),
  comment: z.string(),
  submittedAt: z.string(),
});

export const applicantSchema = z.object({
  program: committeeProgramSchema,
  ambassadorId: z.string(),
  stage: z.enum(stages),
  creator: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    notes: z.string(),
    handles: z.array(handleSchema),
  }),
  vetting: vettingSummarySchema.nullable(),
  myStatus: z.enum(reviewStatuses),
  reviewCount: z.number(),
  /** True once the caller submitted or abstained: only then are the fields below filled. */
  revealed: z.boolean(),
  /** The caller's own review (always theirs to see). */
  myReview: reviewSchema.nullable(),
  /** Everyone's reviews, abstentions included; empty until revealed. */
  reviews: z.array(reviewSchema),
  aggregate: spreadSchema.nullable(),
  criteria: z.array(criterionSpreadSchema),
});

export const reviewInputSchema = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
});

export const abstainInputSchema = z.object({
  comment: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
});

export const decisionInputSchema = z.object({
  decision: z.enum(decisions),
  message: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
});

export const decisionResultSchema = z.object({
  ambassadorId: z.string(),
  decision: z.enum(decisions),
  /** The stage the applicant ended in: `waitlisted` when accepting into a full program. */
  stage: z.enum(stages),
  waitlistedBecauseFull: z.boolean(),
  message: z.string(),
  /** Where the decision email went; null when the creator has no email address. */
  emailedTo: z.string().nullable(),
  aggregate: spreadSchema.nullable(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
});

export const rubricInputSchema = z.object({ rubric: rubricSchema });

export type Spread = z.infer<typeof spreadSchema>;
export type CriterionSpread = z.infer<typeof criterionSpreadSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type Queue = z.infer<typeof queueSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Applicant = z.infer<typeof applicantSchema>;
export type ReviewInput = z.infer<typeof reviewInputSchema>;
export type DecisionInput = z.infer<typeof decisionInputSchema>;
export type DecisionResult = z.infer<typeof decisionResultSchema>;
export type Decision = (typeof decisions)[number];
export type ReviewStatus = (typeof reviewStatuses)[number];
