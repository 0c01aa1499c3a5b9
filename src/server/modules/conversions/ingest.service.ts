// Conversion ingest (T3, T5) with attribution (T4): orders and refunds from every source (store webhooks,
// pixel, API, CSV) land here in batches, one transaction per batch, with bulk lookups and multi-row writes.
//
// Rules, whatever the source:
// - An order is `(connection, external id)`. Delivered again it is acknowledged as a duplicate: the first
//   write wins for the amount, customer, codes, click and attribution (an order update such as Shopify's
//   orders/paid after orders/create, or WooCommerce's order.updated, never counts twice or re-attributes).
//   Status changes (refunds, cancellations) arrive as refund events and are applied.
// - Refunds and cancellations are keyed by their own id. One that arrives before its order is held
//   (`order_id` null) and applied when the order arrives; credit is reversed in proportion (applyRefunds).
// - Ingest for one connection is serialised by a transaction-scoped advisory lock, so an order and its
//   refund arriving at the same moment cannot miss each other.
// - Within a program, an order id reported by the pixel and by a store connection (Shopify, WooCommerce,
//   Stripe, API, CSV) is one order, and the store's report wins: the pixel's report of an order already
//   stored on another connection is a duplicate; a store's report of an order the pixel reported replaces
//   the pixel's row (the pixel sends no refunds, so nothing held is lost). While a program has a pixel,
//   its order ingest is also serialised per program so the two reports cannot both be written.
// - A refund that states its currency is applied only to an order in that currency: credit is never
//   converted. Otherwise it is refused (not stored) with a reason naming both currencies. (A refund held
//   before its order cannot be checked on arrival: `order_refund` keeps no currency.)
// - Cumulative refunds (WooCommerce's `<order>:refunded` for a refunded order without listed refunds,
//   Stripe's `<charge>:amount_refunded` when the event leaves out the list) are running totals: an order's
//   refunded amount is the larger of its itemised refunds' sum and its largest cumulative figure.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type AmbassadorCode,
  type AttributableAmbassador,
  type AttributionResult,
  applyRefunds,
  attribute,
  normalizeCode,
  parseLandingUrl,
  type TrackedClick,
} from '../../../core/attribution';
import type { Db, Tx } from '../../db/client';
import { newId } from '../../lib/ids';
import { discountCode } from '../codes/codes.schema';
import { click } from '../links/links.schema';
import { ambassador, creator } from '../people/people.schema';
import { getTrackingSettings } from '../tracking/tracking.service';
import { orderRefund, type StoreKind, storeConnection, storeOrder } from './conversions.schema';

/** One order as a source reports it, already in minor units. */
export interface OrderInput {
  externalId: string;
  occurredAt: Date;
  amountMinor: number;
  currency: string;
  customerEmail?: string | null;
  codes: string[];
  clickId?: string | null;
  landingUrl?: string | null;
  /** The host the customer came from (Shopify `referring_site`), for coupon-site leak detection. */
  referrerDomain?: string | null;
}

/** A refund or a cancellation of an order, keyed by its own id. */
export interface RefundInput {
  kind: 'refund' | 'cancellation';
  externalId: string;
  externalOrderId: string;
  amountMinor: number;
  occurredAt: Date;
  /**
   * The amount is a running total that replaces a smaller figure under the same id (Stripe's
   * `charge.amount_refunded` when the event does not list the refunds themselves). Its id must end as
   * `isCumulativeRefund` recognises.
   */
  isCumulative?: boolean;
  /**
   * The currency of `amountMinor` when the source states it. A refund in another currency than its
   * order's is refused, never applied.
   */
  currency?: string | null;
}

export type IngestConnection = Pick<typeof storeConnection.$inferSelect, 'id' | 'workspaceId' | 'programId'>;

export interface OrderOutcome {
  externalId: string;
  orderId: string;
  outcome: 'created' | 'duplicate';
  /** For a created order: the credited ambassador, or null with the rejection reason. */
  ambassadorId?: string | null;
  /** A created store order that replaced the pixel's report of the same order id (its row id). */
  replacedPixelOrderId?: string;
  /** A duplicate already stored by another connection of the program (a pixel report of a store order). */
  storedBy?: 'another_connection';
}

export interface IngestOrdersResult {
  results: OrderOutcome[];
  created: number;
  duplicates: number;
}

export interface RefundOutcome {
  kind: 'refund' | 'cancellation';
  externalId: string;
  externalOrderId: string;
  outcome: 'applied' | 'held' | 'duplicate' | 'refused';
  /** Why a refund was refused (its currency is not its order's). */
  detail?: string;
}

