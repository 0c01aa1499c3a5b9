// Conversion ingest, what orders (ingest.service) and refunds (ingest-refunds.service) share: the input and
// outcome types, the per-connection and per-program locks, and small helpers.
//
// Ingest for one connection is serialised by a transaction-scoped advisory lock, so an order and its refund
// arriving at the same moment cannot miss each other.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { type StoreKind, storeConnection } from './conversions.schema';

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

/** Items grouped by a key, in their order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Serialises ingest for one connection (transaction-scoped; taken first by every ingest). */
export async function lockConnection(tx: Db | Tx, connectionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${connectionId}, 0))`);
}

/** Serialises order ingest across a program's connections (taken after the connection's lock). */
export async function lockProgramOrders(tx: Db | Tx, programId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`orders:${programId}`}, 0))`);
}

/** The kind of a connection, read from the database (callers pass only ids). */
export async function kindOf(tx: Db | Tx, connection: IngestConnection): Promise<StoreKind | null> {
  const [row] = await tx
    .select({ kind: storeConnection.kind })
    .from(storeConnection)
    .where(
      and(eq(storeConnection.workspaceId, connection.workspaceId), eq(storeConnection.id, connection.id)),
    );
  return row?.kind ?? null;
}
