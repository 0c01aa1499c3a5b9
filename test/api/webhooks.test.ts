// Store webhooks (T3, T5) through the HTTP endpoints with payloads shaped as Shopify, WooCommerce and
// Stripe document them: signatures, replays, out-of-order refunds, cancellations, test deliveries.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  orderRefund,
  storeConnection,
  storeOrder,
  webhookDelivery,
} from '../../src/server/modules/conversions/conversions.schema';
import {
  buildWorld,
  fixture,
  signShopify,
  signStripe,
  signWoo,
  type World,
} from '../fixtures/webhooks/world';
import { createTestContext, type TestContext } from '../harness';

let ctx: TestContext;
let w: World;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildWorld(ctx);
});
afterAll(async () => ctx.close());

const db = () => ctx.services.database.db;

async function ordersOf(connectionId: string) {
  return db().select().from(storeOrder).where(eq(storeOrder.connectionId, connectionId));
}
async function deliveriesOf(connectionId: string) {
  return db().select().from(webhookDelivery).where(eq(webhookDelivery.connectionId, connectionId));
}

function post(path: string, body: string, headers: Record<string, string>) {
  return ctx.app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

// Shopify ---------------------------------------------------------------------------------------------

function shopifyOrderBody(overrides: { id?: string; code?: string; clickId?: string; email?: string } = {}) {
  return fixture('shopify-orders-create.json')
    .replaceAll('5847392847123456789', overrides.id ?? '5847392847123456789')
    .replaceAll('"jane15"', JSON.stringify(overrides.code ?? w.jane.code.toLowerCase()))
    .replace('CLICK_ID', overrides.clickId ?? w.ids.clickJane)
    .replaceAll('maya.customer@example.net', overrides.email ?? 'maya.customer@example.net')
    .replace('2026-11-20T10:15:42-05:00', new Date().toISOString());
}

function shopify(
  topic: string,
  body: string,
  secret = w.secrets.shopify,
  connectionId = w.connections.shopify,
) {
  return post(`/webhooks/shopify/${connectionId}`, body, {
    'x-shopify-topic': topic,
    'x-shopify-hmac-sha256': signShopify(body, secret),
    'x-shopify-webhook-id': `b54557e4-${Math.random().toString(16).slice(2)}`,
    'x-shopify-shop-domain': 'glow-lab.myshopify.com',
  });
}

describe('Shopify webhooks', () => {
  it('records a signed orders/create with its id exact past 2^53, code, click and referrer', async () => {
    const res = await shopify('orders/create', shopifyOrderBody());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'processed' });
    const [order] = await ordersOf(w.connections.shopify);
    expect(order).toMatchObject({
      externalId: '5847392847123456789',
      amountMinor: 9215,
      currency: 'USD',
      customerEmail: 'maya.customer@example.net',
      codes: [w.jane.code],
      clickId: w.ids.clickJane,
      referrerDomain: 'instagram.com',
      ambassadorId: w.jane.id,
      method: 'both',
      creditedMinor: 9215,
    });
  });

  it('replaying one delivery 100 times gives one order; replays are acknowledged, not errors', async () => {
    const body = shopifyOrderBody({ id: '7000000000000000001' });
    const headers = {
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': signShopify(body, w.secrets.shopify),
      'x-shopify-webhook-id': 'replayed-delivery',
    };
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++)
      statuses.push((await post(`/webhooks/shopify/${w.connections.shopify}`, body, headers)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const orders = (await ordersOf(w.connections.shopify)).filter(
      (o) => o.externalId === '7000000000000000001',
    );
    expect(orders).toHaveLength(1);
    const deliveries = (await deliveriesOf(w.connections.shopify)).filter(
      (d) => d.externalId === 'replayed-delivery',
    );
    expect(deliveries.filter((d) => d.status === 'processed')).toHaveLength(1);
    expect(deliveries.filter((d) => d.status === 'duplicate')).toHaveLength(99);
  });

  it('counts orders/paid after orders/create once (first write wins)', async () => {
    const body = shopifyOrderBody({ id: '7000000000000000002' });
    expect((await shopify('orders/create', body)).status).toBe(200);
    const paid = await shopify(
      'orders/paid',
      body.replace(/"total_price":\s*"92.15"/, '"total_price":"99.99"'),
    );
    expect(await paid.json()).toMatchObject({ status: 'duplicate' });
    const orders = (await ordersOf(w.connections.shopify)).filter(
      (o) => o.externalId === '7000000000000000002',
    );
    expect(orders.map((o) => o.amountMinor)).toEqual([9215]);
  });

  it('holds a refund that arrives before its order, then applies it in proportion', async () => {
    const orderId = '7000000000000000003';
    const refund = fixture('shopify-refunds-create.json').replaceAll('5847392847123456789', orderId);
    const early = await shopify('refunds/create', refund);
    expect(await early.json()).toMatchObject({ status: 'held' });
    const [held] = await db().select().from(orderRefund).where(eq(orderRefund.externalOrderId, orderId));
    expect(held).toMatchObject({ orderId: null, amountMinor: 2304, externalId: '929361465123456789' });

    expect((await shopify('orders/create', shopifyOrderBody({ id: orderId }))).status).toBe(200);
    const [order] = (await ordersOf(w.connections.shopify)).filter((o) => o.externalId === orderId);
    expect(order).toMatchObject({ refundedMinor: 2304, creditedMinor: 9215 - 2304 });
    const [applied] = await db().select().from(orderRefund).where(eq(orderRefund.externalOrderId, orderId));
    expect(applied?.orderId).toBe(order?.id);

    // The same refund again changes nothing.
    expect(await (await shopify('refunds/create', refund)).json()).toMatchObject({ status: 'duplicate' });
    const [again] = (await ordersOf(w.connections.shopify)).filter((o) => o.externalId === orderId);
    expect(again?.creditedMinor).toBe(9215 - 2304);
  });

  it('reverses all credit on orders/cancelled', async () => {
    const orderId = '7000000000000000004';
    await shopify('orders/create', shopifyOrderBody({ id: orderId }));
    const cancelled = shopifyOrderBody({ id: orderId }).replace(
      /"cancelled_at":\s*null/,
      `"cancelled_at":"${new Date().toISOString()}"`,
    );
    expect(await (await shopify('orders/cancelled', cancelled)).json()).toMatchObject({
      status: 'processed',
    });
    const [order] = (await ordersOf(w.connections.shopify)).filter((o) => o.externalId === orderId);
    expect(order?.creditedMinor).toBe(0);
    expect(order?.cancelledAt).toBeInstanceOf(Date);
    expect(order?.ambassadorId).toBe(w.jane.id);
  });

  it('refuses a bad or missing signature with 401 problem+json, stores nothing of it and lists the refusal once a minute', async () => {
    const before = (await deliveriesOf(w.connections.shopify)).length;
    const body = shopifyOrderBody({ id: '7000000000000000005' });
    const wrong = await shopify('orders/create', body, 'not-the-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const problem = await wrong.json();
    expect(problem.detail).toContain('does not match');
    expect(problem).toMatchObject({ title: 'Signature not valid', code: 'bad_signature' });
    const missing = await post(`/webhooks/shopify/${w.connections.shopify}`, body, {
      'x-shopify-topic': 'orders/create',
    });
    expect(missing.status).toBe(401);
    const tampered = await post(`/webhooks/shopify/${w.connections.shopify}`, body.replace('92.15', '1.00'), {
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': signShopify(body, w.secrets.shopify),
    });
    expect(tampered.status).toBe(401);
    expect((await ordersOf(w.connections.shopify)).some((o) => o.externalId === '7000000000000000005')).toBe(
      false,
    );
    // The first refusal is listed (topic and reason only), the two right after it are not.
    const deliveries = await deliveriesOf(w.connections.shopify);
    expect(deliveries.length).toBe(before + 1);
    expect(deliveries.filter((d) => d.status === 'refused')).toEqual([
      expect.objectContaining({ topic: 'orders/create', httpStatus: 401, externalId: null }),
    ]);
  });

  it('ignores unknown topics with 202, answers 404 for unknown connections and 410 for disabled ones', async () => {
    const ignored = await shopify('products/update', '{"id":1}');
    expect(ignored.status).toBe(202);
    expect(await ignored.json()).toMatchObject({ status: 'ignored' });
    expect((await shopify('orders/create', shopifyOrderBody(), w.secrets.shopify, 'stc_nope')).status).toBe(
      404,
    );
    // A Shopify connection's id on the WooCommerce endpoint is not a WooCommerce connection.
    const wrongKind = await post(`/webhooks/woocommerce/${w.connections.shopify}`, '{}', {});
    expect(wrongKind.status).toBe(404);

    const extra = await buildWorld(ctx);
    await db()
      .update(storeConnection)
      .set({ disabledAt: new Date() })
      .where(eq(storeConnection.id, extra.connections.shopify));
    const gone = await shopify(
      'orders/create',
      shopifyOrderBody(),
      extra.secrets.shopify,
      extra.connections.shopify,
    );
    expect(gone.status).toBe(410);
    expect(await ordersOf(extra.connections.shopify)).toHaveLength(0);
  });

  it('answers 400 and records a failed delivery for a signed payload it cannot read', async () => {
    const res = await shopify('orders/create', '{"id":12,"currency":"USD"}');
    expect(res.status).toBe(400);
    const failed = (await deliveriesOf(w.connections.shopify)).filter((d) => d.status === 'failed');
    expect(failed[0]?.detail).toBe('Shopify order: created_at is required');
  });
});

describe('Shopify multi-currency refunds', () => {
  // A USD shop; the customer paid in EUR (presentment). The order's total_price is in USD, the refund
  // transaction's amount in EUR; amount_set.shop_money carries the USD figure.
  const orderId = '7000000000000000100';
  const refundBody = (id: string, withShopMoney: boolean) => {
    // Ids past 2^53 are set as strings after JSON.parse (Shopify's numbers would lose digits).
    const refund = JSON.parse(fixture('shopify-refunds-create.json'));
    refund.id = id;
    refund.order_id = orderId;
    const t = refund.transactions[0];
    t.amount = '21.00';
    t.currency = 'EUR';
    if (withShopMoney) {
      t.amount_set = {
        shop_money: { amount: '23.04', currency_code: 'USD' },
        presentment_money: { amount: '21.00', currency_code: 'EUR' },
      };
    } else delete t.amount_set;
    return JSON.stringify(refund);
  };

  it('applies the shop-money amount of a refund made in the presentment currency', async () => {
    const order = JSON.parse(shopifyOrderBody({ id: orderId }));
    order.id = orderId;
    order.presentment_currency = 'EUR';
    order.total_price_set = {
      shop_money: { amount: '92.15', currency_code: 'USD' },
      presentment_money: { amount: '84.90', currency_code: 'EUR' },
    };
    expect((await shopify('orders/create', JSON.stringify(order))).status).toBe(200);
    const res = await shopify('refunds/create', refundBody('929361465100000001', true));
    expect(await res.json()).toMatchObject({ status: 'processed' });
    const [row] = (await ordersOf(w.connections.shopify)).filter((o) => o.externalId === orderId);
    expect(row).toMatchObject({ currency: 'USD', amountMinor: 9215, refundedMinor: 2304 });
    expect(row?.creditedMinor).toBe(9215 - 2304);
  });

  it('refuses a refund in another currency than its order without *_set, and records the delivery as failed', async () => {
    const res = await shopify('refunds/create', refundBody('929361465100000002', false));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('failed');
    expect(body.detail).toContain('EUR');
    expect(body.detail).toContain('USD');
    const [delivery] = (await deliveriesOf(w.connections.shopify)).filter(
      (d) => d.topic === 'refunds/create' && d.status === 'failed',
    );
    expect(delivery?.detail).toContain(`Refund 929361465100000002 is in EUR but order ${orderId} is in USD`);
    const stored = await db()
      .select()
      .from(orderRefund)
      .where(eq(orderRefund.externalId, '929361465100000002'));
    expect(stored).toHaveLength(0);
    const [row] = (await ordersOf(w.connections.shopify)).filter((o) => o.externalId === orderId);
    expect(row?.refundedMinor).toBe(2304);
  });
});

describe('the pixel and a store reporting the same order', () => {
  const pixel = (orderId: string) =>
    post(
      `/t/conversions?connection=${w.connections.pixel}`,
      JSON.stringify({ orderId, amount: '80.00', currency: 'USD', clickId: w.ids.clickOmar }),
      { origin: 'https://brand.example' },
    );
  const rowsOf = (externalId: string) =>
    db()
      .select()
      .from(storeOrder)
      .where(and(eq(storeOrder.programId, w.program.id), eq(storeOrder.externalId, externalId)));

  it('replaces the pixel’s report with the store’s (one order, the store’s amount and attribution)', async () => {
    const orderId = '7000000000000000200';
    expect(await (await pixel(orderId)).json()).toEqual({ status: 'recorded' });
    expect(await rowsOf(orderId)).toMatchObject([{ connectionId: w.connections.pixel, amountMinor: 8000 }]);

    const res = await shopify('orders/create', shopifyOrderBody({ id: orderId }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('processed');
    expect(body.detail).toContain('replaces the pixel');
    // The store is told the ambassador's id; the connection page names them (read when shown, so a
    // renamed creator is never shown by an old name).
    expect(body.detail).toContain(`credited to ${w.jane.id}`);
    const page = await w.owner.client.get(`/api/v1/workspaces/${w.ws}/stores/${w.connections.shopify}`);
    const shown = page.body.deliveries.find((d: { detail: string | null }) =>
      d.detail?.includes(`rder ${orderId} recorded`),
    );
    expect(shown?.detail).toContain('credited to Jane Doe');
    expect(await rowsOf(orderId)).toMatchObject([
      { connectionId: w.connections.shopify, amountMinor: 9215, ambassadorId: w.jane.id },
    ]);
    // The pixel reporting it again is a duplicate of the store's order.
    expect(await (await pixel(orderId)).json()).toEqual({ status: 'duplicate' });
    expect(await rowsOf(orderId)).toHaveLength(1);
  });
});

// WooCommerce -----------------------------------------------------------------------------------------

function wooBody(overrides: { id?: number; status?: string; refunds?: unknown[] } = {}) {
  const order = JSON.parse(
    fixture('woocommerce-order-created.json')
      .replaceAll('CLICK_ID', w.ids.clickOmar)
      .replace('"jane15"', `"${w.omar.code.toLowerCase()}"`),
  );
  order.id = overrides.id ?? 727;
  order.date_created_gmt = new Date().toISOString().slice(0, 19);
  if (overrides.status) order.status = overrides.status;
  if (overrides.refunds) order.refunds = overrides.refunds;
  return JSON.stringify(order);
}

function woo(topic: string, body: string, secret = w.secrets.woocommerce) {
  return post(`/webhooks/woocommerce/${w.connections.woocommerce}`, body, {
    'x-wc-webhook-source': 'https://shop.example.org/',
    'x-wc-webhook-topic': topic,
    'x-wc-webhook-resource': 'order',
    'x-wc-webhook-event': topic.split('.')[1] ?? '',
    'x-wc-webhook-signature': signWoo(body, secret),
    'x-wc-webhook-id': '12',
    'x-wc-webhook-delivery-id': String(Math.floor(Math.random() * 1e6)),
  });
}

describe('WooCommerce webhooks', () => {
  it('answers the unsigned ping WooCommerce sends when a webhook is saved', async () => {
    const res = await ctx.app.request(`/webhooks/woocommerce/${w.connections.woocommerce}`, {
      method: 'POST',
      body: 'webhook_id=12',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
  });

  it('records order.created with its coupon, click meta, landing page and referrer', async () => {
    const res = await woo('order.created', wooBody());
    expect(res.status).toBe(200);
    const [order] = await ordersOf(w.connections.woocommerce);
    expect(order).toMatchObject({
      externalId: '727',
      amountMinor: 4740,
      currency: 'EUR',
      customerEmail: 'lena.fischer@example.org',
      codes: [w.omar.code],
      clickId: w.ids.clickOmar,
      referrerDomain: 'tiktok.com',
      ambassadorId: w.omar.id,
      method: 'both',
    });
  });

  it('applies refunds listed on order.updated by their ids, once, and reverses a cancellation', async () => {
    await woo('order.created', wooBody({ id: 728 }));
    const partial = wooBody({ id: 728, refunds: [{ id: 801, reason: 'damaged', total: '-11.85' }] });
    expect(await (await woo('order.updated', partial)).json()).toMatchObject({ status: 'processed' });
    expect(await (await woo('order.updated', partial)).json()).toMatchObject({ status: 'duplicate' });
    let [order] = (await ordersOf(w.connections.woocommerce)).filter((o) => o.externalId === '728');
    expect(order).toMatchObject({ refundedMinor: 1185, creditedMinor: 4740 - 1185 });

    await woo(
      'order.updated',
      wooBody({ id: 728, status: 'cancelled', refunds: [{ id: 801, total: '-11.85' }] }),
    );
    [order] = (await ordersOf(w.connections.woocommerce)).filter((o) => o.externalId === '728');
    expect(order?.creditedMinor).toBe(0);
    expect(order?.cancelledAt).not.toBeNull();
  });

  it('does not add a full-refund status on top of the refund entries listed later', async () => {
    await woo('order.created', wooBody({ id: 730 }));
    await woo('order.updated', wooBody({ id: 730, status: 'refunded' }));
    let [order] = (await ordersOf(w.connections.woocommerce)).filter((o) => o.externalId === '730');
    expect(order).toMatchObject({ refundedMinor: 4740, creditedMinor: 0 });
    await woo(
      'order.updated',
      wooBody({ id: 730, status: 'refunded', refunds: [{ id: 901, total: '-47.40' }] }),
    );
    [order] = (await ordersOf(w.connections.woocommerce)).filter((o) => o.externalId === '730');
    expect(order).toMatchObject({ refundedMinor: 4740, creditedMinor: 0 });
  });

  it('refuses invalid and missing signatures', async () => {
    expect((await woo('order.created', wooBody({ id: 729 }), 'wrong')).status).toBe(401);
    const missing = await post(`/webhooks/woocommerce/${w.connections.woocommerce}`, wooBody({ id: 729 }), {
      'x-wc-webhook-topic': 'order.created',
    });
    expect(missing.status).toBe(401);
    expect((await ordersOf(w.connections.woocommerce)).some((o) => o.externalId === '729')).toBe(false);
  });
});

// Stripe ----------------------------------------------------------------------------------------------

function stripeSessionBody(overrides: { paymentIntent?: string; amountTotal?: number } = {}) {
  const event = JSON.parse(
    fixture('stripe-checkout-session-completed.json').replace('CLICK_ID', w.ids.clickJane),
  );
  event.data.object.created = Math.floor(Date.now() / 1000);
  event.data.object.metadata.discount_code = w.jane.code;
  if (overrides.paymentIntent) event.data.object.payment_intent = overrides.paymentIntent;
  if (overrides.amountTotal) event.data.object.amount_total = overrides.amountTotal;
  return JSON.stringify(event);
}

function stripe(body: string, signature = signStripe(body, w.secrets.stripe)) {
  return post(`/webhooks/stripe/${w.connections.stripe}`, body, { 'stripe-signature': signature });
}

describe('Stripe webhooks', () => {
  it('records checkout.session.completed under its PaymentIntent, with metadata code and client_reference_id', async () => {
    const res = await stripe(stripeSessionBody());
    expect(res.status).toBe(200);
    const [order] = await ordersOf(w.connections.stripe);
    expect(order).toMatchObject({
      externalId: 'pi_3QxYzAB2cD3eF4gH0abcdEf1',
      amountMinor: 8500,
      currency: 'USD',
      customerEmail: 'sam.buyer@example.com',
      codes: [w.jane.code],
      clickId: w.ids.clickJane,
      ambassadorId: w.jane.id,
      method: 'both',
    });
  });

  it('applies charge.refunded refunds to the order of the same PaymentIntent, in proportion', async () => {
    const res = await stripe(fixture('stripe-charge-refunded.json'));
    expect(await res.json()).toMatchObject({ status: 'processed' });
    const [order] = await ordersOf(w.connections.stripe);
    expect(order).toMatchObject({ refundedMinor: 2125, creditedMinor: 8500 - 2125 });
  });

  it('uses amount_refunded as a running total when the event does not list the refunds', async () => {
    await stripe(stripeSessionBody({ paymentIntent: 'pi_running' }));
    const charge = (refunded: number) => {
      const event = JSON.parse(fixture('stripe-charge-refunded.json'));
      event.id = `evt_${refunded}`;
      event.data.object.payment_intent = 'pi_running';
      event.data.object.amount_refunded = refunded;
      delete event.data.object.refunds;
      return JSON.stringify(event);
    };
    await stripe(charge(1000));
    await stripe(charge(3000));
    await stripe(charge(1000)); // a late, older event changes nothing
    const [order] = (await ordersOf(w.connections.stripe)).filter((o) => o.externalId === 'pi_running');
    expect(order).toMatchObject({ refundedMinor: 3000, creditedMinor: 5500 });
  });

  it('counts a cumulative amount_refunded and itemised refunds delivered later once (the larger)', async () => {
    await stripe(stripeSessionBody({ paymentIntent: 'pi_mixed', amountTotal: 10_000 }));
    const charge = (eventId: string, refunded: number, listed?: Array<{ id: string; amount: number }>) => {
      const event = JSON.parse(fixture('stripe-charge-refunded.json'));
      event.id = eventId;
      event.data.object.id = 'ch_mixed';
      event.data.object.payment_intent = 'pi_mixed';
      event.data.object.amount = 10_000;
      event.data.object.amount_refunded = refunded;
      if (listed) {
        event.data.object.refunds.data = listed.map((r) => ({
          ...event.data.object.refunds.data[0],
          ...r,
          charge: 'ch_mixed',
          payment_intent: 'pi_mixed',
        }));
      } else delete event.data.object.refunds;
      return JSON.stringify(event);
    };
    const mixed = async () => (await ordersOf(w.connections.stripe)).find((o) => o.externalId === 'pi_mixed');
    await stripe(charge('evt_mixed_1', 3000));
    expect(await mixed()).toMatchObject({ refundedMinor: 3000, creditedMinor: 7000 });
    await stripe(
      charge('evt_mixed_2', 5000, [
        { id: 're_mixed_1', amount: 3000 },
        { id: 're_mixed_2', amount: 2000 },
      ]),
    );
    expect(await mixed()).toMatchObject({ amountMinor: 10_000, refundedMinor: 5000, creditedMinor: 5000 });
    // A late cumulative figure below the itemised sum changes nothing.
    await stripe(charge('evt_mixed_3', 3000));
    expect(await mixed()).toMatchObject({ refundedMinor: 5000, creditedMinor: 5000 });
  });

  it('refuses invalid, missing and stale signatures', async () => {
    const body = stripeSessionBody({ paymentIntent: 'pi_refused' });
    expect((await stripe(body, signStripe(body, 'whsec_wrong'))).status).toBe(401);
    expect((await post(`/webhooks/stripe/${w.connections.stripe}`, body, {})).status).toBe(401);
    const stale = await stripe(body, signStripe(body, w.secrets.stripe, Math.floor(Date.now() / 1000) - 600));
    expect(stale.status).toBe(401);
    expect((await stale.json()).detail).toContain('5 minutes');
    expect((await ordersOf(w.connections.stripe)).some((o) => o.externalId === 'pi_refused')).toBe(false);
  });

  it('ignores event types it does not use with 202', async () => {
    const body = JSON.stringify({
      id: 'evt_x',
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_1' } },
    });
    expect((await stripe(body)).status).toBe(202);
  });
});

describe('test delivery', () => {
  it('signs a sample for each kind, runs it through the handler and records it without an order', async () => {
    for (const kind of ['shopify', 'woocommerce', 'stripe'] as const) {
      const before = (await ordersOf(w.connections[kind])).length;
      const res = await w.owner.client.post(
        `/api/v1/workspaces/${w.ws}/stores/${w.connections[kind]}/test-delivery`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'processed', httpStatus: 200 });
      expect(res.body.detail).toMatch(/^Test (order|delivery)/);
      expect(res.body.detail).toContain('signature verified, nothing stored');
      expect(res.body.detail).not.toContain('minor units');
      if (kind === 'woocommerce')
        expect(res.body.detail).toBe(
          'Test order of 49.00 EUR with code TESTCODE: signature verified, nothing stored.',
        );
      expect((await ordersOf(w.connections[kind])).length).toBe(before);
      const recorded = await db()
        .select()
        .from(webhookDelivery)
        .where(
          and(
            eq(webhookDelivery.connectionId, w.connections[kind]),
            eq(webhookDelivery.topic, kind === 'shopify' ? 'troupe/test' : 'troupe.test'),
          ),
        );
      expect(recorded).toHaveLength(1);
    }
  });

  it('shows a missing secret as a refused delivery', async () => {
    await db()
      .update(storeConnection)
      .set({ secret: null })
      .where(eq(storeConnection.id, w.connections.woocommerce));
    const res = await w.owner.client.post(
      `/api/v1/workspaces/${w.ws}/stores/${w.connections.woocommerce}/test-delivery`,
    );
    expect(res.body).toMatchObject({ status: 'refused', httpStatus: 401 });
    expect(res.body.detail).toContain('no signing secret');
  });

  it('is refused for pixel connections', async () => {
    const res = await w.owner.client.post(
      `/api/v1/workspaces/${w.ws}/stores/${w.connections.pixel}/test-delivery`,
    );
    expect(res.status).toBe(400);
  });
});
