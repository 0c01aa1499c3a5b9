// Store connections and API keys (T3): per-kind validation naming the field, secrets shown once and
// masked afterwards, rotation, disabling, deletion with its orders, API keys stored as hashes, and
// who may see or change any of it.
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { apiKey, storeOrder, webhookDelivery } from '../../src/server/modules/conversions/conversions.schema';
import { createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let programId: string;
const shopifySecret = 'shpss_0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  ctx = await createTestContext({ env: { PUBLIC_URL: 'https://troupe.example.com' } });
  ({ client: owner, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Skincare' }));
  programId = (await createProgram(owner, ws, { name: 'Glow Ambassadors' })).id;
});
afterAll(async () => ctx.close());

const base = () => `/api/v1/workspaces/${ws}/stores`;
const create = (body: Record<string, unknown>) =>
  owner.post(base(), { programId, name: 'My store', ...body });
const fieldsOf = (res: { body: { problems?: Array<{ field: string }> } }) =>
  (res.body.problems ?? []).map((p) => p.field);

describe('creating a connection', () => {
  it('for Shopify requires the app secret and validates the shop domain, naming each field', async () => {
    const missing = await create({ kind: 'shopify' });
    expect(missing.status).toBe(422);
    expect(fieldsOf(missing)).toEqual(['secret']);
    expect(missing.body.problems[0].message).toMatch(/API secret key/);

    const badDomain = await create({ kind: 'shopify', secret: shopifySecret, shopDomain: 'glow.com' });
    expect(badDomain.status).toBe(422);
    expect(fieldsOf(badDomain)).toEqual(['shopDomain']);

    const tokenWithoutShop = await create({
      kind: 'shopify',
      secret: shopifySecret,
      adminToken: 'shpat_0123456789abcdef',
    });
    expect(fieldsOf(tokenWithoutShop)).toEqual(['shopDomain']);
  });

  it('for Shopify returns the secret and token once, with the webhook URL and topics', async () => {
    const res = await create({
      kind: 'shopify',
      name: 'Glow Shopify',
      secret: shopifySecret,
      shopDomain: 'https://Glow-Skincare.myshopify.com/',
      adminToken: 'shpat_aaaabbbbccccdddd1234',
    });
    expect(res.status).toBe(201);
    const { connection, secret, adminToken } = res.body;
    expect(secret).toBe(shopifySecret);
    expect(adminToken).toBe('shpat_aaaabbbbccccdddd1234');
    expect(connection).toMatchObject({
      kind: 'shopify',
      programName: 'Glow Ambassadors',
      programCurrency: 'USD',
      shopDomain: 'glow-skincare.myshopify.com',
      secretHint: '…cdef',
      adminTokenHint: '…1234',
      webhookUrl: `https://troupe.example.com/webhooks/shopify/${connection.id}`,
      topics: ['orders/create', 'orders/paid', 'refunds/create', 'orders/cancelled'],
      lastDelivery: null,
      deliveries: [],
    });

    const again = await owner.get(`${base()}/${connection.id}`);
    const list = await owner.get(base());
    for (const body of [again.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(shopifySecret);
      expect(JSON.stringify(body)).not.toContain('shpat_aaaabbbbccccdddd1234');
    }
    expect(list.body.items.find((c: { id: string }) => c.id === connection.id).secretHint).toBe('…cdef');
  });

  it('for WooCommerce generates a strong secret unless one is given', async () => {
    const generated = await create({ kind: 'woocommerce' });
    expect(generated.status).toBe(201);
    expect(generated.body.secret).toMatch(/^[\w-]{43}$/);
    expect(generated.body.connection.topics).toEqual(['order.created', 'order.updated']);

    const short = await create({ kind: 'woocommerce', secret: 'short' });
    expect(fieldsOf(short)).toEqual(['secret']);
    const supplied = await create({ kind: 'woocommerce', secret: 'my-own-woo-secret-123456' });
    expect(supplied.body.secret).toBe('my-own-woo-secret-123456');
  });

  it('for Stripe requires the whsec_ signing secret', async () => {
    expect(fieldsOf(await create({ kind: 'stripe' }))).toEqual(['secret']);
    const wrong = await create({ kind: 'stripe', secret: 'sk_live_1234567890abcdef' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.problems[0]).toMatchObject({
      field: 'secret',
      message: expect.stringMatching(/whsec_/),
    });
    const ok = await create({ kind: 'stripe', secret: 'whsec_1234567890abcdefXYZ' });
    expect(ok.status).toBe(201);
    expect(ok.body.connection.webhookUrl).toMatch(/\/webhooks\/stripe\/stc_/);
  });

  it('for the pixel, the API and CSV takes no secret and has no webhook URL', async () => {
    for (const kind of ['pixel', 'api', 'csv']) {
      const res = await create({ kind });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        secret: null,
        connection: { kind, webhookUrl: null, hasSecret: false },
      });
    }
    const withSecret = await create({ kind: 'pixel', secret: 'whatever-secret-value' });
    expect(fieldsOf(withSecret)).toEqual(['secret']);
    const withShop = await create({ kind: 'api', shopDomain: 'x.myshopify.com' });
    expect(fieldsOf(withShop)).toEqual(['shopDomain']);
  });

  it('refuses an unknown kind, a missing name and a program of another workspace', async () => {
    const res = await owner.post(base(), { programId: 'prg_nope', kind: 'magento', name: '' });
    expect(res.status).toBe(422);
    expect(fieldsOf(res).sort()).toEqual(['kind', 'name']);
    const other = await create({ kind: 'pixel', programId: 'prg_nope' });
    expect(fieldsOf(other)).toEqual(['programId']);
  });

  it('audits the creation without the secret', async () => {
    const res = await create({ kind: 'stripe', secret: 'whsec_auditcheck1234567' });
    const [event] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, res.body.connection.id));
    expect(event).toMatchObject({ action: 'store_connection.created' });
    expect(JSON.stringify(event)).not.toContain('whsec_auditcheck');
  });
});

