// Conversions (T3–T5): what the API, the CSV import, the pixel and the conversions table take and return.
import { z } from '@hono/zod-openapi';
import { toMinorUnits } from './orders-money';
import { connectionKinds, deliveryStatuses } from './stores.contract';

const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
  .transform((v) => v.toUpperCase());
const externalId = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, 'is required').max(200));
const futureSlackMs = 24 * 60 * 60 * 1000;
const dateTime = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date and time, e.g. 2026-11-20T10:15:00Z')
  .transform((v) => new Date(v))
  // A day of slack for a store's clock or time zone; beyond it the date is a typo (2062 for 2026), and an
  // order dated in the future would sit in every report and window until then.
  .refine(
    (d) => d.getTime() <= Date.now() + futureSlackMs,
    'is more than a day in the future (check the year)',
  );
const decimalPattern = /^\d{1,15}(\.\d+)?$/;
const decimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(decimalPattern, 'must be a non-negative decimal such as 49.90'));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** Amount as a decimal (`amount`) or integer minor units (`amountMinor`), checked against the currency. */
function withAmount<
  T extends { amount?: string | undefined; amountMinor?: number | undefined; currency?: string | undefined },
>(value: T, ctx: z.RefinementCtx, required: boolean) {
  const currency = value.currency ?? 'USD';
  if (value.amount !== undefined && value.amountMinor !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give amount or amountMinor, not both' });
  } else if (
    value.amount !== undefined &&
    // Not a decimal at all is the amount's own error; this one is about its precision.
    decimalPattern.test(value.amount) &&
    toMinorUnits(value.amount, currency) === null
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `has more decimals than ${currency} allows${value.currency ? '' : ' (give the currency)'}`,
    });
  } else if (required && value.amount === undefined && value.amountMinor === undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required (or amountMinor)' });
  }
}

export const apiOrderSchema = z
  .object({
    externalId: externalId.openapi({ description: 'Your order id; the same id again is the same order.' }),
    occurredAt: dateTime.openapi({
      description: 'When the order was placed (ISO 8601); more than a day in the future is refused.',
    }),
    amount: decimal.optional().openapi({ description: 'Order total as a decimal string, e.g. "49.90".' }),
    amountMinor: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .openapi({ description: 'Or the total in minor units.' }),
    currency,
    customerEmail: z.string().trim().email('must be an email address').max(320).nullish(),
    codes: z.array(z.string().trim().max(100)).max(20).default([]),
    clickId: optionalText(128),
    landingUrl: optionalText(2_000),
    referrerUrl: optionalText(2_000),
  })
  .superRefine((v, ctx) => withAmount(v, ctx, true))
  .openapi('ConversionOrder');
export type ApiOrder = z.output<typeof apiOrderSchema>;

export const apiConversionsBodySchema = z.union([
  z.object({ orders: z.array(apiOrderSchema).min(1).max(1_000, 'send at most 1,000 orders per request') }),
  apiOrderSchema,
]);

export const apiRefundSchema = z
  .object({
    type: z.enum(['refund', 'cancellation']).default('refund'),
    externalId: externalId.openapi({
      description: 'Your refund id (for a cancellation, any id; the order id will do).',
    }),
    orderExternalId: externalId,
    occurredAt: dateTime,
    amount: decimal.optional(),
    amountMinor: z.number().int().nonnegative().optional(),
    currency: currency.optional().openapi({
      description:
        'The refund’s currency. When given it must be the order’s: a refund in another currency is refused (422), never converted. Without it, a decimal amount is read with two decimals.',
    }),
  })
  .superRefine((v, ctx) => withAmount(v, ctx, v.type === 'refund'))
  .openapi('ConversionRefund');
export type ApiRefund = z.output<typeof apiRefundSchema>;

export const apiRefundsBodySchema = z.union([
  z.object({ refunds: z.array(apiRefundSchema).min(1).max(1_000, 'send at most 1,000 refunds per request') }),
  apiRefundSchema,
]);

export const apiConversionsResultSchema = z.object({
  created: z.number(),
  duplicates: z.number(),
  results: z.array(
    z.object({
      externalId: z.string(),
      orderId: z.string(),
      outcome: z.enum(['created', 'duplicate']),
      ambassadorId: z.string().nullable().optional(),
      replacedPixelOrderId: z.string().optional().openapi({
        description:
          'This report replaced the pixel’s report of the same order id (the store’s report wins).',
      }),
      storedBy: z.enum(['another_connection']).optional(),
    }),
  ),
});

export const apiRefundsResultSchema = z.object({
  applied: z.number(),
  held: z.number(),
  duplicates: z.number(),
  refused: z.number(),
  results: z.array(
    z.object({
      kind: z.enum(['refund', 'cancellation']),
      externalId: z.string(),
      externalOrderId: z.string(),
      outcome: z.enum(['applied', 'held', 'duplicate', 'refused']),
      detail: z.string().optional(),
    }),
  ),
});