export interface IngestRefundsResult {
  results: RefundOutcome[];
  applied: number;
  held: number;
  duplicates: number;
  refused: number;
}

/**
 * Whether a stored refund of a connection of this kind is a cumulative figure (a running total) rather
 * than one itemised refund, recognised by the external id the payload readers give it.
 * @example isCumulativeRefund('stripe', 'ch_1:amount_refunded') // true
 */
export function isCumulativeRefund(kind: StoreKind | null | undefined, externalId: string): boolean {
  if (kind === 'stripe') return externalId.endsWith(':amount_refunded');
  if (kind === 'woocommerce') return externalId.endsWith(':refunded');
  return false;
}

/** The host of a URL (`https://www.coupons.example/x` → `coupons.example`), or null. */
export function referrerDomainOf(url: string | null | undefined): string | null {
  const text = url?.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
    const bare = host.toLowerCase().replace(/^www\./, '');
    return bare.includes('.') ? bare : null;
  } catch {
    return null;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

async function lockConnection(tx: Db | Tx, connectionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${connectionId}, 0))`);
}

/** Serialises order ingest across a program's connections (taken after the connection's lock). */
async function lockProgramOrders(tx: Db | Tx, programId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`orders:${programId}`}, 0))`);
}

/** The kind of a connection, read from the database (callers pass only ids). */
async function kindOf(tx: Db | Tx, connection: IngestConnection): Promise<StoreKind | null> {
  const [row] = await tx
    .select({ kind: storeConnection.kind })
    .from(storeConnection)
    .where(
      and(eq(storeConnection.workspaceId, connection.workspaceId), eq(storeConnection.id, connection.id)),
    );
  return row?.kind ?? null;
}

interface CodeRow {
  code: string;
  ambassadorId: string;
  status: 'active' | 'retired';
  retiredAt: Date | null;
}

/**
 * Stores a batch of orders of one connection with their attribution, in one transaction (a savepoint when
 * `db` is already a transaction). Orders already stored (or repeated within the batch) are duplicates.
 * Refunds held for a new order are applied to it.
 * @example await ingestOrders(db, connection, [{ externalId: '1001', occurredAt, amountMinor: 4990, currency: 'USD', codes: ['JANE15'] }])
 */
