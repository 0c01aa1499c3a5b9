// Conversion ingest (T3, T5) of refunds and cancellations from every source, in batches, one transaction
// per batch, and the credit they leave an order (applyRefunds). Orders are in ingest.service.
//
// Rules, whatever the source:
// - Refunds and cancellations are keyed by their own id. One that arrives before its order is held
//   (`order_id` null) and applied when the order arrives; credit is reversed in proportion (applyRefunds).
// - A refund that states its currency is applied only to an order in that currency: credit is never
//   converted. Otherwise it is refused (not stored) with a reason naming both currencies. (A refund held
//   before its order cannot be checked on arrival: `order_refund` keeps no currency.)
// - Cumulative refunds (WooCommerce's `<order>:refunded` for a refunded order without listed refunds,
//   Stripe's `<charge>:amount_refunded` when the event leaves out the list) are running totals: an order's
//   refunded amount is the larger of its itemised refunds' sum and its largest cumulative figure.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { applyRefunds } from '../../../core/attribution';
import type { Db, Tx } from '../../db/client';
import { newId } from '../../lib/ids';
import { orderRefund, type StoreKind, storeOrder } from './conversions.schema';
import {
  groupBy,
  type IngestConnection,
  type IngestRefundsResult,
  isCumulativeRefund,
  kindOf,
  lockConnection,
  type RefundInput,
  type RefundOutcome,
} from './ingest-common';

interface RefundRow {
  kind: 'refund' | 'cancellation';
  externalId: string;
  amountMinor: number;
  occurredAt: Date;
}

/**
 * An order's refunded total, cancellation time and credit left, from all its refund rows. The refunded
 * total is the larger of the itemised refunds' sum and the largest cumulative figure (a running total
 * from the same store that may cover some or all of the itemised ones), never both added.
 */
export function refundFigures(
  kind: StoreKind | null,
  creditBaseMinor: number,
  orderAmountMinor: number,
  refunds: readonly RefundRow[],
) {
  let itemised = 0;
  let cumulative = 0;
  for (const r of refunds) {
    if (r.kind !== 'refund') continue;
    if (isCumulativeRefund(kind, r.externalId)) cumulative = Math.max(cumulative, r.amountMinor);
    else itemised += r.amountMinor;
  }
  const refundedMinor = Math.max(itemised, cumulative);
  const cancellations = refunds.filter((r) => r.kind === 'cancellation');
  const cancelledAt =
    cancellations.length === 0
      ? null
      : new Date(Math.min(...cancellations.map((c) => c.occurredAt.getTime())));
  const money = refundedMinor > 0 ? [{ externalRefundId: 'refunded', amountMinor: refundedMinor }] : [];
  return {
    refundedMinor,
    cancelledAt,
    creditedMinor: applyRefunds(creditBaseMinor, orderAmountMinor, money, cancelledAt !== null),
  };
}

/**
 * Stores a batch of refunds and cancellations of one connection in one transaction and re-computes the
 * credit of the orders they touch. Each is keyed by `(kind, external id)`: a repeat is a duplicate. One
 * whose order has not arrived yet is held and applied by `ingestOrders`.
 */
