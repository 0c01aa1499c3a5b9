// Draft submissions and their review (B2, B4): what the portal sends and sees, what the review queue and
// the review page read, and the limits on uploaded media.
import { z } from 'zod';
import { complianceResultSchema, maxCaptionLength } from '../../../core/compliance';
import { contentFormats, platforms } from '../programs/programs.contract';

/** The same list as content.schema's (the web app imports this file, never a schema). */
export const submissionStatuses = ['in_review', 'changes_requested', 'approved', 'published'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const acceptedMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/quicktime',
  'video/webm',
] as const;
export type MediaType = (typeof acceptedMediaTypes)[number];

/** How much one round may upload. Constants, not env: a brand changes them in code review, not per host. */
export interface UploadLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
  /** All files of one round together. */
  maxTotalBytes: number;
  maxFiles: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxImageBytes: 20 * 1024 * 1024,
  maxVideoBytes: 500 * 1024 * 1024,
  maxTotalBytes: 600 * 1024 * 1024,
  maxFiles: 10,
};

/** The review target (seed 003: "we answer within 24 hours"). */
export const reviewSlaHours = 24;

/** The stages in which an ambassador may submit content for a program. */
export const submittingStages = ['onboarding', 'active'] as const;

const caption = z
  .string({ error: 'is required' })
  .max(maxCaptionLength, `must be at most ${maxCaptionLength} characters`)
  .refine((value) => value.trim().length > 0, 'must not be empty');

/** The brief a draft is for (a campaign brief, or the standing one); empty or absent: the standing brief. */
const briefIdField = z
  .string()
  .trim()
  .max(100, 'is not a current brief of this program')
  .optional()
  .transform((value) => (value ? value : undefined));

/** The text fields of a new submission (the files come beside them in the multipart body). */
export const submissionFieldsSchema = z.object({
  programId: z.string({ error: 'is required' }).min(1, 'is required').max(100),
  briefId: briefIdField,
  platform: z.enum(platforms, { error: `must be one of ${platforms.join(', ')}` }),
  format: z.enum(contentFormats, { error: `must be one of ${contentFormats.join(', ')}` }),
  caption,
  plannedAt: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'must be a date such as 2026-12-01' });
        return z.NEVER;
      }
      return date;
    }),
});
export type Platform = (typeof platforms)[number];
export type ContentFormat = (typeof contentFormats)[number];
export type SubmissionFields = Omit<z.output<typeof submissionFieldsSchema>, 'briefId'> & {
  briefId?: string | undefined;
};

export const resubmitFieldsSchema = z.object({ caption });

export const portalCheckSchema = z.object({
  programId: z.string().min(1, 'is required').max(100),
  briefId: briefIdField,
  platform: z.enum(platforms, { error: `must be one of ${platforms.join(', ')}` }),
  caption,
});

export const portalCheckResultSchema = complianceResultSchema.extend({
  briefVersion: z.number().int().nullable(),
  briefTitle: z.string().nullable(),
});

export const mediaSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** The round the file was uploaded with, when carried over from an earlier round. */
  carriedFromRound: z.number().int().nullable(),
});

export const commentSchema = z.object({
  id: z.string(),
  body: z.string(),
  spanStart: z.number().int().nullable(),
  spanEnd: z.number().int().nullable(),
  quote: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const roundSchema = z.object({
  id: z.string(),
  round: z.number().int(),
  caption: z.string(),
  briefVersion: z.number().int().nullable(),
  compliance: complianceResultSchema,
  submittedAt: z.string(),
  decision: z.enum(['approved', 'changes_requested']).nullable(),
  decisionNote: z.string().nullable(),
  overrideReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comments: z.array(commentSchema),
  media: z.array(mediaSchema),
});

export const slaSchema = z.object({
  dueAt: z.string(),
  isOverdue: z.boolean(),
  /** Negative once overdue. */
  hoursLeft: z.number(),
});

export const submissionSummarySchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  ambassadorId: z.string(),
  creatorId: z.string(),
  creatorName: z.string(),
  /** The brief the draft is checked against (null: the program had none). */
  briefId: z.string().nullable(),
  platform: z.enum(platforms),
  format: z.enum(contentFormats),
  status: z.enum(submissionStatuses),
  currentRound: z.number().int(),
  caption: z.string(),
  plannedAt: z.string().nullable(),
  submittedAt: z.string(),
  compliancePassed: z.boolean(),
  failingMustRules: z.array(z.string()),
  /** Set while the submission waits for a review. */
  sla: slaSchema.nullable(),
  mediaCount: z.number().int(),
});

export const submissionDetailSchema = submissionSummarySchema.extend({
  postUrl: z.string().nullable(),
  rounds: z.array(roundSchema),
});

export const submissionListSchema = z.object({ items: z.array(submissionSummarySchema) });

export const queueQuerySchema = z.object({
  status: z.enum(submissionStatuses).optional(),
  programId: z.string().max(100).optional(),
});

export const commentInputSchema = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(2_000, 'must be at most 2,000 characters'),
    spanStart: z.number().int().min(0).nullable().default(null),
    spanEnd: z.number().int().min(0).nullable().default(null),
    /** The selected text, checked against the caption so a stale page cannot anchor to the wrong words. */
    quote: z.string().max(maxCaptionLength).nullable().default(null),
  })
  .refine((c) => (c.spanStart === null) === (c.spanEnd === null), {
    message: 'spanStart and spanEnd go together',
    path: ['spanEnd'],
  });
export type CommentInput = z.output<typeof commentInputSchema>;

export const decisionInputSchema = z.object({
  decision: z.enum(['approve', 'request_changes']),
  note: z.string().trim().max(5_000).default(''),
  /** Approving past a failing must rule: a manager's reason (at least 5 characters), audited. */
  overrideReason: z.string().trim().max(1_000).nullable().default(null),
});
export type DecisionInput = z.output<typeof decisionInputSchema>;

export type MediaItem = z.infer<typeof mediaSchema>;
export type ReviewComment = z.infer<typeof commentSchema>;
export type SubmissionRound = z.infer<typeof roundSchema>;
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;
export type PortalCheckResult = z.infer<typeof portalCheckResultSchema>;
