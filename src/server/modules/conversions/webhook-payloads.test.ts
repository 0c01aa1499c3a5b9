import { describe, expect, it } from 'vitest';
import {
  parseJsonLossless,
  shopifyRefund,
  stripeChargeRefunds,
  stripeCheckoutSession,
  wooOrder,
} from './webhook-payloads';

describe('parseJsonLossless', () => {
  it.each([
    ['{"id":5847392847123456789}', { id: '5847392847123456789' }],
    ['{"id":-9007199254740993}', { id: '-9007199254740993' }],
    ['{"id":123,"x":1.5,"e":1e21}', { id: 123, x: 1.5, e: 1e21 }],
    [
      '{"s":"12345678901234567890","n":[1,22222222222222222222]}',
      { s: '12345678901234567890', n: [1, '22222222222222222222'] },
    ],
    [
      '{"q":"a \\" 99999999999999999 \\\\","v":99999999999999999}',
      { q: 'a " 99999999999999999 \\', v: '99999999999999999' },
    ],
  ])('%s', (text, expected) => {
    expect(parseJsonLossless(text)).toEqual(expected);
  });
});

describe('payload readers', () => {
  it('sums only successful refund transactions of a Shopify refund', () => {
    const refund = shopifyRefund({
      id: 1,
      order_id: 2,
      created_at: '2026-01-01T00:00:00Z',
      transactions: [
        { amount: '10.00', kind: 'refund', status: 'success', currency: 'USD' },
        { amount: '5.00', kind: 'refund', status: 'failure', currency: 'USD' },
        { amount: '3.00', kind: 'sale', status: 'success', currency: 'USD' },
      ],
    });
    expect(refund).toMatchObject({ externalId: '1', externalOrderId: '2', amountMinor: 1000 });
  });

  it('reads a WooCommerce GMT date as UTC and a refunded status without entries as a full refund', () => {
    const { order, refunds } = wooOrder({
      id: 5,
      status: 'refunded',
      currency: 'JPY',
      date_created_gmt: '2026-01-01T10:00:00',
      total: '1200',
      refunds: [],
    });
    expect(order.occurredAt.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(order.amountMinor).toBe(1200);
    expect(refunds).toEqual([expect.objectContaining({ amountMinor: 1200, isCumulative: true })]);
  });

  it('skips unpaid Stripe sessions and keys paid ones by PaymentIntent', () => {
    const base = { id: 'cs_1', created: 1_700_000_000, amount_total: 500, currency: 'eur' };
    expect(stripeCheckoutSession({ ...base, payment_status: 'unpaid' })).toBeNull();
    expect(
      stripeCheckoutSession({
        ...base,
        payment_intent: 'pi_1',
        discounts: [{ promotion_code: { code: 'SUN' } }],
      }),
    ).toMatchObject({
      externalId: 'pi_1',
      currency: 'EUR',
      codes: ['SUN'],
    });
    expect(
      stripeChargeRefunds({ id: 'ch_1', created: 1, amount_refunded: 300, payment_intent: null }),
    ).toEqual([expect.objectContaining({ externalOrderId: 'ch_1', amountMinor: 300, isCumulative: true })]);
  });
});
