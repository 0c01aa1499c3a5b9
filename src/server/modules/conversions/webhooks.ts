// Store webhook deliveries (T3): find the connection, verify the signature over the raw body with the
// connection's own secret, read the topic, ingest, and record the delivery for the connections page.
// The same function serves the real endpoints and the "test delivery" button.
import { and, eq } from 'drizzle-orm';
import type { WebhookKind } from '../../../core/stores/kinds';
import {
  type SignatureCheck,
  verifyShopify,
  verifyStripe,
  verifyWooCommerce,
} from '../../../core/webhooks/signatures';
import type { Db } from '../../db/client';
import { newId } from '../../lib/ids';
import { storeConnection, webhookDelivery } from './conversions.schema';
import { ingestOrders } from './ingest.service';
import type { IngestOrdersResult, IngestRefundsResult, OrderInput, RefundInput } from './ingest-common';
import { ingestRefunds } from './ingest-refunds.service';
import { fromMinorUnits } from './orders-money';
import type { DeliveryStatus } from './stores.contract';
import {
  PayloadError,
  parseJsonLossless,
  shopifyOrder,
  shopifyRefund,
  stripeChargeRefunds,
  stripeCheckoutSession,
  stripeEventSchema,
  wooOrder,
} from './webhook-payloads';

export type { WebhookKind };

/** The topic a test delivery carries: verified and parsed like an order, never stored as one. */
export const testTopics: Record<WebhookKind, string> = {
  shopify: 'troupe/test',
  woocommerce: 'troupe.test',
  stripe: 'troupe.test',
};

export interface WebhookRequest {
  kind: WebhookKind;
  connectionId: string;
  header: (name: string) => string | undefined;
  rawBody: string;
  now?: Date;
}

export interface WebhookOutcome {
  httpStatus: number;
  /** Null when nothing was recorded (unknown connection, WooCommerce's ping). */
  status: DeliveryStatus | null;
  detail: string;
  /** `bad_signature` / `not_found` answers go out as problem+json. */
  problem?: 'bad_signature' | 'not_found' | undefined;
}

const signatureText: Record<Exclude<SignatureCheck, { ok: true }>['reason'], string> = {
  missing: 'the signature header is missing',
  malformed: 'the signature header is malformed',
  mismatch:
    'the signature does not match this connection’s secret (is the store set up with the secret Troupe showed?)',
  stale: 'the signed timestamp is more than 5 minutes from now (a replayed or delayed delivery)',
};

function verify(request: WebhookRequest, secret: string, now: Date): SignatureCheck {
  switch (request.kind) {
    case 'shopify':
      return verifyShopify(request.rawBody, request.header('x-shopify-hmac-sha256'), secret);
    case 'woocommerce':
      return verifyWooCommerce(request.rawBody, request.header('x-wc-webhook-signature'), secret);
    case 'stripe':
      return verifyStripe(
        request.rawBody,
        request.header('stripe-signature'),
        secret,
        Math.floor(now.getTime() / 1000),
      );
  }
}

interface Parsed {
  topic: string;
  externalId: string | null;
  isTest: boolean;
  /** Null: a topic Troupe does not handle. */
  work: { orders: OrderInput[]; refunds: RefundInput[] } | null;
}

