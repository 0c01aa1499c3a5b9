// B8: posts from a listening tool's export, matched to ambassadors by handle and to submissions by post
// URL (or, as a proposal the manager confirms, by caption).
import { z } from 'zod';
import { importRowErrorSchema } from '../people/people.contract';
import { platforms } from '../programs/programs.contract';

export const listeningImportQuerySchema = z.object({
  onError: z.enum(['abort', 'skip'], { error: 'onError must be abort or skip' }).default('abort'),
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

export const listeningImportResultSchema = z.object({
  totalRows: z.number(),
  validRows: z.number(),
  /** New listened posts. */
  created: z.number(),
  /** Posts already imported (same URL once normalised), updated in place. */
  updated: z.number(),
  matchedAmbassadors: z.number(),
  matchedByUrl: z.number(),
  /** Proposed matches by caption, waiting for "Use as post URL". */
  matchedByCaption: z.number(),
  written: z.boolean(),
  dryRun: z.boolean(),
  /** `line` is the CSV line, or the item's position (1-based) in a JSON array. */
  errors: z.array(importRowErrorSchema),
});

export const listenedPostSchema = z.object({
  id: z.string(),
  platform: z.enum(platforms),
  handle: z.string(),
  url: z.string(),
  caption: z.string(),
  postedAt: z.string().nullable(),
  ambassador: z
    .object({
      id: z.string(),
      creatorId: z.string(),
      name: z.string(),
      programId: z.string(),
      programName: z.string(),
    })
    .nullable(),
  submission: z
    .object({
      id: z.string(),
      status: z.string(),
      postUrl: z.string().nullable(),
      format: z.string(),
    })
    .nullable(),
  matchedBy: z.enum(['url', 'caption']).nullable(),
  /** A caption match on an approved submission without a post URL: "Use as post URL" can confirm it. */
  canUseAsPostUrl: z.boolean(),
  createdAt: z.string(),
});

export const listeningListQuerySchema = z.object({
  unmatched: z
    .enum(['true', 'false'], { error: 'unmatched must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

export type ListeningImportQuery = z.output<typeof listeningImportQuerySchema>;
export type ListeningImportResult = z.infer<typeof listeningImportResultSchema>;
export type ListenedPost = z.infer<typeof listenedPostSchema>;
