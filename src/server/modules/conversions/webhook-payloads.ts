// What Shopify, WooCommerce and Stripe send, read into orders and refunds for the ingest. Only the fields
// Troupe uses are declared; everything else in a payload passes through untouched. Ids are text: Shopify's
// pass 2^53, so the raw JSON is read with its large integers kept as strings (parseJsonLossless).
import { z } from 'zod';
import { type OrderInput, type RefundInput, referrerDomainOf } from './ingest-common';
import { toMinorUnits } from './orders-money';

/**
 * JSON.parse, except that integers too large to be exact doubles (more than 15 digits) become strings,
 * copied digit for digit from the text. (Node 20's JSON.parse reviver has no access to the source text.)
 * @example parseJsonLossless('{"id":5847392847123456789}') // { id: '5847392847123456789' }
 */
export function parseJsonLossless(text: string): unknown {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) {
      inString = true;
      continue;
    }
    const isDigitStart = (ch >= 48 && ch <= 57) || ch === 45;
    if (!isDigitStart) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
    const token = text.slice(i, end);
    if (/^-?\d{16,}$/.test(token)) {
      out += `${text.slice(last, i)}"${token}"`;
      last = end;
    }
    i = end - 1;
  }
  return JSON.parse(out + text.slice(last));
}

const idText = z.union([z.string(), z.number()]).transform((v) => String(v));
const nullableText = z.string().nullish();
const moneyText = z.union([z.string(), z.number()]);
const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date and time')
  .transform((v) => new Date(v));

export class PayloadError extends Error {}