function parse(request: WebhookRequest, now: Date): Parsed {
  const body = () => parseJsonLossless(request.rawBody);
  switch (request.kind) {
    case 'shopify': {
      const topic = request.header('x-shopify-topic')?.trim() ?? '';
      const externalId =
        request.header('x-shopify-webhook-id') ?? request.header('x-shopify-event-id') ?? null;
      const isTest = topic === testTopics.shopify;
      if (topic === 'orders/create' || topic === 'orders/paid' || isTest) {
        return { topic, externalId, isTest, work: { orders: [shopifyOrder(body()).order], refunds: [] } };
      }
      if (topic === 'orders/cancelled') {
        const { order, cancelledAt } = shopifyOrder(body());
        const cancellation: RefundInput = {
          kind: 'cancellation',
          externalId: order.externalId,
          externalOrderId: order.externalId,
          amountMinor: 0,
          occurredAt: cancelledAt ?? now,
        };
        return { topic, externalId, isTest, work: { orders: [order], refunds: [cancellation] } };
      }
      if (topic === 'refunds/create') {
        return { topic, externalId, isTest, work: { orders: [], refunds: [shopifyRefund(body())] } };
      }
      return { topic, externalId, isTest, work: null };
    }
    case 'woocommerce': {
      const topic = request.header('x-wc-webhook-topic')?.trim() ?? '';
      const externalId = request.header('x-wc-webhook-delivery-id') ?? null;
      const isTest = topic === testTopics.woocommerce;
      if (topic === 'order.created' || topic === 'order.updated' || isTest) {
        const { order, refunds } = wooOrder(body(), now);
        return { topic, externalId, isTest, work: { orders: [order], refunds } };
      }
      return { topic, externalId, isTest, work: null };
    }
    case 'stripe': {
      const event = stripeEventSchema.safeParse(body());
      if (!event.success)
        throw new PayloadError('Stripe event: expected an Event object with id, type and data.object');
      const { type: topic, id: externalId } = event.data;
      const isTest = topic === testTopics.stripe;
      if (
        topic === 'checkout.session.completed' ||
        topic === 'checkout.session.async_payment_succeeded' ||
        isTest
      ) {
        const order = stripeCheckoutSession(event.data.data.object);
        return { topic, externalId, isTest, work: { orders: order ? [order] : [], refunds: [] } };
      }
      if (topic === 'charge.refunded') {
        return {
          topic,
          externalId,
          isTest,
          work: { orders: [], refunds: stripeChargeRefunds(event.data.data.object) },
        };
      }
      return { topic, externalId, isTest, work: null };
    }
  }
}

function describe(
  orders: IngestOrdersResult,
  refunds: IngestRefundsResult,
): { status: DeliveryStatus; detail: string } {
  const parts: string[] = [];
  for (const o of orders.results) {
    parts.push(
      o.outcome === 'created'
        ? `order ${o.externalId} recorded${o.ambassadorId ? ` and credited to ${o.ambassadorId}` : ', no ambassador credited'}${o.replacedPixelOrderId ? ' (replaces the pixel’s report of it: the store’s report wins)' : ''}`
        : `order ${o.externalId} already recorded`,
    );
  }
  for (const r of refunds.results) {
    const what = r.kind === 'refund' ? `refund ${r.externalId}` : 'cancellation';
    parts.push(
      r.outcome === 'refused'
        ? (r.detail ?? `${what} of order ${r.externalOrderId} refused`)
        : r.outcome === 'applied'
          ? `${what} applied to order ${r.externalOrderId}`
          : r.outcome === 'held'
            ? `${what} held until order ${r.externalOrderId} arrives`
            : `${what} of order ${r.externalOrderId} already recorded`,
    );
  }
  // A refund refused for its currency marks the delivery failed so the connections page shows it; the
  // answer stays 200, since the store sending it again would not change it.
  const status: DeliveryStatus =
    refunds.refused > 0
      ? 'failed'
      : orders.created > 0 || refunds.applied > 0
        ? 'processed'
        : refunds.held > 0
          ? 'held'
          : orders.results.length + refunds.results.length === 0
            ? 'ignored'
            : 'duplicate';
  const detail = parts.length > 0 ? parts.join('; ') : 'Nothing to record (an unpaid checkout).';
  return { status, detail: detail.charAt(0).toUpperCase() + detail.slice(1) };
}

/** When each connection last had a refused delivery listed (this process). */
const refusalListedAt = new Map<string, number>();
const refusalEveryMs = 60_000;

/**
 * Lists a refused delivery among the connection's deliveries, so a manager whose store signs with another
 * secret sees why nothing arrives: its topic and the reason only (nothing of its body is read or kept), and
 * at most one a minute per connection, so unsigned requests cannot fill the table.
 */
async function listRefusal(
  db: Db,
  connection: { id: string; workspaceId: string },
  topic: string | undefined,
  outcome: WebhookOutcome,
  now: Date,
): Promise<void> {
  if (now.getTime() - (refusalListedAt.get(connection.id) ?? -Infinity) < refusalEveryMs) return;
  if (refusalListedAt.size >= 10_000) refusalListedAt.clear();
  refusalListedAt.set(connection.id, now.getTime());
  await db.insert(webhookDelivery).values({
    id: newId('webhookDelivery'),
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    topic: topic?.slice(0, 200) || '(none)',
    externalId: null,
    status: 'refused',
    httpStatus: outcome.httpStatus,
    detail: `${outcome.detail} (Refused deliveries are listed at most once a minute.)`,
    receivedAt: now,
  });
}

