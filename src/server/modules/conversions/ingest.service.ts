// Conversion ingest (T3, T5) with attribution (T4): orders from every source (store webhooks, pixel, API,
// CSV) land here in batches, one transaction per batch, with bulk lookups and multi-row writes. Refunds and
// cancellations are in ingest-refunds.service; what both share is in ingest-common.
//
// Rules, whatever the source:
// - An order is `(connection, external id)`. Delivered again it is acknowledged as a duplicate: the first
//   write wins for the amount, customer, codes, click and attribution (an order update such as Shopify's
//   orders/paid after orders/create, or WooCommerce's order.updated, never counts twice or re-attributes).
//   Status changes (refunds, cancellations) arrive as refund events and are applied.
// - Refunds that arrived before their order are held and applied when the order arrives (refundFigures).
// - Within a program, an order id reported by the pixel and by a store connection (Shopify, WooCommerce,
//   Stripe, API, CSV) is one order, and the store's report wins: the pixel's report of an order already
//   stored on another connection is a duplicate; a store's report of an order the pixel reported replaces
//   the pixel's row (the pixel sends no refunds, so nothing held is lost). While a program has a pixel,
//   its order ingest is also serialised per program so the two reports cannot both be written.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type AmbassadorCode,
  type AttributableAmbassador,
  type AttributionResult,
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
import { orderRefund, storeConnection, storeOrder } from './conversions.schema';
import {
  groupBy,
  type IngestConnection,
  type IngestOrdersResult,
  lockConnection,
  lockProgramOrders,
  type OrderInput,
  type OrderOutcome,
} from './ingest-common';
import { refundFigures } from './ingest-refunds.service';

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
