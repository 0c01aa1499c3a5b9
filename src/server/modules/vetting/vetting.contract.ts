// Vetting over the API: one creator or a pool, optionally against a program's persona and competitors.
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

export const storedReportSchema = z.object({
  id: z.string(),
  creatorId: z.string().nullable(),
  programId: z.string().nullable(),
  handle: z.string(),
  platform: z.string(),
  engineVersion: z.string(),
  score: z.number(),
  verdict: z.enum(['recommend', 'review', 'reject']),
  createdAt: z.string(),
  /** The full report: sections V1–V8 with figures, per-item results and flags with evidence (V9). */
  report: z.record(z.string(), z.unknown()),
});

export const storedPoolSchema = z.object({
  reports: z.array(storedReportSchema),
  podGroups: z.array(z.record(z.string(), z.unknown())),
});

export type StoredReport = z.infer<typeof storedReportSchema>;
