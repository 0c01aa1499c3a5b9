import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AttributionEvidence, AttributionMethod, RejectionReason } from '../../../core/attribution';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { user } from '../auth/auth.schema';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';

export const storeKinds = ['shopify', 'woocommerce', 'stripe', 'pixel', 'api', 'csv'] as const;
export type StoreKind = (typeof storeKinds)[number];

/**
 * Where orders come from (T3): a store's webhooks, the pixel, the API or CSV imports. Orders of a
 * connection are attributed under its program's rules. Each webhook connection has its own signing secret.
 */
export const storeConnection = pgTable(
  'store_connection',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: storeKinds }).notNull(),
    name: text('name').notNull(),
    /** The webhook signing secret (Shopify app secret, WooCommerce webhook secret, Stripe `whsec_…`). */
    secret: text('secret'),
    /** Shopify: `shop.myshopify.com` and an Admin API access token, for creating discount codes. */
    shopDomain: text('shop_domain'),
    adminToken: text('admin_token'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('store_connection_workspace_idx').on(t.workspaceId)],
);

/** One webhook delivery as received, for the connections page ("last deliveries with status"). */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => storeConnection.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    /** The platform's own delivery/event id when it sends one (Shopify X-Shopify-Webhook-Id, Stripe evt_…). */
    externalId: text('external_id'),
    status: text('status', {
      enum: ['processed', 'duplicate', 'held', 'ignored', 'failed', 'refused'],
    }).notNull(),
    httpStatus: integer('http_status').notNull(),
    detail: text('detail'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_delivery_connection_idx').on(t.connectionId, t.receivedAt)],
);

/**
 * An order (T3) with its attribution (T4): at most one credited ambassador, the method and the evidence.
 * `(connection, external id)` is unique, so a replayed delivery is the same order (T5). Money is integer
 * minor units; `creditedMinor` is the order amount left after refunds while credited, else 0.
 */
export const storeOrder = pgTable(
  'store_order',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id')
      .notNull()
      .references(() => storeConnection.id, { onDelete: 'cascade' }),
    /** As text: Shopify ids pass 2^53. */
    externalId: text('external_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    customerEmail: text('customer_email'),
    codes: jsonb('codes').$type<string[]>().notNull(),
    clickId: text('click_id'),
    landingUrl: text('landing_url'),
    referrerDomain: text('referrer_domain'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    ambassadorId: text('ambassador_id').references(() => ambassador.id, { onDelete: 'set null' }),
    method: text('method').$type<AttributionMethod>(),
    evidence: jsonb('evidence').$type<AttributionEvidence>(),
    reason: text('reason'),
    rejectedReason: text('rejected_reason').$type<RejectionReason>(),
    creditedMinor: bigint('credited_minor', { mode: 'number' }).notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('store_order_connection_external_uq').on(t.connectionId, t.externalId),
    index('store_order_program_at_idx').on(t.programId, t.occurredAt),
    index('store_order_ambassador_at_idx').on(t.ambassadorId, t.occurredAt),
  ],
);

/**
 * A refund or cancellation, keyed by its own id. One that arrives before its order is held
 * (`orderId` null) and applied when the order arrives.
 */
export const orderRefund = pgTable(
  'order_refund',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => storeConnection.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['refund', 'cancellation'] }).notNull(),
    externalId: text('external_id').notNull(),
    externalOrderId: text('external_order_id').notNull(),
    orderId: text('order_id').references(() => storeOrder.id, { onDelete: 'cascade' }),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull().default(0),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('order_refund_connection_external_uq').on(t.connectionId, t.kind, t.externalId),
    index('order_refund_pending_idx').on(t.connectionId, t.externalOrderId),
  ],
);

/** A workspace API key (`POST /api/v1/conversions`); only a hash is stored, the key is shown once. */
export const apiKey = pgTable(
  'api_key',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    /** The connection (kind `api`) whose orders this key reports. */
    connectionId: text('connection_id')
      .notNull()
      .references(() => storeConnection.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the key, to recognise it in the list. */
    prefix: text('prefix').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('api_key_workspace_idx').on(t.workspaceId)],
);
