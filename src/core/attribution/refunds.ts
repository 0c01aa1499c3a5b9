// Reverses credit when an order is refunded or cancelled (PRODUCT T4): in proportion to the refunded
// share of the order, computed from the totals so replays and reordering give the same figure.

export interface OrderRefund {
  externalRefundId: string;
  amountMinor: number;
}

/**
 * The credit left after refunds: `credit × (order − refunded) / order`, rounded half up to a minor unit,
 * never below 0. Refunds are keyed by id: a refund delivered again (same id) counts once, whatever its
 * amount the second time. A cancelled order keeps no credit. An order of 0 keeps its credit unless
 * cancelled (there is nothing to take a share of). Amounts must be non-negative safe integers.
 * @example applyRefunds(1_000, 10_000, [{ externalRefundId: 're_1', amountMinor: 2_500 }], false) // 750
 */
export function applyRefunds(
  creditAmountMinor: number,
  orderAmountMinor: number,
  refunds: readonly OrderRefund[],
  cancelled: boolean,
): number {
  assertMinorUnits('creditAmountMinor', creditAmountMinor);
  assertMinorUnits('orderAmountMinor', orderAmountMinor);
  const seen = new Set<string>();
  let refunded = 0;
  for (const refund of refunds) {
    assertMinorUnits(`refund ${refund.externalRefundId}`, refund.amountMinor);
    if (seen.has(refund.externalRefundId)) continue;
    seen.add(refund.externalRefundId);
    refunded += refund.amountMinor;
  }
  if (cancelled) return 0;
  if (orderAmountMinor === 0) return creditAmountMinor;
  const kept = BigInt(Math.max(0, orderAmountMinor - refunded));
  // Exact integer maths: credit × kept can pass 2^53 for large orders.
  const order = BigInt(orderAmountMinor);
  return Number((BigInt(creditAmountMinor) * kept * 2n + order) / (2n * order));
}

function assertMinorUnits(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer of minor units, got ${value}`);
  }
}
