// Tracked links end to end (T1): tracking settings, link creation with destination checks, the redirector
// (302 with UTM and click id, 404, 410), clicks recorded with bot/unique flags, totals, charts and QR codes.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickIdParam } from '../../src/core/attribution';
import { createRedirector, type Redirector } from '../../src/redirector/redirector';
import { type ClickRecord, insertClicks } from '../../src/server/modules/links/clicks.service';
import { click, link } from '../../src/server/modules/links/links.schema';
import { addToProgram, createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let program: { id: string; slug: string };
let amb: { id: string };
let creatorId: string;
let redirector: Redirector;
let server: Server;
let base: string;

const browserUa =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

/** One raw HTTP request to the redirector, as a browser or a bot would send it. */
function hit(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: options.method ?? 'GET', headers: { 'user-agent': browserUa, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const settings = {
  allowedDomains: ['Shop.Example.com', 'bücher.de'],
  utmTemplate: { source: 'troupe', medium: 'ambassador', campaign: '{program}', content: '' },
  attributionRules: { windowDays: 30, precedence: 'code', blockSelfReferral: true },
  codePattern: '{HANDLE}{PERCENT}',
  codePercent: '15',
  codeDescription: '15% off',
};

const metricsToken = 'scrape-token-0123456789';

beforeAll(async () => {
  ctx = await createTestContext({ env: { METRICS_TOKEN: metricsToken } });
  ({ client: owner, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow' }));
  program = await createProgram(owner, ws, { name: 'Glow Club' });
  const person = await createCreator(owner, ws, {
    socialAccounts: [
      { platform: 'tiktok', handle: 'jane.small', followers: 900 },
      { platform: 'instagram', handle: 'jane.doe', followers: 12000 },
    ],
  });
  creatorId = person.id;
  amb = await addToProgram(owner, ws, program.id, person.id);
  redirector = createRedirector({
    database: ctx.services.database,
    logger: ctx.services.logger,
    salt: 'test-salt',
    trustProxy: true,
    journalDir: join(ctx.services.env.TROUPE_DATA_DIR, 'clicks'),
    registry: ctx.services.metrics.registry,
  });
  server = createServer((req, res) => {
    if (!redirector.handle(req, res)) {
      res.statusCode = 418;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await redirector.stop();
  await ctx.close();
});

describe('tracking settings', () => {
  it('start from the defaults: code wins, 30 days, self-referral blocked', async () => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      allowedDomains: [],
      utmTemplate: { source: 'troupe', medium: 'ambassador', campaign: '{program}', content: '' },
      attributionRules: { windowDays: 30, precedence: 'code', blockSelfReferral: true },
      updatedAt: null,
    });
  });

  it('refuse bad domains, unknown placeholders, a window outside 1–365 and an empty code pattern, naming each', async () => {
    const res = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
      ...settings,
      allowedDomains: ['example.com', 'https://evil.com/path'],
      utmTemplate: { ...settings.utmTemplate, source: '{brand}' },
      attributionRules: { ...settings.attributionRules, windowDays: 400 },
      codePattern: ' ',
    });
    expect(res.status).toBe(422);
    const fields = res.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'allowedDomains.1',
        'utmTemplate.source',
        'attributionRules.windowDays',
        'codePattern',
      ]),
    );
  });

  it('refuse a code percent that is not a whole number from 1 to 100, naming the field', async () => {
    for (const codePercent of ['abc', '0', '101', '12.5', '-5', '']) {
      const res = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
        ...settings,
        codePercent,
      });
      expect(res.status, codePercent).toBe(422);
      expect(res.body.problems, codePercent).toEqual([
        { field: 'codePercent', message: 'must be a whole number from 1 to 100' },
      ]);
    }
    const ok = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
      ...settings,
      codePercent: ' 100 ',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.codePercent).toBe('100');
  });

  it('refuse a code pattern the generator would refuse, with its message', async () => {
    const cases: Array<[string, string]> = [
      ['{HANDEL}{PERCENT}', 'Unknown token {HANDEL} in the code pattern'],
      ['SALE{PERCENT}', 'needs {HANDLE}, {NAME}, {RANDOM4} or {RANDOM6}'],
      ['{HANDLE}{PERCENT', 'unmatched brace'],
      ['{HANDLE}VERYLONGFIXEDTEXTXX', 'fixed text is too long'],
    ];
    for (const [codePattern, message] of cases) {
      const res = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
        ...settings,
        codePattern,
      });
      expect(res.status, codePattern).toBe(422);
      expect(res.body.problems, codePattern).toEqual([
        { field: 'codePattern', message: expect.stringContaining(message) },
      ]);
    }
    for (const codePattern of ['{name}{year}', 'GLOW{RANDOM4}', '{HANDLE}{PERCENT}']) {
      const res = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
        ...settings,
        codePattern,
      });
      expect(res.status, codePattern).toBe(200);
    }
  });

  it('save normalised domains (lower case, punycode, no duplicates), audited', async () => {
    const res = await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
      ...settings,
      allowedDomains: [...settings.allowedDomains, 'shop.example.com'],
    });
    expect(res.status).toBe(200);
    expect(res.body.allowedDomains).toEqual(['shop.example.com', 'xn--bcher-kva.de']);
    expect(res.body.updatedAt).not.toBeNull();
    const again = await owner.get(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`);
    expect(again.body.codeDescription).toBe('15% off');
  });

  it('are read by a viewer but saved only with tracking.write', async () => {
    const viewer = await addMember(ctx, owner, ws, 'viewer');
    expect((await viewer.client.get(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`)).status).toBe(
      200,
    );
    const put = await viewer.client.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, settings);
    expect(put.status).toBe(403);
    const create = await viewer.client.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
    });
    expect(create.status).toBe(403);
  });
});

