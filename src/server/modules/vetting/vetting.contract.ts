// Vetting over the API: one creator or a pool, optionally against a program's persona and competitors,
// and reviewers' overrides of single flags (V9).
import { z } from 'zod';
import { creatorInputSchema } from '../../../core/vetting/input';

export const vetOneInputSchema = z.object({
  input: creatorInputSchema,
  programId: z.string().optional(),
  creatorId: z.string().optional(),
});

export const vetPoolInputSchema = z.object({
  inputs: z.array(creatorInputSchema).min(1, 'must list at least one creator').max(500),
  programId: z.string().optional(),
});

export const flagOverrideInputSchema = z.object({
  /** `<section>:<code>:<n>`, the `key` each flag of a stored report carries. */
  flagKey: z.string().trim().min(1, 'is required').max(200),
  reason: z
    .string()
    .trim()
    .min(5, 'must be at least 5 characters: say why this flag does not apply')
    .max(2000),
});

export const flagOverrideSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  flagKey: z.string(),
  reason: z.string(),
  /** The reviewer's name (empty when their account is gone). */
  by: z.string(),
  createdAt: z.string(),
});

const verdictSchema = z.enum(['recommend', 'review', 'reject']);

export const storedReportSchema = z.object({
  id: z.string(),
  creatorId: z.string().nullable(),
  programId: z.string().nullable(),
  handle: z.string(),
  platform: z.string(),
  engineVersion: z.string(),
  /** The score and verdict with reviewers' overrides applied; the engine's own are `originalScore`/`originalVerdict`. */
  score: z.number(),
  verdict: verdictSchema,
  originalScore: z.number(),
  originalVerdict: verdictSchema,
  overrides: z.array(flagOverrideSchema),
  createdAt: z.string(),
  /**
   * The full report: sections V1–V8 with figures, per-item results and flags with evidence (V9). Each flag
   * carries its `key` and `section`, and `overridden: {reason, by, at}` when a reviewer set it aside.
   */
  report: z.record(z.string(), z.unknown()),
});

/** One report with the input it was computed from (the posts and comments its evidence points at). */
export const reportDetailSchema = storedReportSchema.extend({
  input: z.record(z.string(), z.unknown()),
});

export const storedPoolSchema = z.object({
  reports: z.array(storedReportSchema),
  podGroups: z.array(z.record(z.string(), z.unknown())),
});

export type StoredReport = z.infer<typeof storedReportSchema>;
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type FlagOverrideInput = z.infer<typeof flagOverrideInputSchema>;
export type StoredFlagOverride = z.infer<typeof flagOverrideSchema>;
