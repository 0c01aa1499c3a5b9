// Tracked links (T1): create per ambassador, list with click totals, disable/enable, delete (only
// without clicks), daily clicks.
import { z } from '@hono/zod-openapi';

export const linkInputSchema = z
  .object({
    ambassadorId: z.string().min(1),
    destination: z.string().max(4096),
    /** Becomes utm_campaign for this link. */
    campaign: z.string().trim().max(100).nullish(),
    expiresAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .openapi('LinkInput');

export type LinkInput = z.infer<typeof linkInputSchema>;

export const clickTotalsSchema = z
  .object({ clicks: z.number().int(), unique: z.number().int(), bot: z.number().int() })
  .openapi('ClickTotals');

export type ClickTotals = z.infer<typeof clickTotalsSchema>;

export const linkSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    /** The short URL to share: `<PUBLIC_URL>/l/<slug>`. */
    url: z.string(),
    programId: z.string(),
    ambassadorId: z.string(),
    ambassador: z.object({ name: z.string(), handle: z.string().nullable(), creatorId: z.string() }),
    destination: z.string(),
    campaign: z.string().nullable(),
    status: z.enum(['active', 'disabled', 'expired']),
    disabledAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    totals: clickTotalsSchema,
  })
  .openapi('Link');

export type Link = z.infer<typeof linkSchema>;

export const linkListQuerySchema = z.object({ ambassadorId: z.string().optional() });

export const clickSeriesQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  ambassadorId: z.string().optional(),
});

export const clickDaySchema = z.object({
  day: z.string(),
  clicks: z.number().int(),
  unique: z.number().int(),
  bot: z.number().int(),
});

export const clickSeriesSchema = z
  .object({ days: z.array(clickDaySchema), totals: clickTotalsSchema })
  .openapi('ClickSeries');

export type ClickSeries = z.infer<typeof clickSeriesSchema>;