describe('creating a link', () => {
  const refused: Array<[string, string]> = [
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['another domain', 'https://evil.com/'],
    ['open redirect through credentials', 'https://shop.example.com@evil.com/'],
    ['a look-alike domain', 'https://shop.example.com.evil.com/'],
    ['protocol-relative', '//evil.com'],
  ];
  for (const [name, destination] of refused) {
    it(`refuses ${name}, naming the destination`, async () => {
      const res = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
        ambassadorId: amb.id,
        destination,
      });
      expect(res.status).toBe(422);
      expect(res.body.problems[0].field).toBe('destination');
    });
  }

  it('refuses an ambassador of another program and a past expiry', async () => {
    const other = await createProgram(owner, ws);
    const res = await owner.post(`/api/v1/workspaces/${ws}/programs/${other.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('ambassadorId');
    const past = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(422);
    expect(past.body.problems[0].field).toBe('expiresAt');
  });

  it('gives a short URL with a random URL-safe slug; a subdomain and an IDN host are fine', async () => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://BÜCHER.de/buch?x=1',
      campaign: 'Autumn',
    });
    expect(res.status).toBe(201);
    expect(res.body.slug).toMatch(/^[A-Za-z0-9]{7}$/);
    expect(res.body.url).toBe(`http://localhost:3000/l/${res.body.slug}`);
    expect(res.body).toMatchObject({
      destination: 'https://xn--bcher-kva.de/buch?x=1',
      campaign: 'Autumn',
      status: 'active',
      ambassador: { handle: 'jane.doe', creatorId },
      totals: { clicks: 0, unique: 0, bot: 0 },
    });
  });
});