export const pixelConversionSchema = z
  .object({
    orderId: externalId,
    amount: decimal,
    currency,
    email: z.string().trim().email('must be an email address').max(320).nullish(),
    clickId: optionalText(128),
    landingUrl: optionalText(2_000),
    referrer: optionalText(2_000),
  })
  .superRefine((v, ctx) => withAmount(v, ctx, true));

export const conversionMethods = ['code', 'click', 'both'] as const;

export const conversionsQuerySchema = z.object({
  ambassadorId: z.string().optional(),
  connectionId: z.string().optional(),
  method: z.enum(conversionMethods).optional(),
  status: z.enum(['credited', 'rejected']).optional(),
  refunded: z.enum(['yes', 'no']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ConversionsQuery = z.output<typeof conversionsQuerySchema>;

export const conversionSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  /**
   * Where the order was reported. `verified` is false for the pixel: its orders are self-reported by the
   * browser (anyone can POST one), while store webhooks are signed, the API needs a key and CSV a member.
   */
  connection: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(connectionKinds),
    verified: z.boolean(),
  }),
  occurredAt: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  customerEmail: z.string().nullable(),
  codes: z.array(z.string()),
  clickId: z.string().nullable(),
  landingUrl: z.string().nullable(),
  referrerDomain: z.string().nullable(),
  ambassador: z.object({ id: z.string(), name: z.string() }).nullable(),
  method: z.enum(conversionMethods).nullable(),
  /** The engine's evidence: code, click, window, precedence and what was set aside (with names). */
  evidence: z
    .object({
      code: z.string().optional(),
      clickId: z.string().optional(),
      clickAt: z.string().optional(),
      clickAgeDays: z.number().optional(),
      windowDays: z.number(),
      precedence: z.enum(['code', 'click']),
      setAside: z.array(
        z.object({
          ambassadorId: z.string(),
          ambassadorName: z.string(),
          method: z.enum(['code', 'click']),
          code: z.string().optional(),
          clickId: z.string().optional(),
          why: z.enum(['precedence', 'self_referral']),
        }),
      ),
    })
    .nullable(),
  /** The sentence a manager reads, with ambassadors' names in place of their ids. */
  reason: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  /** For an order refused over its click (too old, too late, or a bot's): that click, and whose link it was. */
  refusedClick: z
    .object({ clickId: z.string(), at: z.string(), isBot: z.boolean(), ambassadorName: z.string() })
    .nullable(),
  creditedMinor: z.number(),
  refundedMinor: z.number(),
  cancelledAt: z.string().nullable(),
  refunds: z.array(
    z.object({
      kind: z.enum(['refund', 'cancellation']),
      externalId: z.string(),
      amountMinor: z.number(),
      occurredAt: z.string(),
      /** A running total from the store (not added to the itemised refunds; the larger counts). */
      cumulative: z.boolean(),
    }),
  ),
});
export type Conversion = z.infer<typeof conversionSchema>;

export const conversionTotalsSchema = z.object({
  currency: z.string(),
  orders: z.number(),
  credited: z.number(),
  amountMinor: z.number(),
  creditedMinor: z.number(),
  refundedMinor: z.number(),
  /** Of `creditedMinor`: from verified sources (store webhooks, API, CSV) and from the pixel (unverified). */
  creditedVerifiedMinor: z.number(),
  creditedPixelMinor: z.number(),
  /** Of `orders`: reported by the pixel. */
  pixelOrders: z.number(),
});

export const conversionsPageSchema = z.object({
  items: z.array(conversionSchema),
  total: z.number(),
  /** Over every order matching the filters, one row per currency. */
  totals: z.array(conversionTotalsSchema),
  /** The program's connections, for the import dialog and filters. */
  connections: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(connectionKinds), disabled: z.boolean() }),
  ),
});
export type ConversionsPage = z.infer<typeof conversionsPageSchema>;

export const orderImportQuerySchema = z.object({
  onError: z.enum(['abort', 'skip']).default('abort'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const orderImportResultSchema = z.object({
  totalRows: z.number(),
  /** New orders (or that would be, in a dry run). */
  created: z.number(),
  /** Rows whose order is already stored for this connection (or repeated in the file). */
  duplicates: z.number(),
  /** Of the new orders, how many were credited to an ambassador. */
  credited: z.number(),
  skipped: z.number(),
  written: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
});
export type OrderImportResult = z.infer<typeof orderImportResultSchema>;

export const testDeliveryResultSchema = z.object({
  status: z.enum(deliveryStatuses).nullable(),
  httpStatus: z.number(),
  detail: z.string(),
});
export type TestDeliveryResult = z.infer<typeof testDeliveryResultSchema>;
