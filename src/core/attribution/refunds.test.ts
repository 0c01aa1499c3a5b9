import { describe, expect, it } from 'vitest';
import { applyRefunds, type OrderRefund } from './refunds';

const refund = (externalRefundId: string, amountMinor: number): OrderRefund => ({
  externalRefundId,
  amountMinor,
});

describe('applyRefunds', () => {
  // Credit 1,000 (e.g. a 10% commission) on an order of 10,000.
  const cases: Array<{
    name: string;
    credit?: number;
    order?: number;
    refunds: OrderRefund[];
    cancelled?: boolean;
    expected: number;
  }> = [
    { name: 'no refunds keeps the full credit', refunds: [], expected: 1_000 },
    { name: 'partial refund of a quarter', refunds: [refund('re_1', 2_500)], expected: 750 },
    {
      name: 'several partial refunds add up',
      refunds: [refund('re_1', 2_500), refund('re_2', 2_500), refund('re_3', 1_000)],
      expected: 400,
    },
    {
      name: 'the same refund delivered twice counts once',
      refunds: [refund('re_1', 2_500), refund('re_1', 2_500)],
      expected: 750,
    },
    {
      name: 'a replay with a different amount is still the first delivery',
      refunds: [refund('re_1', 2_500), refund('re_1', 9_000)],
      expected: 750,
    },
    { name: 'full refund leaves nothing', refunds: [refund('re_1', 10_000)], expected: 0 },
    {
      name: 'refunds above the order total clamp at 0',
      refunds: [refund('re_1', 8_000), refund('re_2', 8_000)],
      expected: 0,
    },
    { name: 'cancellation leaves nothing', refunds: [], cancelled: true, expected: 0 },
    {
      name: 'cancellation after a partial refund leaves nothing',
      refunds: [refund('re_1', 1_000)],
      cancelled: true,
      expected: 0,
    },
    {
      name: 'rounds half up to the minor unit',
      credit: 1_000,
      order: 3_000,
      refunds: [refund('re_1', 1_000)],
      expected: 667,
    },
    {
      name: 'rounds down below the half',
      credit: 1_000,
      order: 3_000,
      refunds: [refund('re_1', 2_000)],
      expected: 333,
    },
    {
      name: 'a free order keeps its credit',
      credit: 500,
      order: 0,
      refunds: [refund('re_1', 0)],
      expected: 500,
    },
    {
      name: 'large amounts stay exact',
      credit: 900_000_000_000,
      order: 9_000_000_000_000,
      refunds: [refund('re_1', 3_000_000_000_000)],
      expected: 600_000_000_000,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(applyRefunds(c.credit ?? 1_000, c.order ?? 10_000, c.refunds, c.cancelled ?? false)).toBe(
        c.expected,
      );
    });
  }

  it('gives the same figure whatever order the refunds arrive in', () => {
    const refunds = [refund('re_1', 1_234), refund('re_2', 3_333), refund('re_1', 1_234)];
    expect(applyRefunds(1_000, 10_000, refunds, false)).toBe(
      applyRefunds(1_000, 10_000, [...refunds].reverse(), false),
    );
  });

  const invalid: Array<{ name: string; args: [number, number, OrderRefund[]] }> = [
    { name: 'negative credit', args: [-1, 10_000, []] },
    { name: 'fractional order amount', args: [1_000, 99.5, []] },
    { name: 'negative refund', args: [1_000, 10_000, [refund('re_1', -5)]] },
  ];
  for (const c of invalid) {
    it(`refuses ${c.name}`, () => {
      expect(() => applyRefunds(...c.args, false)).toThrow(RangeError);
    });
  }
});