describe('the redirect', () => {
  let created: { id: string; slug: string };

  beforeAll(async () => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/products/serum?ref=bio&utm_medium=story#reviews',
    });
    created = res.body;
  });

  it('302s to the destination with UTM parameters, the destination’s own utm_* kept, and a click id', async () => {
    const res = await hit(`/l/${created.slug}?ignored=1`);
    expect(res.status).toBe(302);
    const location = new URL(res.location!);
    expect(location.origin + location.pathname).toBe('https://shop.example.com/products/serum');
    expect(location.hash).toBe('#reviews');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      ref: 'bio',
      utm_source: 'troupe',
      utm_medium: 'story',
      utm_campaign: program.slug,
      utm_content: 'jane.doe',
    });
    expect(location.searchParams.get(clickIdParam)).toMatch(/^clk_[0-9a-z]{19}$/);
    expect(location.searchParams.getAll('utm_medium')).toEqual(['story']);
  });

  it('records each click after the response: bots and HEAD flagged, never unique; repeat visits not unique', async () => {
    const { db } = ctx.services.database;
    await redirector.flushClicks();
    await db.delete(click).where(eq(click.linkId, created.id));
    const visits: Array<{ method?: string; headers: Record<string, string> }> = [
      {
        headers: {
          'x-forwarded-for': '203.0.113.7',
          'cf-ipcountry': 'de',
          referer: 'https://www.instagram.com/p/1',
        },
      },
      { headers: { 'x-forwarded-for': '203.0.113.7' } },
      {
        headers: {
          'x-forwarded-for': '198.51.100.2',
          'user-agent':
            'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
        },
      },
      {
        headers: {
          'x-forwarded-for': '198.51.100.3',
          'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
        },
      },
      { headers: { 'x-forwarded-for': '198.51.100.4', 'user-agent': 'facebookexternalhit/1.1' } },
      { headers: { 'x-forwarded-for': '198.51.100.5', 'user-agent': 'WhatsApp/2.23.20.0 A' } },
      { headers: { 'x-forwarded-for': '198.51.100.6', 'user-agent': 'Twitterbot/1.0' } },
      { method: 'HEAD', headers: { 'x-forwarded-for': '198.51.100.7' } },
    ];
    const ids: string[] = [];
    for (const visit of visits) {
      const res = await hit(`/l/${created.slug}`, visit);
      expect(res.status).toBe(302);
      ids.push(new URL(res.location!).searchParams.get(clickIdParam)!);
    }
    await redirector.flushClicks();
    const rows = await db.select().from(click).where(eq(click.linkId, created.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(visits.length);
    const flags = ids.map((id) => [byId.get(id)?.isBot, byId.get(id)?.isUnique]);
    expect(flags).toEqual([
      [false, true],
      [false, false],
      [false, true],
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
    const first = byId.get(ids[0]!)!;
    expect(first).toMatchObject({
      ambassadorId: amb.id,
      programId: program.id,
      workspaceId: ws,
      device: 'mobile',
      os: 'iOS',
      browser: 'Mobile Safari',
      referrerDomain: 'www.instagram.com',
      country: 'DE',
    });
    expect(first.visitorHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.7');
    expect(byId.get(ids[2]!)).toMatchObject({ device: 'desktop', os: 'Windows', browser: 'Chrome' });
  });

  it('shows totals and a daily chart from the rollup', async () => {
    const list = await owner.get(
      `/api/v1/workspaces/${ws}/programs/${program.id}/links?ambassadorId=${amb.id}`,
    );
    const row = list.body.items.find((l: { id: string }) => l.id === created.id);
    // The rollup also counted the first test's click, which the previous test removed from `click` only.
    expect(row.totals).toEqual({ clicks: 9, unique: 3, bot: 5 });
    const series = await owner.get(`/api/v1/workspaces/${ws}/links/${created.id}/clicks?days=7`);
    expect(series.body.days).toHaveLength(7);
    expect(series.body.days[6]).toMatchObject({ day: new Date().toISOString().slice(0, 10), clicks: 9 });
    expect(series.body.totals).toEqual({ clicks: 9, unique: 3, bot: 5 });
    const programSeries = await owner.get(
      `/api/v1/workspaces/${ws}/programs/${program.id}/clicks/daily?days=30`,
    );
    expect(programSeries.body.days).toHaveLength(30);
    expect(programSeries.body.totals.clicks).toBeGreaterThanOrEqual(9);
    const creatorLinks = await owner.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/links`);
    expect(creatorLinks.body.items.map((l: { id: string }) => l.id)).toContain(created.id);
  });

  it('uses new UTM settings at once (the cache is cleared)', async () => {
    expect((await hit(`/l/${created.slug}`)).status).toBe(302);
    await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, {
      ...settings,
      utmTemplate: { source: 'ig-{handle}', medium: 'creator', campaign: '{program}', content: 'x' },
    });
    const location = new URL((await hit(`/l/${created.slug}`)).location!);
    expect(location.searchParams.get('utm_source')).toBe('ig-jane.doe');
    expect(location.searchParams.get('utm_content')).toBe('x');
    await owner.put(`/api/v1/workspaces/${ws}/programs/${program.id}/tracking`, settings);
  });

  it('answers 410 while disabled, 302 again once enabled, 410 once expired; a clicked link is not deleted', async () => {
    const disabled = await owner.post(`/api/v1/workspaces/${ws}/links/${created.id}/disable`);
    expect(disabled.body.status).toBe('disabled');
    const gone = await hit(`/l/${created.slug}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('no longer active');
    expect((await owner.post(`/api/v1/workspaces/${ws}/links/${created.id}/enable`)).body.status).toBe(
      'active',
    );
    expect((await hit(`/l/${created.slug}`)).status).toBe(302);

    await ctx.services.database.db
      .update(link)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(link.id, created.id));
    redirector.cache.clear();
    expect((await hit(`/l/${created.slug}`)).status).toBe(410);
    const listed = await owner.get(`/api/v1/workspaces/${ws}/links/${created.id}`);
    expect(listed.body.status).toBe('expired');

    await redirector.flushClicks();
    const { clicks } = (await owner.get(`/api/v1/workspaces/${ws}/links/${created.id}`)).body.totals;
    expect(clicks).toBeGreaterThan(0);
    const refused = await owner.delete(`/api/v1/workspaces/${ws}/links/${created.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      `This link has ${clicks} clicks: disable it instead, so its clicks stay as evidence.`,
    );
    const kept = await ctx.services.database.db.select().from(click).where(eq(click.linkId, created.id));
    expect(kept.length).toBeGreaterThan(0);
    expect((await owner.get(`/api/v1/workspaces/${ws}/links/${created.id}`)).body.totals.clicks).toBe(clicks);
    expect((await hit(`/l/${created.slug}`)).status).toBe(410);
    const audit = await owner.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['link.created', 'link.disabled', 'link.enabled']));
    expect(actions).not.toContain('link.deleted');
  });

  it('deletes a link without clicks: 204, audited, and its URL answers 404', async () => {
    const fresh = (
      await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
        ambassadorId: amb.id,
        destination: 'https://shop.example.com/never-clicked',
      })
    ).body;
    expect(fresh.totals.clicks).toBe(0);
    expect((await owner.delete(`/api/v1/workspaces/${ws}/links/${fresh.id}`)).status).toBe(204);
    expect((await hit(`/l/${fresh.slug}`)).status).toBe(404);
    expect((await owner.get(`/api/v1/workspaces/${ws}/links/${fresh.id}`)).status).toBe(404);
    const audit = await owner.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('link.deleted');
  });

  it('refuses to delete a link with a single click, by the rollup, bots included', async () => {
    const one = (
      await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
        ambassadorId: amb.id,
        destination: 'https://shop.example.com/one-click',
      })
    ).body;
    await insertClicks(ctx.services.database.db, [
      {
        id: `clk_one_${one.slug}`,
        linkId: one.id,
        at: new Date(),
        isBot: true,
        isUnique: false,
        device: null,
        os: null,
        browser: null,
        referrerDomain: null,
        visitorHash: 'v',
        country: null,
      },
    ]);
    const refused = await owner.delete(`/api/v1/workspaces/${ws}/links/${one.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This link has 1 click: disable it instead, so its clicks stay as evidence.',
    );
    expect((await owner.post(`/api/v1/workspaces/${ws}/links/${one.id}/disable`)).body.status).toBe(
      'disabled',
    );
  });

  it('answers 404 with a small page for unknown and malformed slugs, and leaves other paths alone', async () => {
    const unknown = await hit('/l/nope123');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('Link not found');
    expect((await hit('/l/bad.slug%2F')).status).toBe(404);
    expect((await hit('/l/')).status).toBe(404);
    expect((await hit('/l/abc', { method: 'POST' })).status).toBe(418);
    expect((await hit('/api/v1/me')).status).toBe(418);
  });
});

describe('QR codes', () => {
  it('come as PNG and SVG of the short URL', async () => {
    const created = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
    });
    const png = await ctx.app.request(`/api/v1/workspaces/${ws}/links/${created.body.id}/qr.png`, {
      headers: { cookie: cookieOf(owner) },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const svg = await owner.get(`/api/v1/workspaces/${ws}/links/${created.body.id}/qr.svg?download=1`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.headers.get('content-disposition')).toContain(`link-${created.body.slug}.svg`);
    expect(String(svg.body)).toMatch(/^<svg/);
  });
});

describe('writing clicks', () => {
  it('counts a retried batch once and drops clicks of a deleted link', async () => {
    const created = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
    });
    const base: ClickRecord = {
      id: 'clk_retry1',
      linkId: created.body.id,
      at: new Date(),
      isBot: false,
      isUnique: true,
      device: null,
      os: null,
      browser: null,
      referrerDomain: null,
      visitorHash: 'v',
      country: null,
    };
    const { db } = ctx.services.database;
    expect(await insertClicks(db, [base, { ...base, id: 'clk_gone', linkId: 'lnk_deleted' }])).toBe(1);
    expect(await insertClicks(db, [base])).toBe(0);
    const one = await owner.get(`/api/v1/workspaces/${ws}/links/${created.body.id}`);
    expect(one.body.totals).toEqual({ clicks: 1, unique: 1, bot: 0 });
  });

  it('stores every value as given: quotes, backslashes, commas, braces, spaces, "NULL" and null', async () => {
    const created = await owner.post(`/api/v1/workspaces/${ws}/programs/${program.id}/links`, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/',
    });
    const at = new Date('2026-03-04T05:06:07.089Z');
    const clicks: ClickRecord[] = [
      ['say "hi"', 'back\\slash', 'a,b {c}', ' padded ', 'NULL'],
      [null, 'Mac OS', 'Mobile Safari', 'shop.example.com', null],
    ].map(([device, os, browser, referrerDomain, country], i) => ({
      id: `clk_values${i}`,
      linkId: created.body.id,
      at,
      isBot: i === 1,
      isUnique: i === 0,
      device: device ?? null,
      os: os ?? null,
      browser: browser ?? null,
      referrerDomain: referrerDomain ?? null,
      visitorHash: `v${i}`,
      country: country ?? null,
    }));
    const { db } = ctx.services.database;
    expect(await insertClicks(db, clicks)).toBe(2);
    const stored = await db
      .select({
        id: click.id,
        workspaceId: click.workspaceId,
        ambassadorId: click.ambassadorId,
        programId: click.programId,
        at: click.at,
        isBot: click.isBot,
        isUnique: click.isUnique,
        device: click.device,
        os: click.os,
        browser: click.browser,
        referrerDomain: click.referrerDomain,
        visitorHash: click.visitorHash,
        country: click.country,
      })
      .from(click)
      .where(eq(click.linkId, created.body.id))
      .orderBy(click.id);
    // Workspace, ambassador and program are the link's.
    const own = { workspaceId: ws, ambassadorId: amb.id, programId: program.id };
    expect(stored).toEqual(clicks.map(({ linkId, ...rest }) => ({ ...rest, ...own })));
  });
});

describe('metrics', () => {
  it('expose clicks recorded, journaled, imported and dropped, and the journal', async () => {
    await redirector.flushClicks();
    const text = await (
      await ctx.app.request('/metrics', { headers: { authorization: `Bearer ${metricsToken}` } })
    ).text();
    const count = (state: string) =>
      Number(new RegExp(`troupe_redirect_clicks\\{state="${state}"\\} (\\d+)`).exec(text)?.[1]);
    expect(count('recorded')).toBeGreaterThan(0);
    expect(count('journaled')).toBe(count('recorded'));
    expect(count('imported')).toBe(count('recorded'));
    expect(count('dropped')).toBe(0);
    expect(text).toContain('troupe_redirect_click_journal_waiting 0');
  });
});

function cookieOf(client: TestClient): string {
  return [...(client as unknown as { cookies: Map<string, string> }).cookies]
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
