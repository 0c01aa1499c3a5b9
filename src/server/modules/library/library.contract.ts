// Publication (B5), metrics snapshots, cadence (B6) and the UGC library (B7): the zod shapes of the API,
// shared by routes, services and the web app.
import { z } from 'zod';
import { isMonth } from '../../../core/cadence';
import { stages } from '../../../core/pipeline/stages';
import { importRowErrorSchema } from '../people/people.contract';
import { contentFormats, platforms, usageChannels } from '../programs/programs.contract';

export const rightStatuses = ['active', 'expiring_soon', 'expired', 'upcoming'] as const;
export type RightStatus = (typeof rightStatuses)[number];
/** A right ending within this many days is "expiring soon". */
export const expiringSoonDays = 30;

const isoDay = (field: string) => z.iso.date({ error: `${field} must be a date such as 2026-12-01` });

export const publicationInputSchema = z.object({
  postUrl: z.string({ error: 'is required' }).trim().min(1, 'is required').max(2_000),
  /** When the post went live; default now. Not before the approval, not in the future. */
  publishedAt: z.iso
    .datetime({ offset: true, error: 'must be a date and time such as 2026-11-20T09:30:00Z' })
    .optional(),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const metricFields = ['likes', 'comments', 'shares', 'saves', 'views', 'reach'] as const;
export type MetricField = (typeof metricFields)[number];

const count = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(2_000_000_000, 'is too large');

export const metricsInputSchema = z
  .object({
    capturedAt: z.iso
      .datetime({ offset: true, error: 'must be a date and time such as 2026-11-20T09:30:00Z' })
      .optional(),
    likes: count.nullish(),
    comments: count.nullish(),
    shares: count.nullish(),
    saves: count.nullish(),
    views: count.nullish(),
    reach: count.nullish(),
  })
  .refine((m) => metricFields.some((f) => m[f] !== undefined && m[f] !== null), {
    message: `give at least one of ${metricFields.join(', ')}`,
    path: ['likes'],
  });
export type MetricsInput = z.infer<typeof metricsInputSchema>;

export const metricsSnapshotSchema = z.object({
  id: z.string(),
  capturedAt: z.string(),
  likes: z.number().nullable(),
  comments: z.number().nullable(),
  shares: z.number().nullable(),
  saves: z.number().nullable(),
  views: z.number().nullable(),
  reach: z.number().nullable(),
  source: z.enum(['manual', 'csv', 'connector']),
});
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;

export const publicationSchema = z.object({
  submissionId: z.string(),
  programId: z.string(),
  programName: z.string(),
  ambassadorId: z.string(),
  creatorId: z.string(),
  creatorName: z.string(),
  handle: z.string().nullable(),
  platform: z.enum(platforms),
  format: z.enum(contentFormats),
  status: z.enum(['in_review', 'changes_requested', 'approved', 'published']),
  caption: z.string(),
  postUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  assetId: z.string().nullable(),
  metrics: z.array(metricsSnapshotSchema),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationListQuerySchema = z.object({
  status: z.enum(['approved', 'published', 'all']).default('all'),
});

export const metricsImportQuerySchema = z.object({
  onError: z.enum(['abort', 'skip']).default('abort'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const metricsImportResultSchema = z.object({
  totalRows: z.number(),
  /** Rows that add a snapshot. */
  imported: z.number(),
  /** Rows for a post and moment that already has a snapshot (or an earlier row of the file): they replace it. */
  updated: z.number(),
  skipped: z.number(),
  written: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(importRowErrorSchema),
});
export type MetricsImportResult = z.infer<typeof metricsImportResultSchema>;

// --- Cadence (B6) ---

export const cadenceQuerySchema = z.object({
  month: z.string().refine(isMonth, 'must be a month such as 2026-11').optional(),
});

const formatCadenceSchema = z.object({
  format: z.string(),
  required: z.number(),
  delivered: z.number(),
  expectedByNow: z.number(),
  status: z.enum(['met', 'on_track', 'behind']),
});

export const ambassadorCadenceSchema = z.object({
  ambassadorId: z.string(),
  creatorId: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
  email: z.string().nullable(),
  stage: z.enum(stages),
  status: z.enum(['met', 'on_track', 'behind']),
  required: z.number(),
  delivered: z.number(),
  remaining: z.number(),
  formats: z.array(formatCadenceSchema),
  /** When this month's reminder was sent, if it was. */
  remindedAt: z.string().nullable(),
});

export const cadenceReportSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  month: z.string(),
  period: z.enum(['past', 'current', 'future']),
  daysInMonth: z.number(),
  elapsedDays: z.number(),
  requirement: z.array(z.object({ format: z.enum(contentFormats), perMonth: z.number() })),
  cohort: z.array(formatCadenceSchema),
  ambassadors: z.array(ambassadorCadenceSchema),
  behind: z.array(ambassadorCadenceSchema),
});
export type CadenceReportView = z.infer<typeof cadenceReportSchema>;
export type AmbassadorCadenceView = z.infer<typeof ambassadorCadenceSchema>;

export const reminderInputSchema = z.object({
  ambassadorIds: z.array(z.string().min(1)).min(1, 'pick at least one ambassador').max(500),
});

export const reminderResultSchema = z.object({
  month: z.string(),
  sent: z.array(z.object({ ambassadorId: z.string(), messageId: z.string() })),
  skipped: z.array(z.object({ ambassadorId: z.string(), reason: z.string() })),
});
export type ReminderResult = z.infer<typeof reminderResultSchema>;

// --- UGC library (B7) ---

const optionalInt = z.coerce.number({ error: 'must be a number' }).int().min(0).optional();

export const assetListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    ambassadorId: z.string().optional(),
    programId: z.string().optional(),
    product: z.string().trim().max(200).optional(),
    platform: z.enum(platforms).optional(),
    format: z.enum(contentFormats).optional(),
    publishedFrom: isoDay('publishedFrom').optional(),
    publishedTo: isoDay('publishedTo').optional(),
    minViews: optionalInt,
    minEngagement: optionalInt,
    rights: z.enum(['active', 'expiring_soon', 'expired']).optional(),
    channel: z.enum(usageChannels).optional(),
    sort: z.enum(['newest', 'most_viewed']).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(60),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => !q.publishedFrom || !q.publishedTo || q.publishedFrom <= q.publishedTo, {
    message: 'must not be before publishedFrom',
    path: ['publishedTo'],
  });
export type AssetListQuery = z.input<typeof assetListQuerySchema>;

export const usageRightSchema = z.object({
  channel: z.enum(usageChannels),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  grantedBy: z.enum(['program', 'asset']),
  status: z.enum(rightStatuses),
  /** Days until `endsOn` (negative once expired); null without an end. */
  daysLeft: z.number().nullable(),
});
export type UsageRightView = z.infer<typeof usageRightSchema>;

export const latestMetricsSchema = metricsSnapshotSchema.extend({ engagement: z.number() }).nullable();

export const assetSummarySchema = z.object({
  id: z.string(),
  submissionId: z.string(),
  programId: z.string(),
  programName: z.string(),
  ambassadorId: z.string(),
  creatorId: z.string(),
  creatorName: z.string(),
  handle: z.string().nullable(),
  platform: z.enum(platforms),
  format: z.enum(contentFormats),
  products: z.array(z.string()),
  postUrl: z.string().nullable(),
  publishedAt: z.string(),
  caption: z.string(),
  /** The first image of the approved round, for a thumbnail. */
  thumbnailMediaId: z.string().nullable(),
  mediaCount: z.number(),
  latestMetrics: latestMetricsSchema,
  rights: z.array(usageRightSchema),
});
export type AssetSummary = z.infer<typeof assetSummarySchema>;

export const assetListSchema = z.object({
  items: z.array(assetSummarySchema),
  total: z.number(),
  /** Every product named on an asset of the workspace, for the filter. */
  products: z.array(z.string()),
});
export type AssetList = z.infer<typeof assetListSchema>;

export const assetDetailSchema = assetSummarySchema.extend({
  creditLine: z.string(),
  media: z.array(
    z.object({ id: z.string(), originalName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
  metrics: z.array(metricsSnapshotSchema),
});
export type AssetDetail = z.infer<typeof assetDetailSchema>;

export const rightsInputSchema = z.object({
  rights: z
    .array(
      z
        .object({
          channel: z.enum(usageChannels, { error: `must be one of ${usageChannels.join(', ')}` }),
          startsOn: isoDay('startsOn'),
          endsOn: isoDay('endsOn').nullable().default(null),
        })
        .refine((r) => r.endsOn === null || r.endsOn >= r.startsOn, {
          message: 'must not be before startsOn',
          path: ['endsOn'],
        }),
    )
    .max(usageChannels.length)
    .refine((rs) => new Set(rs.map((r) => r.channel)).size === rs.length, {
      message: 'each channel may appear once',
    }),
});
export type RightsInput = z.infer<typeof rightsInputSchema>;

export const exportInputSchema = z.object({
  assetIds: z.array(z.string().min(1)).min(1, 'pick at least one asset').max(200, 'at most 200 assets'),
  channel: z.enum(usageChannels, { error: `must be one of ${usageChannels.join(', ')}` }),
});
export type ExportInput = z.infer<typeof exportInputSchema>;
