// The Shopify Admin API client against a local node:http server replaying the documented responses
// (src/server/modules/codes/fixtures/shopify), asserting what we send: path, headers, body.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/server/lib/scope';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { discountCode } from '../../src/server/modules/codes/codes.schema';
import { rotateCode } from '../../src/server/modules/codes/codes.service';
import { syncCodeToShopify } from '../../src/server/modules/codes/codes-shopify.service';
import { ShopifyAdminClient } from '../../src/server/modules/codes/shopify-admin';
import { storeConnection } from '../../src/server/modules/conversions/conversions.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { createTestContext, signUp, type TestClient, type TestContext } from '../harness';

const fixture = (name: string) =>
  readFileSync(
    new URL(`../../src/server/modules/codes/fixtures/shopify/${name}.json`, import.meta.url),
    'utf8',
  );

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}
interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

let server: Server;
let baseUrl: string;
let replies: Reply[] = [];
let recorded: Recorded[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      recorded.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : null,
      });
      const reply = replies.shift() ?? { status: 500, body: '{"errors":"no reply scripted"}' };
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  replies = [];
  recorded = [];
});

const client = (overrides: Partial<ConstructorParameters<typeof ShopifyAdminClient>[0]> = {}) =>
  new ShopifyAdminClient({
    shopDomain: 'glow-skincare.myshopify.com',
    adminToken: 'shpat_test_token',
    baseUrl,
    sleep: async () => undefined,
    ...overrides,
  });

