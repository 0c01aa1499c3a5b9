// Outreach (PRODUCT R4): templates with merge fields, per-recipient personalisation, sent messages with
// their replies, due follow-ups and each template's response rate.
import { z } from 'zod';

const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR or USD')
  .transform((c) => c.toUpperCase());

export const offerSchema = z.object({
  feeMinor: z
    .number({ error: 'must be a whole number of minor units (cents)' })
    .int('must be a whole number of minor units (cents)')
    .min(0, 'must not be negative')
    .nullable()
    .default(null),
  currency: currencySchema.default('USD'),
  commissionPercent: z
    .number({ error: 'must be a number' })
    .min(0, 'must be between 0 and 100')
    .max(100, 'must be between 0 and 100')
    .nullable()
    .default(null),
  product: z.string().trim().max(200).default(''),
});

export const templateInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  subject: z.string().trim().min(1, 'is required').max(200),
  body: z.string().trim().min(1, 'is required').max(10_000),
  programId: z.string().nullable().default(null),
  offer: offerSchema.default({ feeMinor: null, currency: 'USD', commissionPercent: null, product: '' }),
  followUpDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90')
    .nullable()
    .default(null),
  followUpBody: z.string().trim().max(10_000).default(''),
});

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  offer: z.object({
    feeMinor: z.number().nullable(),
    currency: z.string(),
    commissionPercent: z.number().nullable(),
    product: z.string(),
  }),
  followUpDays: z.number().nullable(),
  followUpBody: z.string(),
  /** Threads started with this template, those with a reply, and their ratio (null before any send). */
  stats: z.object({ threads: z.number(), replied: z.number(), responseRate: z.number().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One person to write to, with the personal line about their recent post. */
export const recipientInputSchema = z.object({
  creatorId: z.string().min(1, 'is required'),
  recentPost: z.string().trim().max(1000).optional(),
});

export const recipientsSchema = z
  .array(recipientInputSchema)
  .min(1, 'choose at least one recipient')
  .max(200, 'send to at most 200 people at once');

export const sendInputSchema = z.object({
  templateId: z.string().min(1, 'is required'),
  /** The program the invitation is for (default: the template's program). */
  programId: z.string().nullable().optional(),
  recipients: recipientsSchema,
});

export const previewItemSchema = z.object({
  creatorId: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** Placeholders still unfilled for this person: sending is refused while any remain. */
  unfilled: z.array(z.string()),
  /** A starting point for `recentPost`, from their latest vetting report's most recent post. */
  recentPostSuggestion: z.string().nullable(),
});

export const previewSchema = z.object({ items: z.array(previewItemSchema) });

export const messageSchema = z.object({
  id: z.string(),
  templateId: z.string().nullable(),
  templateName: z.string().nullable(),
  creatorId: z.string(),
  creatorName: z.string(),
  programId: z.string().nullable(),
  ambassadorId: z.string().nullable(),
  kind: z.enum(['initial', 'follow_up']),
  threadId: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  outboxMessageId: z.string().nullable(),
  outboxStatus: z.string().nullable(),
  sentAt: z.string(),
  repliedAt: z.string().nullable(),
  replyNote: z.string(),
});

export const sendResultSchema = z.object({ items: z.array(messageSchema) });

export const messageListQuerySchema = z.object({
  templateId: z.string().optional(),
  creatorId: z.string().optional(),
});

const dateOnly = z.iso.date({ error: 'must be a date such as 2025-03-01' });

export const replyInputSchema = z.object({
  repliedAt: z.union([dateOnly, z.iso.datetime({ offset: true })], {
    error: 'must be a date such as 2025-03-01',
  }),
  note: z.string().trim().max(5000).default(''),
});

export const followUpInputSchema = z.object({
  recentPost: z.string().trim().max(1000).optional(),
});

export const dueFollowUpSchema = z.object({
  message: messageSchema,
  dueSince: z.string(),
  followUpDays: z.number(),
});

export type TemplateInput = z.output<typeof templateInputSchema>;
export type OutreachTemplate = z.infer<typeof templateSchema>;
export type RecipientInput = z.infer<typeof recipientInputSchema>;
export type PreviewItem = z.infer<typeof previewItemSchema>;
export type OutreachMessage = z.infer<typeof messageSchema>;
export type DueFollowUp = z.infer<typeof dueFollowUpSchema>;
