// The conversions table (T3/T4 in the app): a program's orders with their attribution, refunds and totals,
// the CSV export, and what the API and the CSV import share (connections in scope, API-key look-up).
import { stringify } from 'csv-stringify/sync';
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AttributionEvidence, RejectionReason } from '../../../core/attribution';
import { connectionKindLabels } from '../../../core/stores/kinds';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { click } from '../links/links.schema';
import { formulaStart } from '../people/creator-csv.service';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { ambassadorIdsIn, ambassadorNames, withNames } from './ambassador-names';
import { hashApiKey } from './api-key-hash';
import type {
  ApiOrder,
  ApiRefund,
  Conversion,
  ConversionsPage,
  ConversionsQuery,
} from './conversions.contract';
import { apiKey, orderRefund, storeConnection, storeOrder } from './conversions.schema';
import {
  type IngestConnection,
  isCumulativeRefund,
  type OrderInput,
  type RefundInput,
  referrerDomainOf,
} from './ingest-common';
import { fromMinorUnits, toMinorUnits } from './orders-money';

/** A connection of the workspace, or 404 (the same answer as another workspace's connection). */
export async function getConnectionOrThrow(
  db: Db,
  scope: Pick<WorkspaceScope, 'workspaceId'>,
  connectionId: string,
) {
  const [row] = await db
    .select()
    .from(storeConnection)
    .where(and(eq(storeConnection.workspaceId, scope.workspaceId), eq(storeConnection.id, connectionId)));
  if (!row) throw notFound('store connection', connectionId);
  return row;
}

async function assertProgramInScope(db: Db, scope: WorkspaceScope, programId: string): Promise<void> {
  const [row] = await db
    .select({ id: program.id })
    .from(program)
    .where(and(eq(program.workspaceId, scope.workspaceId), eq(program.id, programId)));
  if (!row) throw notFound('program', programId);
}

/**
 * The connection an API key reports for, checked by the key's hash; not revoked, connection not disabled.
 * Marks the key used. Anything wrong is the same 401, so a probe learns nothing.
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | undefined,
): Promise<IngestConnection> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new AppError('unauthenticated', 'Send your API key as "Authorization: Bearer <key>".');
  const [row] = await db
    .select({
      keyId: apiKey.id,
      id: storeConnection.id,
      workspaceId: storeConnection.workspaceId,
      programId: storeConnection.programId,
      disabledAt: storeConnection.disabledAt,
    })
    .from(apiKey)
    .innerJoin(storeConnection, eq(storeConnection.id, apiKey.connectionId))
    .where(and(eq(apiKey.tokenHash, hashApiKey(token)), isNull(apiKey.revokedAt)));
  if (!row || row.disabledAt)
    throw new AppError('unauthenticated', 'This API key is not valid (unknown or revoked).');
  await db.update(apiKey).set({ lastUsedAt: new Date() }).where(eq(apiKey.id, row.keyId));
  return { id: row.id, workspaceId: row.workspaceId, programId: row.programId };
}

/** An API (or CSV) order as the ingest takes it. The contract has already checked the amount. */
export function apiOrderToInput(order: ApiOrder): OrderInput {
  return {
    externalId: order.externalId,
    occurredAt: order.occurredAt,
    amountMinor: order.amountMinor ?? toMinorUnits(order.amount ?? '0', order.currency) ?? 0,
    currency: order.currency,
    customerEmail: order.customerEmail ?? null,
    codes: order.codes.filter((c) => c !== ''),
    clickId: order.clickId,
    landingUrl: order.landingUrl,
    referrerDomain: referrerDomainOf(order.referrerUrl),
  };
}

export function apiRefundToInput(refund: ApiRefund): RefundInput {
  return {
    kind: refund.type,
    externalId: refund.externalId,
    externalOrderId: refund.orderExternalId,
    amountMinor:
      refund.type === 'cancellation'
        ? 0
        : (refund.amountMinor ?? toMinorUnits(refund.amount ?? '0', refund.currency ?? 'USD') ?? 0),
    occurredAt: refund.occurredAt,
    currency: refund.type === 'refund' ? (refund.currency ?? null) : null,
  };
}

function filtersOf(scope: WorkspaceScope, programId: string, query: Partial<ConversionsQuery>): SQL {
  const where: Array<SQL | undefined> = [
    eq(storeOrder.workspaceId, scope.workspaceId),
    eq(storeOrder.programId, programId),
  ];
  if (query.ambassadorId) where.push(eq(storeOrder.ambassadorId, query.ambassadorId));
  if (query.connectionId) where.push(eq(storeOrder.connectionId, query.connectionId));
  if (query.method) where.push(eq(storeOrder.method, query.method));
  if (query.status === 'credited') where.push(isNotNull(storeOrder.ambassadorId));
  if (query.status === 'rejected') where.push(isNull(storeOrder.ambassadorId));
  if (query.refunded === 'yes')
    where.push(or(gt(storeOrder.refundedMinor, 0), isNotNull(storeOrder.cancelledAt)));
  if (query.refunded === 'no')
    where.push(and(eq(storeOrder.refundedMinor, 0), isNull(storeOrder.cancelledAt)));
  return and(...where)!;
}

