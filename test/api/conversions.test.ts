// Conversions (T3–T5) outside the store webhooks: attribution rules as the ingest applies them, the API
// with keys, CSV import, the pixel with its CORS rules, and the conversions table.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids';
import { discountCode } from '../../src/server/modules/codes/codes.schema';
import { apiKey, storeOrder } from '../../src/server/modules/conversions/conversions.schema';
import { apiCurlExample, pixelSnippet } from '../../src/web/features/stores/kinds';
import { buildWorld, type World } from '../fixtures/webhooks/world';
import { createTestContext, type TestContext } from '../harness';

let ctx: TestContext;
let w: World;

beforeAll(async () => {
  ctx = await createTestContext({ pixelLimit: { max: 8, windowMs: 60_000 } });
  w = await buildWorld(ctx);
});
afterAll(async () => ctx.close());

const db = () => ctx.services.database.db;
let n = 0;
const nextId = () => `ord-${++n}`;

function api(path: string, body: unknown, token: string | null = w.apiToken) {
  return ctx.app.request(`/api/v1${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

async function orderOf(externalId: string) {
  const [row] = await db().select().from(storeOrder).where(eq(storeOrder.externalId, externalId));
  return row!;
}

function order(overrides: Record<string, unknown> = {}) {
  return {
    externalId: nextId(),
    occurredAt: new Date().toISOString(),
    amount: '80.00',
    currency: 'USD',
    customerEmail: 'buyer@example.com',
    codes: [],
    ...overrides,
  };
}

describe('attribution through the ingest', () => {
  it('credits the code over a click to another ambassador by default, and keeps the click as set aside', async () => {
    const o = order({ codes: [w.jane.code.toLowerCase()], clickId: w.ids.clickOmar });
    expect((await api('/conversions', o)).status).toBe(200);
    const row = await orderOf(o.externalId);
    expect(row).toMatchObject({ ambassadorId: w.jane.id, method: 'code', creditedMinor: 8000 });
    expect(row.evidence?.setAside).toEqual([
      { ambassadorId: w.omar.id, method: 'click', clickId: w.ids.clickOmar, why: 'precedence' },
    ]);
    const page = await w.owner.client.get(`/api/v1/workspaces/${w.ws}/programs/${w.program.id}/conversions`);
    const item = page.body.items.find((i: { externalId: string }) => i.externalId === o.externalId);
    expect(item.reason).toContain('Jane Doe');
    expect(item.reason).toContain('Omar Ali');
    expect(item.reason).toContain('code precedence');
    expect(item.evidence.setAside[0]).toMatchObject({ ambassadorName: 'Omar Ali', why: 'precedence' });
  });

  it('credits the click when the program gives clicks precedence', async () => {
    await w.setRules({ precedence: 'click' });
    const o = order({ codes: [w.jane.code], landingUrl: `/products/x?tclid=${w.ids.clickOmar}` });
    await api('/conversions', o);
    expect(await orderOf(o.externalId)).toMatchObject({ ambassadorId: w.omar.id, method: 'click' });
    await w.setRules({ precedence: 'code' });
  });

  it('refuses self-referral: the ambassador buying with their own code is not credited', async () => {
    const selfEmail = w.jane.email.replace('@', '+promo@').toUpperCase();
    const o = order({ codes: [w.jane.code], customerEmail: selfEmail });
    await api('/conversions', o);
    expect(await orderOf(o.externalId)).toMatchObject({
      ambassadorId: null,
      rejectedReason: 'self_referral',
      creditedMinor: 0,
    });
  });

  it('ignores stale and bot clicks, and retired codes for orders after their retirement', async () => {
    const stale = order({ clickId: w.ids.clickJaneOld });
    const bot = order({ clickId: w.ids.clickJaneBot });
    await api('/conversions', { orders: [stale, bot] });
    expect(await orderOf(stale.externalId)).toMatchObject({
      ambassadorId: null,
      rejectedReason: 'outside_window',
    });
    expect(await orderOf(bot.externalId)).toMatchObject({
      ambassadorId: null,
      rejectedReason: 'bot_click_only',
    });
    // The table names the click each was refused over, and whose link it was.
    const table = await w.owner.client.get(
      `/api/v1/workspaces/${w.ws}/programs/${w.program.id}/conversions?limit=500`,
    );
    const itemOf = (externalId: string) =>
      table.body.items.find((i: { externalId: string }) => i.externalId === externalId);
    expect(itemOf(stale.externalId).refusedClick).toMatchObject({
      clickId: w.ids.clickJaneOld,
      isBot: false,
      ambassadorName: 'Jane Doe',
    });
    expect(itemOf(bot.externalId).refusedClick).toMatchObject({ clickId: w.ids.clickJaneBot, isBot: true });

    const retiredAt = new Date(Date.now() - 86_400_000);
    await db()
      .insert(discountCode)
      .values({
        id: newId('discountCode'),
        workspaceId: w.ws,
        programId: w.program.id,
        ambassadorId: w.omar.id,
        code: `OLD${w.omar.code}`,
        status: 'retired',
        retiredAt,
      });
    const before = order({
      codes: [`old${w.omar.code}`],
      occurredAt: new Date(retiredAt.getTime() - 3_600_000).toISOString(),
    });
    const after = order({ codes: [`old${w.omar.code}`] });
    await api('/conversions', { orders: [before, after] });
    expect((await orderOf(before.externalId)).ambassadorId).toBe(w.omar.id);
    expect((await orderOf(after.externalId)).ambassadorId).toBeNull();
  });
});

describe('POST /api/v1/conversions', () => {
  it('records the amount of the setup guide’s curl example as shown (49.99, not 4,999)', async () => {
    const json = /-d '([\s\S]*)'/.exec(apiCurlExample('https://t.example', 'EUR'))?.[1] ?? '';
    const example = JSON.parse(json) as Record<string, unknown>;
    const res = await api('/conversions', { ...example, externalId: 'guide-1', clickId: undefined });
    expect(res.status).toBe(200);
    expect(await orderOf('guide-1')).toMatchObject({ amountMinor: 4999, currency: 'EUR' });
  });

  it('refuses a missing, wrong or revoked key with 401', async () => {
    expect((await api('/conversions', order(), null)).status).toBe(401);
    expect((await api('/conversions', order(), 'trp_wrong')).status).toBe(401);
    const token = 'trp_revoked_key_for_test';
    await db()
      .insert(apiKey)
      .values({
        id: newId('apiKey'),
        workspaceId: w.ws,
        connectionId: w.connections.api,
        name: 'Old',
        tokenHash: (await import('../../src/server/modules/conversions/api-key-hash')).hashApiKey(token),
        prefix: 'trp_revo',
        revokedAt: new Date(),
      });
    const revoked = await api('/conversions', order(), token);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('content-type')).toContain('problem+json');
  });

  it('takes a batch, reports created and duplicates, and marks the key used', async () => {
    const a = order({ amountMinor: 1234, amount: undefined });
    const b = order();
    const first = await api('/conversions', { orders: [a, b, a] });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: 2, duplicates: 1 });
    const again = await api('/conversions', { orders: [a, b] });
    expect(await again.json()).toMatchObject({ created: 0, duplicates: 2 });
    expect((await orderOf(a.externalId)).amountMinor).toBe(1234);
    const [key] = await db().select().from(apiKey).where(eq(apiKey.id, w.apiKeyId));
    expect(key?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('names the field of a bad order', async () => {
    const res = await api('/conversions', { orders: [order(), order({ amount: '12.345' })] });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.problems.map((p: { field: string }) => p.field)).toContain('orders.1.amount');
    // A typo'd year (2062 for 2026) would sit in every window and report until then.
    const future = await api('/conversions', order({ occurredAt: '2062-11-20T10:00:00Z' }));
    expect(future.status).toBe(422);
    expect((await future.json()).problems).toEqual([
      { field: 'occurredAt', message: 'is more than a day in the future (check the year)' },
    ]);
    const tooMany = await api('/conversions', { orders: Array.from({ length: 1_001 }, () => order()) });
    expect(tooMany.status).toBe(422);
  });

  it('holds a refund sent before its order, and applies partial refunds in proportion', async () => {
    const o = order({ codes: [w.jane.code], amount: '100.00' });
    const refund = {
      externalId: 'rf-1',
      orderExternalId: o.externalId,
      occurredAt: new Date().toISOString(),
      amount: '25.00',
      currency: 'USD',
    };
    const held = await api('/conversions/refunds', refund);
    expect(await held.json()).toMatchObject({ held: 1 });
    await api('/conversions', o);
    expect(await orderOf(o.externalId)).toMatchObject({ refundedMinor: 2500, creditedMinor: 7500 });
    const second = await api('/conversions/refunds', {
      refunds: [{ ...refund, externalId: 'rf-2', amount: '15.00' }, refund],
    });
    expect(await second.json()).toMatchObject({ applied: 1, duplicates: 1 });
    expect(await orderOf(o.externalId)).toMatchObject({ refundedMinor: 4000, creditedMinor: 6000 });
    await api('/conversions/refunds', {
      ...refund,
      type: 'cancellation',
      externalId: o.externalId,
      amount: undefined,
    });
    expect((await orderOf(o.externalId)).creditedMinor).toBe(0);
  });

  it('refuses a refund in another currency than its order with 422 naming both, and writes nothing', async () => {
    const o = order({ codes: [w.jane.code], amount: '50.00', currency: 'EUR' });
    await api('/conversions', o);
    const refund = {
      externalId: `${o.externalId}-rf`,
      orderExternalId: o.externalId,
      occurredAt: new Date().toISOString(),
      amount: '10.00',
    };
    const single = await api('/conversions/refunds', { ...refund, currency: 'USD' });
    expect(single.status).toBe(422);
    const problem = await single.json();
    expect(problem.problems[0].field).toBe('currency');
    expect(problem.problems[0].message).toContain(`is in USD but order ${o.externalId} is in EUR`);
    const batch = await api('/conversions/refunds', {
      refunds: [
        { ...refund, currency: 'EUR' },
        { ...refund, externalId: `${o.externalId}-rf2`, currency: 'GBP' },
      ],
    });
    expect(batch.status).toBe(422);
    expect((await batch.json()).problems.map((p: { field: string }) => p.field)).toEqual([
      'refunds.1.currency',
    ]);
    expect(await orderOf(o.externalId)).toMatchObject({ refundedMinor: 0, creditedMinor: 5000 });
    // In the order's currency, or without one, it applies.
    const ok = await api('/conversions/refunds', { ...refund, currency: 'eur' });
    expect(await ok.json()).toMatchObject({ applied: 1, refused: 0 });
    expect(await orderOf(o.externalId)).toMatchObject({ refundedMinor: 1000, creditedMinor: 4000 });
  });
});

describe('the pixel and a store reporting the same order', () => {
  const pixel = (orderId: string, amount = '30.00') =>
    ctx.app.request(`/t/conversions?connection=${w.connections.pixel}`, {
      method: 'POST',
      body: JSON.stringify({ orderId, amount, currency: 'USD', clickId: w.ids.clickOmar }),
      headers: { 'content-type': 'application/json', origin: 'https://brand.example' },
    });
  const rowsOf = (externalId: string) =>
    db()
      .select()
      .from(storeOrder)
      .where(and(eq(storeOrder.programId, w.program.id), eq(storeOrder.externalId, externalId)));

  it('acknowledges the pixel’s report of an order a store already reported as a duplicate', async () => {
    const o = order({ codes: [w.jane.code] });
    await api('/conversions', o);
    expect(await (await pixel(o.externalId)).json()).toEqual({ status: 'duplicate' });
    expect(await rowsOf(o.externalId)).toMatchObject([
      { connectionId: w.connections.api, amountMinor: 8000, ambassadorId: w.jane.id },
    ]);
  });

  it('replaces the pixel’s report when the store reports the same order (the store wins)', async () => {
    const externalId = nextId();
    expect(await (await pixel(externalId, '12.00')).json()).toEqual({ status: 'recorded' });
    const [pixelRow] = await rowsOf(externalId);
    expect(pixelRow).toMatchObject({ connectionId: w.connections.pixel, ambassadorId: w.omar.id });
    const res = await api('/conversions', order({ externalId, codes: [w.jane.code] }));
    const body = await res.json();
    expect(body).toMatchObject({ created: 1, duplicates: 0 });
    expect(body.results[0].replacedPixelOrderId).toBe(pixelRow?.id);
    expect(await rowsOf(externalId)).toMatchObject([
      { connectionId: w.connections.api, amountMinor: 8000, ambassadorId: w.jane.id, method: 'code' },
    ]);
  });
});

describe('CSV import of orders', () => {
  const path = () => `/api/v1/workspaces/${w.ws}/stores/${w.connections.csv}/orders/import`;
  const csv = () =>
    [
      'order_id,occurred_at,amount,currency,customer_email,codes,click_id',
      `csv-1,${new Date().toISOString()},49.90,USD,a@example.com,${w.jane.code},`,
      `csv-2,yesterday,10,USD,,,`,
      `csv-3,${new Date().toISOString()},12.5,EURO,,,`,
      `csv-4,${new Date().toISOString()},20,EUR,b@example.com,,${w.ids.clickOmar}`,
      `csv-5,2062-11-20T10:00:00Z,20,EUR,,,`,
    ].join('\n');

  it('names each bad row by line and column and writes nothing by default', async () => {
    const res = await w.owner.client.request('POST', path(), csv());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ written: false, created: 0, totalRows: 5 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ line: 3, field: 'occurred_at' }),
      expect.objectContaining({ line: 4, field: 'currency' }),
      { line: 6, field: 'occurred_at', message: 'is more than a day in the future (check the year)' },
    ]);
    const [row] = await db().select().from(storeOrder).where(eq(storeOrder.externalId, 'csv-1'));
    expect(row).toBeUndefined();
  });

  it('checks a file with bad rows by counting what its good rows would do, and names each bad row once', async () => {
    const file = `${csv()}\ncsv-6,${new Date().toISOString()},-5,USD,,,`;
    const dry = await w.owner.client.request('POST', `${path()}?dryRun=true`, file);
    expect(dry.body).toMatchObject({ written: false, dryRun: true, created: 2, credited: 2, skipped: 4 });
    expect(dry.body.errors.filter((e: { line: number }) => e.line === 7)).toEqual([
      { line: 7, field: 'amount', message: 'must be a non-negative decimal such as 49.90' },
    ]);
  });

  it('dry-runs, then imports the good rows when asked to skip bad ones; a re-import adds nothing', async () => {
    const dry = await w.owner.client.request('POST', `${path()}?onError=skip&dryRun=true`, csv());
    expect(dry.body).toMatchObject({ written: false, dryRun: true, created: 2, credited: 2, skipped: 3 });
    expect(
      (await db().select().from(storeOrder).where(eq(storeOrder.connectionId, w.connections.csv))).length,
    ).toBe(0);
    const real = await w.owner.client.request('POST', `${path()}?onError=skip`, csv());
    expect(real.body).toMatchObject({ written: true, created: 2, credited: 2 });
    expect(await orderOf('csv-1')).toMatchObject({ amountMinor: 4990, ambassadorId: w.jane.id });
    expect(await orderOf('csv-4')).toMatchObject({
      amountMinor: 2000,
      ambassadorId: w.omar.id,
      method: 'click',
    });
    const again = await w.owner.client.request('POST', `${path()}?onError=skip`, csv());
    expect(again.body).toMatchObject({ created: 0, duplicates: 2 });
  });

  it('refuses to import a file into a pixel connection (its orders are unverified)', async () => {
    const res = await w.owner.client.request(
      'POST',
      `/api/v1/workspaces/${w.ws}/stores/${w.connections.pixel}/orders/import`,
      csv(),
    );
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('pixel connection');
    expect(res.body.problems).toEqual([{ field: 'connection', message: 'is a pixel connection' }]);
  });

  it('refuses unknown columns at the header', async () => {
    const res = await w.owner.client.request('POST', path(), 'order_id,when,amount,currency\n1,x,1,USD\n');
    expect(res.body.errors[0]).toMatchObject({ line: 1, field: 'header' });
    expect(res.body.errors[0].message).toContain('"when"');
  });
});

describe('the pixel', () => {
  const endpoint = () => `/t/conversions?connection=${w.connections.pixel}`;
  const send = (origin: string, body: unknown) =>
    ctx.app.request(endpoint(), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', origin },
    });

  it('serves a small cacheable script that other sites may load', async () => {
    const res = await ctx.app.request('/t.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const text = await res.text();
    expect(text.length).toBeLessThan(3_000);
    expect(text).toContain('troupe_tclid');
    expect(text).toContain('data-connection');
    // It parses as a script.
    expect(() => new Function(text)).not.toThrow();
  });

  it('answers the preflight for an allowed origin (subdomains included) and refuses others', async () => {
    const allowed = await ctx.app.request(endpoint(), {
      method: 'OPTIONS',
      headers: { origin: 'https://checkout.shop.example.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://checkout.shop.example.com');
    const refused = await ctx.app.request(endpoint(), {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com.evil.test', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('records a conversion from an allowed origin with the cookie’s click id, once', async () => {
    const body = { orderId: 'px-1', amount: '30.00', currency: 'usd', clickId: w.ids.clickOmar };
    const res = await send('https://brand.example', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://brand.example');
    expect(await res.json()).toEqual({ status: 'recorded' });
    expect(await (await send('https://brand.example', body)).json()).toEqual({ status: 'duplicate' });
    expect(await orderOf('px-1')).toMatchObject({ amountMinor: 3000, ambassadorId: w.omar.id });
  });

  it('records the amount the setup guide’s snippet shows (a decimal in the currency’s units)', async () => {
    // The object the guide tells brands to pass to troupe.conversion, sent as t.js sends it.
    const literal = /troupe\.conversion\((\{[\s\S]*?\})\);/.exec(
      pixelSnippet('https://t.example', 'c', 'EUR'),
    )?.[1];
    const call = new Function(`return ${literal}`)() as { amount: unknown; currency: string };
    const body = { orderId: 'px-guide', amount: String(call.amount), currency: call.currency, clickId: null };
    expect((await send('https://brand.example', body)).status).toBe(200);
    expect(await orderOf('px-guide')).toMatchObject({ amountMinor: 4999, currency: 'EUR' });
  });

  it('refuses other origins, names bad fields and limits each address', async () => {
    const refused = await send('https://coupons.test', { orderId: 'px-2', amount: '1', currency: 'USD' });
    expect(refused.status).toBe(403);
    const bad = await send('https://brand.example', { orderId: 'px-3', amount: 'lots', currency: 'USD' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).problems[0].field).toBe('amount');
    let last = 0;
    for (let i = 0; i < 10; i++)
      last = (await send('https://brand.example', { orderId: `px-r${i}`, amount: '1', currency: 'USD' }))
        .status;
    expect(last).toBe(429);
  });
});

describe('the conversions table', () => {
  it('filters by method, status and refunds, with totals per currency and a CSV export', async () => {
    const base = `/api/v1/workspaces/${w.ws}/programs/${w.program.id}/conversions`;
    const all = await w.owner.client.get(base);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(5);
    const usd = all.body.totals.find((t: { currency: string }) => t.currency === 'USD');
    expect(usd.orders).toBeGreaterThan(0);
    // The currency with the most orders leads; a stray one comes after.
    const counts = all.body.totals.map((t: { orders: number }) => t.orders);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const rejected = await w.owner.client.get(`${base}?status=rejected`);
    expect(rejected.body.items.every((i: { ambassador: unknown }) => i.ambassador === null)).toBe(true);
    const clicks = await w.owner.client.get(`${base}?method=click`);
    expect(clicks.body.items.every((i: { method: string }) => i.method === 'click')).toBe(true);
    const refunded = await w.owner.client.get(`${base}?refunded=yes`);
    expect(refunded.body.items.length).toBeGreaterThan(0);
    expect(refunded.body.items[0].refunds.length).toBeGreaterThan(0);
    const page = await w.owner.client.get(`${base}?limit=2&offset=0`);
    expect(page.body.items).toHaveLength(2);
    const csv = await w.owner.client.get(`${base}/export.csv?status=credited`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\n')[0]).toContain('order_id,occurred_at,amount,currency');
    expect(String(csv.body)).toContain('Jane Doe');
  });

  it('shows each order’s source, marks the pixel unverified and splits the credited totals', async () => {
    const base = `/api/v1/workspaces/${w.ws}/programs/${w.program.id}/conversions`;
    const all = await w.owner.client.get(`${base}?limit=500`);
    const pixelItems = all.body.items.filter(
      (i: { connection: { kind: string } }) => i.connection.kind === 'pixel',
    );
    expect(pixelItems.length).toBeGreaterThan(0);
    expect(pixelItems.every((i: { connection: { verified: boolean } }) => !i.connection.verified)).toBe(true);
    const apiItem = all.body.items.find((i: { connection: { kind: string } }) => i.connection.kind === 'api');
    expect(apiItem.connection).toMatchObject({ name: 'api store', verified: true });
    const usd = all.body.totals.find((t: { currency: string }) => t.currency === 'USD');
    // px-1 (30.00, credited to Omar) is the pixel's credited order.
    expect(usd.creditedPixelMinor).toBe(3000);
    expect(usd.creditedVerifiedMinor + usd.creditedPixelMinor).toBe(usd.creditedMinor);
    expect(usd.creditedVerifiedMinor).toBeGreaterThan(0);
    const onlyPixel = await w.owner.client.get(`${base}?connectionId=${w.connections.pixel}`);
    const px = onlyPixel.body.totals.find((t: { currency: string }) => t.currency === 'USD');
    expect(px).toMatchObject({ creditedVerifiedMinor: 0, creditedPixelMinor: 3000, pixelOrders: px.orders });
    const csv = await w.owner.client.get(`${base}/export.csv?connectionId=${w.connections.pixel}`);
    expect(String(csv.body)).toContain('pixel store (Conversion pixel, unverified)');
  });

  it('is 404 for a program of another workspace', async () => {
    const other = await buildWorld(ctx);
    const res = await w.owner.client.get(
      `/api/v1/workspaces/${w.ws}/programs/${other.program.id}/conversions`,
    );
    expect(res.status).toBe(404);
  });
});

describe('the demo', () => {
  it('shows every attribution outcome in the conversions table', async () => {
    const demoCtx = await createTestContext();
    try {
      const { seedDemo } = await import('../../src/server/db/seed/demo');
      const demo = await seedDemo(demoCtx.services);
      const { TestClient } = await import('../harness');
      const client = new TestClient(demoCtx.app);
      await client.post('/api/auth/sign-in/email', { email: demo.email, password: demo.password });
      const res = await client.get(
        `/api/v1/workspaces/${demo.workspaceId}/programs/${demo.programId}/conversions?limit=100`,
      );
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{
        method: string | null;
        rejectedReason: string | null;
        refundedMinor: number;
        cancelledAt: string | null;
        evidence: { setAside: Array<{ why: string }> } | null;
      }>;
      expect(items.length).toBeGreaterThanOrEqual(55);
      expect(new Set(items.map((i) => i.method))).toEqual(new Set(['code', 'click', 'both', null]));
      expect(items.some((i) => i.rejectedReason === 'self_referral')).toBe(true);
      expect(items.some((i) => i.evidence?.setAside.some((s) => s.why === 'precedence'))).toBe(true);
      expect(items.some((i) => i.refundedMinor > 0 && !i.cancelledAt)).toBe(true);
      expect(items.some((i) => i.cancelledAt)).toBe(true);
    } finally {
      await demoCtx.close();
    }
  });
});