describe('ShopifyAdminClient', () => {
  it('creates a percentage price rule, then its discount code', async () => {
    replies = [
      { status: 201, body: fixture('price-rule-created') },
      { status: 201, body: fixture('discount-code-created') },
    ];
    const ref = await client().createPercentageCode({
      code: 'JANE15',
      percent: 15,
      title: 'JANE15 (Troupe)',
    });
    expect(ref).toEqual({ priceRuleId: '1076543210987', discountCodeId: '19876543210123' });
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /admin/api/2024-10/price_rules.json',
      'POST /admin/api/2024-10/price_rules/1076543210987/discount_codes.json',
    ]);
    expect(recorded[0]!.headers['x-shopify-access-token']).toBe('shpat_test_token');
    expect(recorded[0]!.headers['content-type']).toBe('application/json');
    expect(recorded[0]!.body).toEqual({
      price_rule: {
        title: 'JANE15 (Troupe)',
        target_type: 'line_item',
        target_selection: 'all',
        allocation_method: 'across',
        value_type: 'percentage',
        value: '-15.0',
        customer_selection: 'all',
        starts_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    expect(recorded[1]!.body).toEqual({ discount_code: { code: 'JANE15' } });
  });

  it('reports a 422 with Shopify’s words and removes the half-made price rule', async () => {
    replies = [
      { status: 201, body: fixture('price-rule-created') },
      { status: 422, body: fixture('discount-code-not-unique') },
      { status: 204 },
    ];
    await expect(client().createPercentageCode({ code: 'JANE15', percent: 15 })).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Shopify refused it: code must be unique. Please try a different code..',
    });
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /admin/api/2024-10/price_rules.json',
      'POST /admin/api/2024-10/price_rules/1076543210987/discount_codes.json',
      'DELETE /admin/api/2024-10/price_rules/1076543210987.json',
    ]);
  });

  it('keeps ids above 2^53 exact, so the DELETE removes that price rule and no other', async () => {
    // 9007199254740993 = 2^53 + 1: JSON.parse would read it as …992. The fixture text is edited, not
    // re-serialised, so the recorded response carries the digits exactly as Shopify would send them.
    const bigRule = '9007199254740993';
    const bigCode = '9007199254740995';
    const ruleReply = fixture('price-rule-created').replaceAll('1076543210987', bigRule);
    const codeReply = fixture('discount-code-created')
      .replaceAll('1076543210987', bigRule)
      .replaceAll('19876543210123', bigCode);
    expect(ruleReply).toContain(`"id": ${bigRule},`);
    replies = [{ status: 201, body: ruleReply }, { status: 201, body: codeReply }, { status: 204 }];
    const ref = await client().createPercentageCode({ code: 'JANE15', percent: 15 });
    expect(ref).toEqual({ priceRuleId: bigRule, discountCodeId: bigCode });
    await client().deletePriceRule(ref.priceRuleId);
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /admin/api/2024-10/price_rules.json',
      `POST /admin/api/2024-10/price_rules/${bigRule}/discount_codes.json`,
      `DELETE /admin/api/2024-10/price_rules/${bigRule}.json`,
    ]);

    // The clean-up after a refused code deletes the exact price rule too.
    recorded = [];
    replies = [
      { status: 201, body: ruleReply },
      { status: 422, body: fixture('discount-code-not-unique') },
      { status: 204 },
    ];
    await expect(client().createPercentageCode({ code: 'JANE15', percent: 15 })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(recorded.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/admin/api/2024-10/price_rules/${bigRule}.json`,
    });
  });

  it('explains a refused token', async () => {
    replies = [{ status: 401, body: fixture('unauthorized') }];
    await expect(client().createPercentageCode({ code: 'JANE15', percent: 15 })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining(
        'Shopify refused the Admin API token of glow-skincare.myshopify.com (401',
      ),
    });
  });

  it('waits out a short Retry-After and tries again', async () => {
    const waits: number[] = [];
    replies = [
      { status: 429, body: fixture('throttled'), headers: { 'Retry-After': '2.0' } },
      { status: 201, body: fixture('price-rule-created') },
      { status: 201, body: fixture('discount-code-created') },
    ];
    const ref = await client({
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).createPercentageCode({ code: 'JANE15', percent: 15 });
    expect(ref.discountCodeId).toBe('19876543210123');
    expect(waits).toEqual([2000]);
  });

  it('reports a long Retry-After instead of waiting', async () => {
    replies = [{ status: 429, body: fixture('throttled'), headers: { 'Retry-After': '30' } }];
    await expect(client().createPercentageCode({ code: 'JANE15', percent: 15 })).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'Shopify is rate-limiting requests to glow-skincare.myshopify.com; try again in 30 seconds.',
    });
  });

  it('refuses a shop domain that is not *.myshopify.com', () => {
    expect(() => new ShopifyAdminClient({ shopDomain: 'evil.example', adminToken: 't' })).toThrow(
      /myshopify/,
    );
  });
});

describe('syncing a code to Shopify', () => {
  let ctx: TestContext;
  let owner: TestClient;
  let ws: string;
  let programId: string;
  let codeId: string;
  const factory = () => () => client();

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ client: owner, workspaceId: ws } = await signUp(ctx));
    programId = (await createProgram(owner, ws)).id;
    const person = await createCreator(owner, ws, {
      name: 'Jane Doe',
      socialAccounts: [{ platform: 'instagram', handle: 'jane', followers: 5000 }],
    });
    const amb = await addToProgram(owner, ws, programId, person.id);
    await walk(owner, ws, amb.id, ['invited', 'applied', 'accepted', 'onboarding', 'active']);
    codeId = (await owner.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.id}/codes`, {})).body.id;
  });
  afterAll(async () => ctx.close());

  const scope = () => systemScope(ws);

  it('says what to do when the program has no Shopify connection', async () => {
    const res = await owner.post(
      `/api/v1/workspaces/${ws}/programs/${programId}/codes/${codeId}/shopify`,
      {},
    );
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({
      field: 'connectionId',
      message: expect.stringContaining('no Shopify connection'),
    });
  });

  it('keeps the code when the shop cannot be reached', async () => {
    await ctx.services.database.db.insert(storeConnection).values({
      id: 'stc_shopify_test',
      workspaceId: ws,
      programId,
      kind: 'shopify',
      name: 'Glow Shopify',
      secret: 'whsec',
      shopDomain: 'glow-skincare.myshopify.com',
      adminToken: 'shpat_test_token',
    });
    const unreachable = () =>
      new ShopifyAdminClient({
        shopDomain: 'glow-skincare.myshopify.com',
        adminToken: 't',
        baseUrl: 'http://127.0.0.1:9',
      });
    await expect(
      syncCodeToShopify(ctx.services.database.db, scope(), programId, codeId, {}, unreachable),
    ).rejects.toMatchObject({
      message: expect.stringContaining('Could not reach Shopify (glow-skincare.myshopify.com)'),
    });
    const [row] = await ctx.services.database.db
      .select()
      .from(discountCode)
      .where(eq(discountCode.id, codeId));
    expect(row).toMatchObject({ code: 'JANE15', status: 'active', externalRef: null, syncedAt: null });
  });

  it('stores the Shopify ids and the time on success, audited, and shows Shopify on the list', async () => {
    replies = [
      { status: 201, body: fixture('price-rule-created') },
      { status: 201, body: fixture('discount-code-created') },
    ];
    await syncCodeToShopify(ctx.services.database.db, scope(), programId, codeId, {}, factory());
    const list = await owner.get(`/api/v1/workspaces/${ws}/programs/${programId}/codes`);
    expect(list.body.hasShopify).toBe(true);
    expect(list.body.items[0]).toMatchObject({
      code: 'JANE15',
      shopify: { priceRuleId: '1076543210987', discountCodeId: '19876543210123' },
      syncedAt: expect.any(String),
    });
    const audits = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.workspaceId, ws), eq(auditEvent.action, 'discount_code.synced')));
    expect(audits).toHaveLength(1);
    await expect(
      syncCodeToShopify(ctx.services.database.db, scope(), programId, codeId, {}, factory()),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('removes the old code from Shopify when it is rotated', async () => {
    replies = [{ status: 204 }];
    const result = await rotateCode(ctx.services.database.db, scope(), programId, codeId, 'Leaked', {
      shopify: factory(),
    });
    expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /admin/api/2024-10/price_rules/1076543210987.json',
    ]);
    expect(result.shopifyNote).toBe('JANE15 was removed from Shopify.');
    expect(result.issued.code).toMatch(/^JANE15[A-HJ-NP-Z2-9]{4}$/);
  });
});