interface StoredEvidence extends Omit<AttributionEvidence, 'clickAt'> {
  clickAt?: string | Date;
}

/** Rejections decided by the order's click (as opposed to no match at all, or self-referral). */
const clickRefusals: readonly (string | null)[] = [
  'outside_window',
  'bot_click_only',
] satisfies RejectionReason[];

function refusedClickOf(
  found: ReadonlyArray<{ id: string; at: Date; isBot: boolean; name: string }>,
  clickId: string | null,
): Conversion['refusedClick'] {
  const hit = clickId ? found.find((f) => f.id === clickId) : undefined;
  return hit
    ? { clickId: hit.id, at: hit.at.toISOString(), isBot: hit.isBot, ambassadorName: hit.name }
    : null;
}

/** A program's conversions, newest first, with totals per currency over every matching order. */
export async function listConversions(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  query: ConversionsQuery,
): Promise<ConversionsPage> {
  await assertProgramInScope(db, scope, programId);
  const where = filtersOf(scope, programId, query);
  const [rows, totals, connections] = await Promise.all([
    db
      .select({
        order: storeOrder,
        connectionName: storeConnection.name,
        connectionKind: storeConnection.kind,
        ambassadorName: creator.name,
      })
      .from(storeOrder)
      .innerJoin(storeConnection, eq(storeConnection.id, storeOrder.connectionId))
      .leftJoin(ambassador, eq(ambassador.id, storeOrder.ambassadorId))
      .leftJoin(creator, eq(creator.id, ambassador.creatorId))
      .where(where)
      .orderBy(desc(storeOrder.occurredAt), desc(storeOrder.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({
        currency: storeOrder.currency,
        orders: count(),
        credited: sql<number>`count(${storeOrder.ambassadorId})::int`,
        amountMinor: sql<number>`coalesce(sum(${storeOrder.amountMinor}), 0)::bigint`,
        creditedMinor: sql<number>`coalesce(sum(${storeOrder.creditedMinor}), 0)::bigint`,
        refundedMinor: sql<number>`coalesce(sum(${storeOrder.refundedMinor}), 0)::bigint`,
        creditedPixelMinor: sql<number>`coalesce(sum(${storeOrder.creditedMinor}) filter (where ${storeConnection.kind} = 'pixel'), 0)::bigint`,
        pixelOrders: sql<number>`(count(*) filter (where ${storeConnection.kind} = 'pixel'))::int`,
      })
      .from(storeOrder)
      .innerJoin(storeConnection, eq(storeConnection.id, storeOrder.connectionId))
      .where(where)
      .groupBy(storeOrder.currency)
      // The program's main currency first: a stray order in another currency should not lead the totals.
      .orderBy(desc(count()), storeOrder.currency),
    db
      .select({
        id: storeConnection.id,
        name: storeConnection.name,
        kind: storeConnection.kind,
        disabledAt: storeConnection.disabledAt,
      })
      .from(storeConnection)
      .where(
        and(eq(storeConnection.workspaceId, scope.workspaceId), eq(storeConnection.programId, programId)),
      )
      .orderBy(storeConnection.createdAt),
  ]);
  const orderIds = rows.map((r) => r.order.id);
  // Ambassadors named by id in what was set aside and in the stored reasons (a refusal names them too).
  const mentioned = new Set<string>();
  for (const r of rows) {
    for (const s of r.order.evidence?.setAside ?? []) mentioned.add(s.ambassadorId);
    for (const id of ambassadorIdsIn(r.order.reason)) mentioned.add(id);
  }
  // The click an order was refused over, so the table can say which click and whose link.
  const refusedClickIds = rows
    .filter((r) => r.order.clickId && clickRefusals.includes(r.order.rejectedReason))
    .map((r) => r.order.clickId as string);
  const [refunds, nameOf, refusedClicks] = await Promise.all([
    orderIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(orderRefund)
          .where(and(eq(orderRefund.workspaceId, scope.workspaceId), inArray(orderRefund.orderId, orderIds)))
          .orderBy(orderRefund.occurredAt),
    ambassadorNames(db, scope, mentioned),
    refusedClickIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: click.id, at: click.at, isBot: click.isBot, name: creator.name })
          .from(click)
          .innerJoin(ambassador, eq(ambassador.id, click.ambassadorId))
          .innerJoin(creator, eq(creator.id, ambassador.creatorId))
          .where(
            and(
              eq(click.workspaceId, scope.workspaceId),
              eq(click.programId, programId),
              inArray(click.id, refusedClickIds),
            ),
          ),
  ]);
  for (const r of rows)
    if (r.order.ambassadorId && r.ambassadorName) nameOf.set(r.order.ambassadorId, r.ambassadorName);
  const items: Conversion[] = rows.map(({ order, connectionName, connectionKind, ambassadorName }) => {
    const evidence = order.evidence as StoredEvidence | null;
    return {
      id: order.id,
      externalId: order.externalId,
      connection: {
        id: order.connectionId,
        name: connectionName,
        kind: connectionKind,
        verified: connectionKind !== 'pixel',
      },
      occurredAt: order.occurredAt.toISOString(),
      amountMinor: order.amountMinor,
      currency: order.currency,
      customerEmail: order.customerEmail,
      codes: order.codes,
      clickId: order.clickId,
      landingUrl: order.landingUrl,
      referrerDomain: order.referrerDomain,
      ambassador: order.ambassadorId
        ? { id: order.ambassadorId, name: ambassadorName ?? 'Removed ambassador' }
        : null,
      method: order.method,
      evidence: evidence
        ? {
            ...evidence,
            clickAt: evidence.clickAt ? new Date(evidence.clickAt).toISOString() : undefined,
            setAside: evidence.setAside.map((s) => ({
              ...s,
              ambassadorName: nameOf.get(s.ambassadorId) ?? s.ambassadorId,
            })),
          }
        : null,
      reason: order.reason ? withNames(order.reason, nameOf) : null,
      rejectedReason: order.rejectedReason,
      refusedClick: refusedClickOf(refusedClicks, order.clickId),
      creditedMinor: order.creditedMinor,
      refundedMinor: order.refundedMinor,
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      refunds: refunds
        .filter((f) => f.orderId === order.id)
        .map((f) => ({
          kind: f.kind,
          externalId: f.externalId,
          amountMinor: f.amountMinor,
          occurredAt: f.occurredAt.toISOString(),
          cumulative: f.kind === 'refund' && isCumulativeRefund(connectionKind, f.externalId),
        })),
    };
  });
  return {
    items,
    total: totals.reduce((n, t) => n + t.orders, 0),
    totals: totals.map((t) => ({
      ...t,
      amountMinor: Number(t.amountMinor),
      creditedMinor: Number(t.creditedMinor),
      refundedMinor: Number(t.refundedMinor),
      creditedVerifiedMinor: Number(t.creditedMinor) - Number(t.creditedPixelMinor),
      creditedPixelMinor: Number(t.creditedPixelMinor),
      pixelOrders: Number(t.pixelOrders),
    })),
    connections: connections.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      disabled: c.disabledAt !== null,
    })),
  };
}