function minor(amount: string | number, currency: string, field: string, allowNegative = false): number {
  const value = toMinorUnits(amount, currency, allowNegative);
  if (value === null) throw new PayloadError(`${field}: "${amount}" is not an amount in ${currency}`);
  return value;
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PayloadError(`${what}: ${issue?.path.join('.') || '(body)'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** The click id from note/meta attributes named `tclid` (or `troupe_tclid`, as the pixel's cookie). */
function clickIdFromAttributes(items: ReadonlyArray<{ name: string; value: unknown }>): string | null {
  for (const item of items) {
    const name = item.name.trim().toLowerCase();
    if (
      (name === 'tclid' || name === 'troupe_tclid' || name === '_tclid') &&
      typeof item.value === 'string'
    ) {
      const value = item.value.trim();
      if (value) return value;
    }
  }
  return null;
}

// Shopify (REST webhook payloads; the Order and Refund resources).
//
// Money: an order's `total_price` and `currency` are in the shop currency; a multi-currency order's
// customer pays in the presentment currency, and its refund transactions' `amount` / `currency` are in
// that presentment currency. Where Shopify sends a `*_set` (`total_price_set`, `transactions[].amount_set`)
// its `shop_money` is used, so an order and its refunds are in the same (shop) currency. A refund without
// `amount_set` states its presentment currency, and the ingest refuses it if that is not the order's.

/** Shopify's money in shop and presentment currencies (`*_set` fields). */
const shopifyMoneySet = z
  .object({
    shop_money: z.object({ amount: moneyText, currency_code: z.string().length(3) }).passthrough(),
  })
  .passthrough()
  .nullish();

const shopifyOrderSchema = z.object({
  id: idText,
  email: nullableText,
  contact_email: nullableText,
  customer: z.object({ email: nullableText }).passthrough().nullish(),
  created_at: isoDate,
  cancelled_at: nullableText,
  currency: z.string().length(3),
  total_price: moneyText,
  total_price_set: shopifyMoneySet,
  current_total_price: moneyText.nullish(),
  discount_codes: z.array(z.object({ code: z.string() }).passthrough()).nullish(),
  landing_site: nullableText,
  referring_site: nullableText,
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() }).passthrough()).nullish(),
});

/**
 * A Shopify order (orders/create, orders/paid, orders/cancelled). The amount is the total when the order
 * was placed in the shop currency (`total_price_set.shop_money`, else `total_price` / `currency`): refunds
 * are applied from their own deliveries, so `current_total_price` (already net of refunds) would reverse
 * them twice.
 */
export function shopifyOrder(payload: unknown): { order: OrderInput; cancelledAt: Date | null } {
  const o = parseWith(shopifyOrderSchema, payload, 'Shopify order');
  const cancelledAt =
    o.cancelled_at && !Number.isNaN(Date.parse(o.cancelled_at)) ? new Date(o.cancelled_at) : null;
  const shop = o.total_price_set?.shop_money;
  const currency = (shop?.currency_code ?? o.currency).toUpperCase();
  return {
    order: {
      externalId: o.id,
      occurredAt: o.created_at,
      amountMinor: shop
        ? minor(shop.amount, currency, 'total_price_set.shop_money.amount')
        : minor(o.total_price, currency, 'total_price'),
      currency,
      customerEmail: o.email || o.contact_email || o.customer?.email || null,
      codes: (o.discount_codes ?? []).map((d) => d.code),
      clickId: clickIdFromAttributes(o.note_attributes ?? []),
      landingUrl: o.landing_site ?? null,
      referrerDomain: referrerDomainOf(o.referring_site),
    },
    cancelledAt,
  };
}

const shopifyRefundSchema = z.object({
  id: idText,
  order_id: idText,
  created_at: isoDate,
  transactions: z
    .array(
      z
        .object({
          amount: moneyText,
          kind: z.string(),
          status: z.string().nullish(),
          currency: z.string().length(3).nullish(),
          amount_set: shopifyMoneySet,
        })
        .passthrough(),
    )
    .nullish(),
});

/**
 * A Shopify refund (refunds/create): the money is the sum of its successful `refund` transactions, each in
 * the shop currency when it carries `amount_set.shop_money`, else in its own (presentment) `currency`.
 * The refund states that currency, so the ingest refuses it when it is not the order's (shop) currency.
 */
export function shopifyRefund(payload: unknown, fallbackCurrency = 'USD'): RefundInput {
  const r = parseWith(shopifyRefundSchema, payload, 'Shopify refund');
  let amountMinor = 0;
  const currencies = new Set<string>();
  for (const [i, t] of (r.transactions ?? []).entries()) {
    if (t.kind !== 'refund' || (t.status && t.status !== 'success')) continue;
    const shop = t.amount_set?.shop_money;
    const currency = (shop?.currency_code ?? t.currency ?? fallbackCurrency).toUpperCase();
    currencies.add(currency);
    amountMinor += shop
      ? minor(shop.amount, currency, `transactions.${i}.amount_set.shop_money.amount`)
      : minor(t.amount, currency, `transactions.${i}.amount`);
  }
  if (currencies.size > 1) {
    throw new PayloadError(
      `Shopify refund: transactions are in ${[...currencies].join(' and ')} without amount_set.shop_money; Troupe does not add amounts across currencies`,
    );
  }
  const [currency] = currencies;
  return {
    kind: 'refund',
    externalId: r.id,
    externalOrderId: r.order_id,
    amountMinor,
    occurredAt: r.created_at,
    ...(currency ? { currency } : {}),
  };
}

// WooCommerce (REST API v3 order resource, as its webhooks deliver it).

const wooOrderSchema = z.object({
  id: idText,
  status: z.string(),
  currency: z.string().length(3),
  date_created_gmt: nullableText,
  date_created: nullableText,
  date_modified_gmt: nullableText,
  total: moneyText,
  billing: z.object({ email: nullableText }).passthrough().nullish(),
  coupon_lines: z.array(z.object({ code: z.string() }).passthrough()).nullish(),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() }).passthrough()).nullish(),
  refunds: z.array(z.object({ id: idText, total: moneyText, reason: nullableText }).passthrough()).nullish(),
});

/** WooCommerce's `_gmt` dates carry no zone: they are UTC. */
function wooDate(value: string | null | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const at = Date.parse(text);
  return Number.isNaN(at) ? fallback : new Date(at);
}

/**
 * A WooCommerce order (order.created / order.updated) as the order, and the refunds and cancellation its
 * current state carries: each entry of `refunds` (its `total` is negative) is a refund keyed by its id;
 * status `cancelled` or `failed` is a cancellation; status `refunded` with no refund entries is a full
 * refund. The click id is read from meta data `tclid` / `_tclid` (set by the pixel snippet or a plugin);
 * the landing page from `_wc_order_attribution_session_entry`, the referrer from
 * `_wc_order_attribution_referrer` (WooCommerce's own order attribution, 8.5+).
 */
export function wooOrder(payload: unknown, now = new Date()): { order: OrderInput; refunds: RefundInput[] } {
  const o = parseWith(wooOrderSchema, payload, 'WooCommerce order');
  const currency = o.currency.toUpperCase();
  const occurredAt = wooDate(o.date_created_gmt ?? o.date_created, now);
  const meta = (o.meta_data ?? []).map((m) => ({ name: m.key, value: m.value }));
  const metaText = (key: string) => {
    const value = meta.find((m) => m.name === key)?.value;
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const amountMinor = minor(o.total, currency, 'total');
  const changedAt = wooDate(o.date_modified_gmt, now);
  const refunds: RefundInput[] = (o.refunds ?? []).map((r, i) => ({
    kind: 'refund',
    externalId: r.id,
    externalOrderId: o.id,
    amountMinor: minor(r.total, currency, `refunds.${i}.total`, true),
    occurredAt: changedAt,
    currency,
  }));
  // A running total (the whole order): the ingest counts the larger of it and itemised refunds listed later.
  if (o.status === 'refunded' && refunds.length === 0) {
    refunds.push({
      kind: 'refund',
      externalId: `${o.id}:refunded`,
      externalOrderId: o.id,
      amountMinor,
      occurredAt: changedAt,
      isCumulative: true,
      currency,
    });
  }
  if (o.status === 'cancelled' || o.status === 'failed') {
    refunds.push({
      kind: 'cancellation',
      externalId: o.id,
      externalOrderId: o.id,
      amountMinor: 0,
      occurredAt: changedAt,
    });
  }
  return {
    order: {
      externalId: o.id,
      occurredAt,
      amountMinor,
      currency,
      customerEmail: o.billing?.email || null,
      codes: (o.coupon_lines ?? []).map((c) => c.code),
      clickId: clickIdFromAttributes(meta),
      landingUrl: metaText('_wc_order_attribution_session_entry'),
      referrerDomain: referrerDomainOf(metaText('_wc_order_attribution_referrer')),
    },
    refunds,
  };
}

// Stripe (Event objects; checkout.session.completed and charge.refunded).

export const stripeEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number().optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const promotionCode = z.union([z.string(), z.object({ code: z.string() }).passthrough()]).nullish();

const stripeSessionSchema = z.object({
  id: z.string(),
  created: z.number(),
  amount_total: z.number().int().nonnegative().nullish(),
  currency: z.string().length(3).nullish(),
  client_reference_id: nullableText,
  customer_email: nullableText,
  customer_details: z.object({ email: nullableText }).passthrough().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() }).passthrough()]).nullish(),
  payment_status: z.string().nullish(),
  discounts: z.array(z.object({ promotion_code: promotionCode }).passthrough()).nullish(),
  total_details: z
    .object({
      breakdown: z
        .object({
          discounts: z
            .array(
              z.object({ discount: z.object({ promotion_code: promotionCode }).passthrough() }).passthrough(),
            )
            .nullish(),
        })
        .passthrough()
        .nullish(),
    })
    .passthrough()
    .nullish(),
});

/**
 * A completed Checkout Session. Its external id is the PaymentIntent id (`pi_…`) when there is one — the
 * id `charge.refunded` carries — else the session id. The click id is `client_reference_id` (or
 * `metadata.tclid`); codes are `metadata.discount_code` (comma separated), plus any promotion code that
 * arrives expanded (`{ code }`): in a webhook, Stripe sends `discounts[].promotion_code` as an id only and
 * no `total_details.breakdown`, so pass the code the customer used in metadata when creating the session.
 * Amounts are already minor units. Unpaid sessions (`payment_status` unpaid, delayed methods) are skipped.
 */
export function stripeCheckoutSession(object: unknown): OrderInput | null {
  const s = parseWith(stripeSessionSchema, object, 'Stripe checkout session');
  if (s.payment_status === 'unpaid') return null;
  const metadata = s.metadata ?? {};
  const codes = new Set<string>();
  for (const part of [metadata.discount_code, metadata.discount_codes, metadata.code].join(',').split(',')) {
    if (part.trim()) codes.add(part.trim());
  }
  const expanded = [
    ...(s.discounts ?? []).map((d) => d.promotion_code),
    ...(s.total_details?.breakdown?.discounts ?? []).map((d) => d.discount.promotion_code),
  ];
  for (const p of expanded) if (p && typeof p === 'object') codes.add(p.code);
  const paymentIntent = typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent?.id;
  return {
    externalId: paymentIntent ?? s.id,
    occurredAt: new Date(s.created * 1000),
    amountMinor: s.amount_total ?? 0,
    currency: (s.currency ?? 'usd').toUpperCase(),
    customerEmail: s.customer_details?.email || s.customer_email || metadata.email || null,
    codes: [...codes],
    clickId: s.client_reference_id?.trim() || metadata.tclid?.trim() || null,
    landingUrl: metadata.landing_url ?? null,
    referrerDomain: referrerDomainOf(metadata.referrer),
  };
}

const stripeChargeSchema = z.object({
  id: z.string(),
  created: z.number(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() }).passthrough()]).nullish(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().length(3).nullish(),
  refunds: z
    .object({
      data: z.array(
        z
          .object({
            id: z.string(),
            amount: z.number().int().nonnegative(),
            created: z.number().optional(),
            currency: z.string().length(3).nullish(),
          })
          .passthrough(),
      ),
    })
    .passthrough()
    .nullish(),
});

/**
 * The refunds of a refunded charge, for the order keyed by its PaymentIntent. Each listed refund
 * (`refunds.data`, present when the endpoint's API version includes it or the field is expanded) counts by
 * its id; without the list (API versions from 2022-11-15 leave it out), `amount_refunded` — the charge's
 * running total — is kept as one cumulative refund under the charge id.
 */
export function stripeChargeRefunds(object: unknown): RefundInput[] {
  const c = parseWith(stripeChargeSchema, object, 'Stripe charge');
  const orderId = (typeof c.payment_intent === 'string' ? c.payment_intent : c.payment_intent?.id) ?? c.id;
  const listed = c.refunds?.data ?? [];
  const currency = (code: string | null | undefined) => (code ? { currency: code.toUpperCase() } : {});
  if (listed.length > 0) {
    return listed.map((r) => ({
      kind: 'refund',
      externalId: r.id,
      externalOrderId: orderId,
      amountMinor: r.amount,
      occurredAt: new Date((r.created ?? c.created) * 1000),
      ...currency(r.currency ?? c.currency),
    }));
  }
  // A running total: the ingest counts the larger of it and the itemised refunds, never both.
  return [
    {
      kind: 'refund',
      externalId: `${c.id}:amount_refunded`,
      externalOrderId: orderId,
      amountMinor: c.amount_refunded,
      occurredAt: new Date(c.created * 1000),
      isCumulative: true,
      ...currency(c.currency),
    },
  ];
}