describe('a connection over time', () => {
  it('lists its deliveries, last status and 24-hour count', async () => {
    const { body } = await create({ kind: 'shopify', secret: shopifySecret });
    const id = body.connection.id;
    const { db } = ctx.services.database;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db.insert(webhookDelivery).values([
      {
        id: newId('webhookDelivery'),
        workspaceId: ws,
        connectionId: id,
        topic: 'orders/create',
        status: 'processed',
        httpStatus: 200,
        detail: 'order #1001',
        receivedAt: at(60 * 30),
      },
      {
        id: newId('webhookDelivery'),
        workspaceId: ws,
        connectionId: id,
        topic: 'orders/paid',
        status: 'duplicate',
        httpStatus: 200,
        detail: null,
        receivedAt: at(30),
      },
      {
        id: newId('webhookDelivery'),
        workspaceId: ws,
        connectionId: id,
        topic: 'orders/create',
        status: 'failed',
        httpStatus: 401,
        detail: 'bad signature',
        receivedAt: at(5),
      },
    ]);
    const detail = await owner.get(`${base()}/${id}`);
    expect(detail.body.lastDelivery).toMatchObject({ status: 'failed', httpStatus: 401 });
    expect(detail.body.deliveriesLast24h).toBe(2);
    expect(
      detail.body.deliveries.map((d: { topic: string; status: string }) => `${d.topic} ${d.status}`),
    ).toEqual(['orders/create failed', 'orders/paid duplicate', 'orders/create processed']);
    expect(detail.body.deliveries[0].detail).toBe('bad signature');
  });

  it('rotates a WooCommerce secret once, and refuses rotation where the platform owns the secret', async () => {
    const { body } = await create({ kind: 'woocommerce' });
    const rotated = await owner.post(`${base()}/${body.connection.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^[\w-]{43}$/);
    expect(rotated.body.secret).not.toBe(body.secret);
    expect(rotated.body.connection.secretHint).toBe(`…${rotated.body.secret.slice(-4)}`);
    const events = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, body.connection.id));
    expect(events.map((e) => e.action)).toEqual([
      'store_connection.created',
      'store_connection.secret_rotated',
    ]);
    expect(JSON.stringify(events)).not.toContain(rotated.body.secret);
    expect(JSON.stringify(events)).not.toContain(body.secret);

    const stripe = await create({ kind: 'stripe', secret: 'whsec_rotateme12345678' });
    const refused = await owner.post(`${base()}/${stripe.body.connection.id}/rotate-secret`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Stripe creates its own secret/);
  });

  it('updates the name and secret without echoing it, validating by kind', async () => {
    const { body } = await create({ kind: 'stripe', secret: 'whsec_original12345678' });
    const bad = await owner.patch(`${base()}/${body.connection.id}`, { secret: 'not-a-whsec' });
    expect(fieldsOf(bad)).toEqual(['secret']);
    const res = await owner.patch(`${base()}/${body.connection.id}`, {
      name: 'Stripe checkout',
      secret: 'whsec_replaced9999WXYZ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Stripe checkout', secretHint: '…WXYZ' });
    expect(JSON.stringify(res.body)).not.toContain('whsec_replaced');
  });

  it('disables and enables, audited', async () => {
    const { body } = await create({ kind: 'pixel' });
    const off = await owner.post(`${base()}/${body.connection.id}/disable`);
    expect(off.body).toMatchObject({ isDisabled: true, disabledAt: expect.any(String) });
    const on = await owner.post(`${base()}/${body.connection.id}/enable`);
    expect(on.body).toMatchObject({ isDisabled: false, disabledAt: null });
    const events = await ctx.services.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, body.connection.id));
    expect(events.map((e) => e.action)).toEqual([
      'store_connection.created',
      'store_connection.disabled',
      'store_connection.enabled',
    ]);
  });

  it('deletes with its orders, saying how many', async () => {
    const { body } = await create({ kind: 'csv' });
    const id = body.connection.id;
    const { db } = ctx.services.database;
    await db.insert(storeOrder).values(
      [1, 2, 3].map((i) => ({
        id: newId('storeOrder'),
        workspaceId: ws,
        programId,
        connectionId: id,
        externalId: `#${1000 + i}`,
        occurredAt: new Date(),
        amountMinor: 4200,
        currency: 'EUR',
        codes: [],
      })),
    );
    // A CSV connection has no deliveries: its page tells what it last received by its orders.
    const detail = (await owner.get(`${base()}/${id}`)).body;
    expect(detail).toMatchObject({ ordersCount: 3, ordersLast24h: 3, lastDelivery: null });
    expect(Date.parse(detail.lastOrderAt)).toBeGreaterThan(Date.now() - 60_000);
    const res = await owner.delete(`${base()}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ordersDeleted: 3 });
    const [left] = await db.select({ n: count() }).from(storeOrder).where(eq(storeOrder.connectionId, id));
    expect(left!.n).toBe(0);
    expect((await owner.get(`${base()}/${id}`)).status).toBe(404);
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, id), eq(auditEvent.action, 'store_connection.deleted')));
    expect(event!.before).toMatchObject({ ordersDeleted: 3 });
  });
});

describe('API keys', () => {
  let connectionId: string;
  beforeAll(async () => {
    connectionId = (await create({ kind: 'api', name: 'Headless checkout' })).body.connection.id;
  });

  it('creates a key shown once and stores only its hash and prefix', async () => {
    const res = await owner.post(`${base()}/${connectionId}/api-keys`, { name: 'Checkout server' });
    expect(res.status).toBe(201);
    const { token, key } = res.body;
    expect(token).toMatch(/^trp_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({
      name: 'Checkout server',
      prefix: token.slice(0, 13),
      revokedAt: null,
      lastUsedAt: null,
    });
    const [row] = await ctx.services.database.db.select().from(apiKey).where(eq(apiKey.id, key.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await owner.get(`${base()}/${connectionId}/api-keys`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: key.id,
      prefix: key.prefix,
      createdBy: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('refuses keys on connections that are not of kind api, and a key without a name', async () => {
    const pixel = await create({ kind: 'pixel' });
    const res = await owner.post(`${base()}/${pixel.body.connection.id}/api-keys`, { name: 'x' });
    expect(res.status).toBe(409);
    expect(fieldsOf(await owner.post(`${base()}/${connectionId}/api-keys`, { name: ' ' }))).toEqual(['name']);
  });

  it('revokes a key once, audited', async () => {
    const { body } = await owner.post(`${base()}/${connectionId}/api-keys`, { name: 'To revoke' });
    const res = await owner.post(`${base()}/${connectionId}/api-keys/${body.key.id}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).toEqual(expect.any(String));
    expect((await owner.post(`${base()}/${connectionId}/api-keys/${body.key.id}/revoke`)).status).toBe(409);
    const events = await ctx.services.database.db
      .select({ action: auditEvent.action, after: auditEvent.after })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, body.key.id));
    expect(events.map((e) => e.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(JSON.stringify(events)).not.toContain(body.token);
  });

  it('deleting the connection deletes its keys', async () => {
    const conn = await create({ kind: 'api' });
    await owner.post(`${base()}/${conn.body.connection.id}/api-keys`, { name: 'k' });
    await owner.delete(`${base()}/${conn.body.connection.id}`);
    const [left] = await ctx.services.database.db
      .select({ n: count() })
      .from(apiKey)
      .where(eq(apiKey.connectionId, conn.body.connection.id));
    expect(left!.n).toBe(0);
  });
});

