// Creators, their social accounts, and ambassadors (a creator in a program, at a pipeline stage).
import { z } from 'zod';
import { stages } from '../../../core/pipeline/stages';
import { platforms } from '../programs/programs.contract';

export const handleSchema = z
  .string()
  .trim()
  .transform((h) => h.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(1, 'is required')
      .max(100)
      .regex(/^[\p{L}\p{N}._-]+$/u, 'may contain only letters, digits, dots, dashes and underscores'),
  );

export const socialAccountInputSchema = z.object({
  platform: z.enum(platforms),
  handle: handleSchema,
  followers: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .nullable()
    .default(null),
  // http(s) with a real domain only: a profile link must never become `javascript:` or a local address.
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) address' })
    .nullable()
    .default(null),
});

/** At most one account per platform and handle (handles compare case-insensitively, as in the database). */
const socialAccountsInputSchema = z
  .array(socialAccountInputSchema)
  .max(10)
  .superRefine((accounts, ctx) => {
    const seen = new Map<string, number>();
    for (const [i, a] of accounts.entries()) {
      const key = `${a.platform}:${a.handle.toLowerCase()}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'handle'],
          message: `repeats ${a.platform} @${a.handle} from socialAccounts.${first}`,
        });
    }
  });

export const creatorInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be a valid email address').toLowerCase().nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 country code such as US or DE')
    .transform((c) => c.toUpperCase())
    .nullable()
    .default(null),
  notes: z.string().max(5000).default(''),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  socialAccounts: socialAccountsInputSchema.default([]),
});

export const socialAccountSchema = z.object({
  id: z.string(),
  platform: z.enum(platforms),
  handle: z.string(),
  followers: z.number().nullable(),
  url: z.string().nullable(),
});

export const membershipSummarySchema = z.object({
  ambassadorId: z.string(),
  programId: z.string(),
  programName: z.string(),
  stage: z.enum(stages),
});

export const creatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  notes: z.string(),
  tags: z.array(z.string()),
  socialAccounts: z.array(socialAccountSchema),
  programs: z.array(membershipSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const creatorListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  programId: z.string().optional(),
  stage: z.enum(stages).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const creatorListSchema = z.object({
  items: z.array(creatorSchema),
  total: z.number(),
});

export const ambassadorSchema = z.object({
  id: z.string(),
  programId: z.string(),
  creatorId: z.string(),
  stage: z.enum(stages),
  tierId: z.string().nullable(),
  stageChangedAt: z.string(),
  createdAt: z.string(),
  creator: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    handle: z.string().nullable(),
    platform: z.string().nullable(),
    followers: z.number().nullable(),
  }),
});

export const addAmbassadorInputSchema = z.object({
  creatorId: z.string().min(1, 'is required'),
  stage: z.enum(['prospect', 'invited', 'applied']).default('prospect'),
  tierId: z.string().nullable().default(null),
});

export const moveStageInputSchema = z.object({
  to: z.enum(stages),
  reason: z.string().trim().max(500).default(''),
});

export const moveStageResultSchema = z.object({
  ambassador: ambassadorSchema,
  outcome: z.enum(['moved', 'waitlisted']),
  message: z.string(),
});

export const importQuerySchema = z.object({
  onError: z.enum(['abort', 'skip']).default('abort'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  programId: z.string().optional(),
});

export const importRowErrorSchema = z.object({
  line: z.number(),
  field: z.string(),
  message: z.string(),
});

export const importResultSchema = z.object({
  totalRows: z.number(),
  validRows: z.number(),
  created: z.number(),
  skipped: z.number(),
  written: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(importRowErrorSchema),
});

export type CreatorInput = z.input<typeof creatorInputSchema>;
export type CreatorInputParsed = z.output<typeof creatorInputSchema>;
export type Creator = z.infer<typeof creatorSchema>;
export type Ambassador = z.infer<typeof ambassadorSchema>;
export type MoveStageResult = z.infer<typeof moveStageResultSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
