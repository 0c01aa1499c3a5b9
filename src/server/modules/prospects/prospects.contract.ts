// Prospect lists (PRODUCT R2/R3): warm pools (customers, CRM, loyalty) and discovery results, imported from
// CSV, vetted in bulk and invited in bulk with an outreach template.
import { z } from 'zod';
import { stages } from '../../../core/pipeline/stages';
import { recipientsSchema } from '../outreach/outreach.contract';
import { importRowErrorSchema } from '../people/people.contract';
import { prospectSources } from './prospects.schema';

export const listInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  source: z.enum(prospectSources, { error: `must be one of ${prospectSources.join(', ')}` }),
  programId: z.string().nullable().default(null),
});

export const listSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(prospectSources),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  entryCount: z.number(),
  createdAt: z.string(),
});

export const entrySchema = z.object({
  creatorId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  platform: z.string().nullable(),
  handle: z.string().nullable(),
  followers: z.number().nullable(),
  source: z.string(),
  addedAt: z.string(),
  /** Their stage in the list's program, when they are already in it. */
  ambassadorId: z.string().nullable(),
  stage: z.enum(stages).nullable(),
  vetting: z
    .object({
      reportId: z.string(),
      score: z.number(),
      verdict: z.enum(['recommend', 'review', 'reject']),
      createdAt: z.string(),
    })
    .nullable(),
});

export const listDetailSchema = listSchema.extend({ entries: z.array(entrySchema) });

export const prospectImportQuerySchema = z.object({
  onError: z.enum(['abort', 'skip']).default('abort'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const prospectImportResultSchema = z.object({
  totalRows: z.number(),
  /** New entries in the list. */
  added: z.number(),
  /** Rows whose person was already in the list (or earlier in the file). */
  duplicates: z.number(),
  /** Rows matched to a creator already in the workspace (by platform + handle, then by email). */
  mergedIntoExisting: z.number(),
  /** New creators made for rows that matched nobody. */
  created: z.number(),
  skipped: z.number(),
  written: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(importRowErrorSchema),
});

export const bulkVetResultSchema = z.object({
  vetted: z.array(
    z.object({
      line: z.number(),
      creatorId: z.string(),
      handle: z.string(),
      platform: z.string(),
      reportId: z.string(),
      score: z.number(),
      verdict: z.enum(['recommend', 'review', 'reject']),
    }),
  ),
  unmatched: z.array(z.object({ line: z.number(), platform: z.string(), handle: z.string() })),
});

export const inviteInputSchema = z.object({
  templateId: z.string().min(1, 'is required'),
  recipients: recipientsSchema,
});

export const inviteResultSchema = z.object({
  invited: z.array(
    z.object({
      creatorId: z.string(),
      ambassadorId: z.string(),
      outcome: z.enum(['added', 'moved', 'already_invited']),
      messageId: z.string(),
    }),
  ),
});

export type ListInput = z.output<typeof listInputSchema>;
export type ProspectList = z.infer<typeof listSchema>;
export type ProspectListDetail = z.infer<typeof listDetailSchema>;
export type ProspectEntry = z.infer<typeof entrySchema>;
export type ProspectImportResult = z.infer<typeof prospectImportResultSchema>;
export type BulkVetResult = z.infer<typeof bulkVetResultSchema>;
export type InviteResult = z.infer<typeof inviteResultSchema>;