describe('permissions', () => {
  let shopifyId: string;
  let apiId: string;
  const members: Record<string, TestClient> = {};
  beforeAll(async () => {
    for (const role of ['admin', 'manager', 'reviewer', 'viewer']) {
      members[role] = (await addMember(ctx, owner, ws, role)).client;
    }
    shopifyId = (await create({ kind: 'shopify', secret: shopifySecret })).body.connection.id;
    apiId = (await create({ kind: 'api' })).body.connection.id;
  });

  it('lets an admin manage stores', async () => {
    const res = await members.admin!.post(base(), { programId, kind: 'pixel', name: 'Site pixel' });
    expect(res.status).toBe(201);
    expect((await members.admin!.get(`${base()}/${shopifyId}`)).body.secretHint).toBe('…cdef');
  });

  it('lets managers, reviewers and viewers list connections without any secret hint, and nothing more', async () => {
    for (const role of ['manager', 'reviewer', 'viewer']) {
      const client = members[role]!;
      const list = await client.get(base());
      expect(list.status).toBe(200);
      const shown = list.body.items.find((c: { id: string }) => c.id === shopifyId);
      expect(shown).toMatchObject({ hasSecret: true, secretHint: null, adminTokenHint: null });
      // Neither the hint nor any part of the secret (a random id could hold "cdef" by chance).
      expect(JSON.stringify(list.body)).not.toMatch(/…cdef|0123456789abcdef/);
      const detail = await client.get(`${base()}/${shopifyId}`);
      expect(detail.body.secretHint).toBeNull();

      const refused = [
        await client.post(base(), { programId, kind: 'pixel', name: 'x' }),
        await client.patch(`${base()}/${shopifyId}`, { name: 'x' }),
        await client.post(`${base()}/${shopifyId}/disable`),
        await client.delete(`${base()}/${shopifyId}`),
        await client.get(`${base()}/${apiId}/api-keys`),
        await client.post(`${base()}/${apiId}/api-keys`, { name: 'x' }),
      ];
      expect({ role, statuses: refused.map((r) => r.status) }).toEqual({
        role,
        statuses: Array(6).fill(403),
      });
    }
  });
});