/** Every matching conversion as CSV (amounts as decimals), safe to open in a spreadsheet. */
export async function exportConversionsCsv(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  query: Omit<ConversionsQuery, 'limit' | 'offset'>,
): Promise<string> {
  const rows: string[][] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listConversions(db, scope, programId, { ...query, limit: 500, offset });
    for (const c of page.items) {
      rows.push([
        c.externalId,
        c.occurredAt,
        fromMinorUnits(c.amountMinor, c.currency),
        c.currency,
        c.customerEmail ?? '',
        c.codes.join(' '),
        c.clickId ?? '',
        c.landingUrl ?? '',
        // The source, with the pixel marked: its orders are self-reported by the browser.
        `${c.connection.name} (${connectionKindLabels[c.connection.kind]}${c.connection.verified ? '' : ', unverified'})`,
        c.ambassador?.name ?? '',
        c.method ?? '',
        fromMinorUnits(c.creditedMinor, c.currency),
        fromMinorUnits(c.refundedMinor, c.currency),
        c.cancelledAt ?? '',
        c.rejectedReason ?? '',
        c.reason ?? '',
      ]);
    }
    if (page.items.length < 500) break;
  }
  // The import's columns first (so an export re-imports), then what the table shows.
  const header = [
    'order_id',
    'occurred_at',
    'amount',
    'currency',
    'customer_email',
    'codes',
    'click_id',
    'landing_url',
    'connection',
    'ambassador',
    'method',
    'credited_amount',
    'refunded_amount',
    'cancelled_at',
    'rejected_reason',
    'reason',
  ];
  return stringify([
    header,
    ...rows.map((row) => row.map((cell) => (formulaStart.test(cell) ? `'${cell}` : cell))),
  ]);
}