export async function ingestOrders(
  db: Db | Tx,
  connection: IngestConnection,
  events: readonly OrderInput[],
): Promise<IngestOrdersResult> {
  if (events.length === 0) return { results: [], created: 0, duplicates: 0 };
  return db.transaction(async (tx) => {
    await lockConnection(tx, connection.id);
    const scope = { workspaceId: connection.workspaceId };
    // The program's other connections whose reports can be the same order: for the pixel, all of them;
    // for a store, its pixels.
    const programConnections = await tx
      .select({ id: storeConnection.id, kind: storeConnection.kind })
      .from(storeConnection)
      .where(
        and(
          eq(storeConnection.workspaceId, connection.workspaceId),
          eq(storeConnection.programId, connection.programId),
        ),
      );
    const kind = programConnections.find((c) => c.id === connection.id)?.kind ?? null;
    const isPixel = kind === 'pixel';
    const overlapping = programConnections
      .filter((c) => c.id !== connection.id && (isPixel || c.kind === 'pixel'))
      .map((c) => c.id);
    if (overlapping.length > 0) await lockProgramOrders(tx, connection.programId);
    const externalIds = [...new Set(events.map((e) => e.externalId))];
    const existing = new Map(
      (
        await tx
          .select({ id: storeOrder.id, externalId: storeOrder.externalId })
          .from(storeOrder)
          .where(and(eq(storeOrder.connectionId, connection.id), inArray(storeOrder.externalId, externalIds)))
      ).map((r) => [r.externalId, r.id]),
    );
    const unseen: OrderInput[] = [];
    const seen = new Set<string>();
    for (const event of events) {
      if (existing.has(event.externalId) || seen.has(event.externalId)) continue;
      seen.add(event.externalId);
      unseen.push(event);
    }
    // The same order id on the program's overlapping connections: the store's report wins.
    const elsewhere =
      overlapping.length === 0 || unseen.length === 0
        ? []
        : await tx
            .select({ id: storeOrder.id, externalId: storeOrder.externalId })
            .from(storeOrder)
            .where(
              and(
                eq(storeOrder.workspaceId, connection.workspaceId),
                inArray(storeOrder.connectionId, overlapping),
                inArray(
                  storeOrder.externalId,
                  unseen.map((e) => e.externalId),
                ),
              ),
            );
    const storedElsewhere = new Map<string, string>();
    const replaced = new Map<string, string>();
    for (const row of elsewhere) {
      const into = isPixel ? storedElsewhere : replaced;
      if (!into.has(row.externalId)) into.set(row.externalId, row.id);
    }
    const fresh = isPixel ? unseen.filter((e) => !storedElsewhere.has(e.externalId)) : unseen;
    if (replaced.size > 0) {
      // The pixel's rows go (their refund rows with them; the pixel sends none) before the store's land.
      await tx.delete(storeOrder).where(
        and(
          eq(storeOrder.workspaceId, connection.workspaceId),
          inArray(
            storeOrder.id,
            elsewhere.map((r) => r.id),
          ),
        ),
      );
    }

    const inserted = new Map<string, { id: string; ambassadorId: string | null }>();
    if (fresh.length > 0) {
      const clickIds = new Set<string>();
      const codes = new Set<string>();
      for (const event of fresh) {
        const fromUrl = parseLandingUrl(event.landingUrl).clickId;
        if (event.clickId?.trim()) clickIds.add(event.clickId.trim());
        if (fromUrl) clickIds.add(fromUrl);
        for (const code of event.codes) if (code.trim()) codes.add(normalizeCode(code));
      }
      // One after another: a transaction is one connection, and queries on it do not overlap.
      const clicks: TrackedClick[] =
        clickIds.size === 0
          ? []
          : await tx
              .select({
                clickId: click.id,
                ambassadorId: click.ambassadorId,
                at: click.at,
                isBot: click.isBot,
              })
              .from(click)
              .where(
                and(
                  eq(click.workspaceId, connection.workspaceId),
                  eq(click.programId, connection.programId),
                  inArray(click.id, [...clickIds]),
                ),
              );
      const codeRows: CodeRow[] =
        codes.size === 0
          ? []
          : await tx
              .select({
                code: discountCode.code,
                ambassadorId: discountCode.ambassadorId,
                status: discountCode.status,
                retiredAt: discountCode.retiredAt,
              })
              .from(discountCode)
              .where(
                and(
                  eq(discountCode.workspaceId, connection.workspaceId),
                  eq(discountCode.programId, connection.programId),
                  inArray(sql`upper(${discountCode.code})`, [...codes]),
                ),
              );
      const settings = await getTrackingSettings(tx, scope, connection.programId);
      const pending = await tx
        .select({
          externalOrderId: orderRefund.externalOrderId,
          externalId: orderRefund.externalId,
          kind: orderRefund.kind,
          amountMinor: orderRefund.amountMinor,
          occurredAt: orderRefund.occurredAt,
        })
        .from(orderRefund)
        .where(
          and(
            eq(orderRefund.connectionId, connection.id),
            isNull(orderRefund.orderId),
            inArray(
              orderRefund.externalOrderId,
              fresh.map((e) => e.externalId),
            ),
          ),
        );
      const ambassadorIds = [...new Set([...clicks, ...codeRows].map((r) => r.ambassadorId))];
      const ambassadors: AttributableAmbassador[] =
        ambassadorIds.length === 0
          ? []
          : await tx
              .select({ id: ambassador.id, email: creator.email })
              .from(ambassador)
              .innerJoin(creator, eq(creator.id, ambassador.creatorId))
              .where(
                and(
                  eq(ambassador.workspaceId, connection.workspaceId),
                  eq(ambassador.programId, connection.programId),
                  inArray(ambassador.id, ambassadorIds),
                ),
              );
      const codesByName = new Map(codeRows.map((c) => [normalizeCode(c.code), c]));
      const clickById = new Map(clicks.map((c) => [c.clickId, c]));
      const ambassadorById = new Map(ambassadors.map((a) => [a.id, a]));
      const pendingByOrder = groupBy(pending, (p) => p.externalOrderId);
      const rules = settings.attributionRules;

      const rows = fresh.map((event) => {
        const id = newId('storeOrder');
        // A retired code still credits orders placed before it was retired (late deliveries).
        const orderCodes: AmbassadorCode[] = [];
        for (const raw of event.codes) {
          const row = codesByName.get(normalizeCode(raw));
          if (!row) continue;
          if (row.status === 'retired' && !(row.retiredAt && event.occurredAt < row.retiredAt)) continue;
          orderCodes.push({ code: row.code, ambassadorId: row.ambassadorId });
        }
        // Each order sees only its own clicks and ambassadors: the engine scans what it is given.
        const orderClicks: TrackedClick[] = [];
        for (const id of [event.clickId?.trim(), parseLandingUrl(event.landingUrl).clickId]) {
          const found = id ? clickById.get(id) : undefined;
          if (found && !orderClicks.includes(found)) orderClicks.push(found);
        }
        const orderAmbassadors: AttributableAmbassador[] = [];
        for (const ambassadorId of new Set([...orderClicks, ...orderCodes].map((x) => x.ambassadorId))) {
          const found = ambassadorById.get(ambassadorId);
          if (found) orderAmbassadors.push(found);
        }
        const result: AttributionResult = attribute(
          {
            store: connection.id,
            externalOrderId: event.externalId,
            occurredAt: event.occurredAt,
            amountMinor: event.amountMinor,
            currency: event.currency,
            customerEmail: event.customerEmail ?? null,
            codes: event.codes,
            clickId: event.clickId ?? null,
            landingUrl: event.landingUrl ?? null,
          },
          { clicks: orderClicks, codes: orderCodes, ambassadors: orderAmbassadors, rules },
        );
        const held = pendingByOrder.get(event.externalId) ?? [];
        const figures = refundFigures(kind, result.credited ? event.amountMinor : 0, event.amountMinor, held);
        inserted.set(event.externalId, { id, ambassadorId: result.credited?.ambassadorId ?? null });
        return {
          id,
          workspaceId: connection.workspaceId,
          programId: connection.programId,
          connectionId: connection.id,
          externalId: event.externalId,
          occurredAt: event.occurredAt,
          amountMinor: event.amountMinor,
          currency: event.currency.toUpperCase(),
          customerEmail: event.customerEmail?.trim() || null,
          codes: event.codes.map(normalizeCode).filter((c) => c !== ''),
          clickId: event.clickId?.trim() || parseLandingUrl(event.landingUrl).clickId || null,
          landingUrl: event.landingUrl?.trim() || null,
          referrerDomain: event.referrerDomain ?? null,
          cancelledAt: figures.cancelledAt,
          refundedMinor: figures.refundedMinor,
          ambassadorId: result.credited?.ambassadorId ?? null,
          method: result.credited?.method ?? null,
          evidence: result.credited?.evidence ?? null,
          reason: result.credited?.reason ?? result.rejected?.message ?? null,
          rejectedReason: result.rejected?.reason ?? null,
          creditedMinor: figures.creditedMinor,
        };
      });
      // Chunked so a batch stays under the driver's 65,535 parameters.
      for (let i = 0; i < rows.length; i += 1_000) {
        const stored = await tx
          .insert(storeOrder)
          .values(rows.slice(i, i + 1_000))
          .onConflictDoNothing()
          .returning({ externalId: storeOrder.externalId });
        const storedIds = new Set(stored.map((s) => s.externalId));
        for (const row of rows.slice(i, i + 1_000))
          if (!storedIds.has(row.externalId)) inserted.delete(row.externalId);
      }
      if (pending.length > 0) {
        await tx.execute(sql`
          update order_refund r set order_id = o.id
          from store_order o
          where r.connection_id = ${connection.id} and r.order_id is null
            and o.connection_id = ${connection.id} and o.external_id = r.external_order_id`);
      }
    }

    const results: OrderOutcome[] = [];
    const reported = new Set<string>();
    for (const event of events) {
      const created = inserted.get(event.externalId);
      if (created && !reported.has(event.externalId)) {
        reported.add(event.externalId);
        const replacedId = replaced.get(event.externalId);
        results.push({
          externalId: event.externalId,
          orderId: created.id,
          outcome: 'created',
          ambassadorId: created.ambassadorId,
          ...(replacedId ? { replacedPixelOrderId: replacedId } : {}),
        });
      } else {
        const otherId = storedElsewhere.get(event.externalId);
        results.push({
          externalId: event.externalId,
          orderId: existing.get(event.externalId) ?? otherId ?? created?.id ?? '',
          outcome: 'duplicate',
          ...(otherId && !existing.has(event.externalId) ? { storedBy: 'another_connection' as const } : {}),
        });
      }
    }
    const createdCount = results.filter((r) => r.outcome === 'created').length;
    return { results, created: createdCount, duplicates: results.length - createdCount };
  });
}

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
function refundFigures(
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