export async function ingestRefunds(
  db: Db | Tx,
  connection: IngestConnection,
  events: readonly RefundInput[],
): Promise<IngestRefundsResult> {
  if (events.length === 0) return { results: [], applied: 0, held: 0, duplicates: 0, refused: 0 };
  return db.transaction(async (tx) => {
    await lockConnection(tx, connection.id);
    const kind = await kindOf(tx, connection);
    const orders = await tx
      .select({ id: storeOrder.id, externalId: storeOrder.externalId, currency: storeOrder.currency })
      .from(storeOrder)
      .where(
        and(
          eq(storeOrder.connectionId, connection.id),
          inArray(storeOrder.externalId, [...new Set(events.map((e) => e.externalOrderId))]),
        ),
      );
    const orderIds = new Map(orders.map((r) => [r.externalId, r.id]));
    const orderCurrency = new Map(orders.map((r) => [r.externalId, r.currency.toUpperCase()]));
    const key = (e: { kind: string; externalId: string }) => `${e.kind}:${e.externalId}`;
    // A refund stating another currency than its order's is refused: credit is never converted.
    const refusals = new Map<string, string>();
    for (const e of events) {
      const stated = e.currency?.trim().toUpperCase();
      const expected = orderCurrency.get(e.externalOrderId);
      if (e.kind !== 'refund' || !stated || !expected || stated === expected) continue;
      refusals.set(
        key(e),
        `refund ${e.externalId} is in ${stated} but order ${e.externalOrderId} is in ${expected}; it was not applied (Troupe does not convert currencies): record it in ${expected}`,
      );
    }
    const unique = [...new Map(events.filter((e) => !refusals.has(key(e))).map((e) => [key(e), e])).values()];
    const toRow = (e: RefundInput) => ({
      id: newId('orderRefund'),
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      kind: e.kind,
      externalId: e.externalId,
      externalOrderId: e.externalOrderId,
      orderId: orderIds.get(e.externalOrderId) ?? null,
      amountMinor: e.amountMinor,
      occurredAt: e.occurredAt,
    });
    const written = new Set<string>();
    const plain = unique.filter((e) => !e.isCumulative).map(toRow);
    if (plain.length > 0) {
      const stored = await tx
        .insert(orderRefund)
        .values(plain)
        .onConflictDoNothing()
        .returning({ kind: orderRefund.kind, externalId: orderRefund.externalId });
      for (const s of stored) written.add(key(s));
    }
    for (const e of unique.filter((u) => u.isCumulative)) {
      const stored = await tx
        .insert(orderRefund)
        .values(toRow(e))
        .onConflictDoUpdate({
          target: [orderRefund.connectionId, orderRefund.kind, orderRefund.externalId],
          set: { amountMinor: sql`excluded.amount_minor` },
          setWhere: sql`${orderRefund.amountMinor} < excluded.amount_minor`,
        })
        .returning({ kind: orderRefund.kind, externalId: orderRefund.externalId });
      for (const s of stored) written.add(key(s));
    }
    const touched = [
      ...new Set(
        unique
          .filter((e) => written.has(key(e)))
          .map((e) => orderIds.get(e.externalOrderId))
          .filter((id): id is string => !!id),
      ),
    ];
    await recomputeCredit(tx, connection, kind, touched);

    const results: RefundOutcome[] = [];
    const reported = new Set<string>();
    for (const e of events) {
      const k = key(e);
      const refusal = refusals.get(k);
      if (refusal) {
        results.push({
          kind: e.kind,
          externalId: e.externalId,
          externalOrderId: e.externalOrderId,
          outcome: 'refused',
          detail: refusal,
        });
        continue;
      }
      const isNew = written.has(k) && !reported.has(k);
      reported.add(k);
      results.push({
        kind: e.kind,
        externalId: e.externalId,
        externalOrderId: e.externalOrderId,
        outcome: !isNew ? 'duplicate' : orderIds.has(e.externalOrderId) ? 'applied' : 'held',
      });
    }
    const count = (o: RefundOutcome['outcome']) => results.filter((r) => r.outcome === o).length;
    return {
      results,
      applied: count('applied'),
      held: count('held'),
      duplicates: count('duplicate'),
      refused: count('refused'),
    };
  });
}

/** Re-computes refunded total, cancellation and credit left of the given orders from their refund rows. */
async function recomputeCredit(
  tx: Tx,
  connection: IngestConnection,
  kind: StoreKind | null,
  orderIds: string[],
): Promise<void> {
  if (orderIds.length === 0) return;
  const orders = await tx
    .select({
      id: storeOrder.id,
      amountMinor: storeOrder.amountMinor,
      ambassadorId: storeOrder.ambassadorId,
    })
    .from(storeOrder)
    .where(and(eq(storeOrder.workspaceId, connection.workspaceId), inArray(storeOrder.id, orderIds)));
  const refunds = await tx
    .select({
      orderId: orderRefund.orderId,
      kind: orderRefund.kind,
      externalId: orderRefund.externalId,
      amountMinor: orderRefund.amountMinor,
      occurredAt: orderRefund.occurredAt,
    })
    .from(orderRefund)
    .where(and(eq(orderRefund.connectionId, connection.id), inArray(orderRefund.orderId, orderIds)));
  const byOrder = groupBy(refunds, (r) => r.orderId ?? '');
  const values = orders.map((o) => {
    const f = refundFigures(kind, o.ambassadorId ? o.amountMinor : 0, o.amountMinor, byOrder.get(o.id) ?? []);
    return sql`(${o.id}, ${f.refundedMinor}::bigint, ${f.creditedMinor}::bigint, ${f.cancelledAt?.toISOString() ?? null}::timestamptz)`;
  });
  await tx.execute(sql`
    update store_order o
    set refunded_minor = v.refunded, credited_minor = v.credited,
        cancelled_at = coalesce(o.cancelled_at, v.cancelled_at), updated_at = now()
    from (values ${sql.join(values, sql`, `)}) as v(id, refunded, credited, cancelled_at)
    where o.id = v.id`);
}