/**
 * Handles one delivery end to end. Unknown connection → 404, bad or missing signature → 401 (nothing of it
 * is read or kept; the refusal is listed, see listRefusal), disabled connection → 410, unknown topic → 202
 * ignored, payload Troupe cannot read → 400 failed, else 200 with what happened (a replay is `duplicate`,
 * not an error, so the store stops retrying).
 */
export async function handleWebhook(db: Db, request: WebhookRequest): Promise<WebhookOutcome> {
  const now = request.now ?? new Date();
  const [connection] = await db
    .select()
    .from(storeConnection)
    .where(and(eq(storeConnection.id, request.connectionId), eq(storeConnection.kind, request.kind)));
  if (!connection) {
    return {
      httpStatus: 404,
      status: null,
      detail: `No ${request.kind} connection ${request.connectionId}.`,
      problem: 'not_found',
    };
  }
  // WooCommerce pings a new webhook's URL with an unsigned form body and wants a 2xx to save it.
  if (request.kind === 'woocommerce' && /^webhook_id=\d+$/.test(request.rawBody.trim())) {
    return { httpStatus: 200, status: null, detail: 'WooCommerce ping acknowledged.' };
  }
  const topicHeader =
    request.kind === 'shopify'
      ? request.header('x-shopify-topic')
      : request.kind === 'woocommerce'
        ? request.header('x-wc-webhook-topic')
        : undefined;
  const check = verify(request, connection.secret ?? '', now);
  if (!check.ok) {
    const refused: WebhookOutcome = {
      httpStatus: 401,
      status: 'refused',
      detail: `Refused: ${connection.secret ? signatureText[check.reason] : 'this connection has no signing secret yet'}.`,
      problem: 'bad_signature',
    };
    await listRefusal(db, connection, topicHeader, refused, now);
    return refused;
  }

  const record = async (
    outcome: WebhookOutcome,
    topic: string,
    externalId: string | null,
    into: Pick<Db, 'insert'> = db,
  ) => {
    await into.insert(webhookDelivery).values({
      id: newId('webhookDelivery'),
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      topic: topic.slice(0, 200) || '(none)',
      externalId: externalId?.slice(0, 200) ?? null,
      status: outcome.status ?? 'ignored',
      httpStatus: outcome.httpStatus,
      detail: outcome.detail.slice(0, 2_000),
      receivedAt: now,
    });
    return outcome;
  };
  if (connection.disabledAt) {
    return record(
      {
        httpStatus: 410,
        status: 'ignored',
        detail: 'This connection is disabled in Troupe; nothing was recorded.',
      },
      topicHeader ?? '(disabled)',
      null,
    );
  }

  let parsed: Parsed;
  try {
    parsed = parse(request, now);
  } catch (error) {
    const detail =
      error instanceof PayloadError
        ? error.message
        : `The body is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}).`;
    return record({ httpStatus: 400, status: 'failed', detail }, topicHeader ?? '(unreadable)', null);
  }
  if (parsed.isTest) {
    const order = parsed.work?.orders[0];
    return record(
      {
        httpStatus: 200,
        status: 'processed',
        detail: order
          ? `Test order of ${fromMinorUnits(order.amountMinor, order.currency)} ${order.currency}${order.codes.length > 0 ? ` with code ${order.codes.map((c) => c.toUpperCase()).join(', ')}` : ''}: signature verified, nothing stored.`
          : 'Test delivery: signature verified, nothing stored.',
      },
      parsed.topic,
      parsed.externalId,
    );
  }
  if (!parsed.work) {
    return record(
      {
        httpStatus: 202,
        status: 'ignored',
        detail: `Topic "${parsed.topic || '(none)'}" is not one Troupe uses.`,
      },
      parsed.topic,
      parsed.externalId,
    );
  }
  const work = parsed.work;
  try {
    return await db.transaction(async (tx) => {
      const orders = await ingestOrders(tx, connection, work.orders);
      const refunds = await ingestRefunds(tx, connection, work.refunds);
      const { status, detail } = describe(orders, refunds);
      return record({ httpStatus: 200, status, detail }, parsed.topic, parsed.externalId, tx);
    });
  } catch (error) {
    // Recorded for the connections page, then answered 500 (logged by the app) so the store retries.
    await record(
      {
        httpStatus: 500,
        status: 'failed',
        detail: 'Troupe could not store this delivery; the store will retry it.',
      },
      parsed.topic,
      parsed.externalId,
    );
    throw error;
  }
}
