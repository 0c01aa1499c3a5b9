import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { codeAlert, discountCode } from '../../src/server/modules/codes/codes.schema';
import { storeConnection, storeOrder } from '../../src/server/modules/conversions/conversions.schema';
import { click, clickDaily, link } from '../../src/server/modules/links/links.schema';
import { trackingSettings } from '../../src/server/modules/tracking/tracking.schema';
import { defaultTrackingSettings } from '../../src/server/modules/tracking/tracking.service';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
let programId: string;
const amb: Record<string, string> = {};

const toActive = ['invited', 'applied', 'accepted', 'onboarding', 'active'];

async function ambassadorWith(
  program: string,
  name: string,
  accounts: Array<{ platform: string; handle: string; followers: number }>,
  path = toActive,
) {
  const person = await createCreator(client, ws, { name, socialAccounts: accounts });
  const a = await addToProgram(client, ws, program, person.id);
  await walk(client, ws, a.id, path);
  return a.id;
}

async function setPattern(program: string, pattern: string, percent = '15') {
  await ctx.services.database.db
    .insert(trackingSettings)
    .values({ ...defaultTrackingSettings(ws, program), codePattern: pattern, codePercent: percent })
    .onConflictDoUpdate({
      target: trackingSettings.programId,
      set: { codePattern: pattern, codePercent: percent },
    });
}

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Skincare' }));
  programId = (await createProgram(client, ws, { name: 'Glow Ambassadors' })).id;
  amb.jane = await ambassadorWith(programId, 'Jane Doe', [
    { platform: 'instagram', handle: 'jane', followers: 9000 },
    { platform: 'tiktok', handle: 'jane.makes.things', followers: 1200 },
  ]);
  amb.jane2 = await ambassadorWith(programId, 'Janet Ng', [
    { platform: 'tiktok', handle: 'Jane', followers: 4000 },
  ]);
  amb.zoe = await ambassadorWith(programId, 'Zoë Martin', [
    { platform: 'instagram', handle: 'zoë.m', followers: 3000 },
  ]);
  amb.onboarding = await ambassadorWith(
    programId,
    'Omar Haddad',
    [{ platform: 'youtube', handle: 'omar_h', followers: 2000 }],
    ['invited', 'applied', 'accepted', 'onboarding'],
  );
  amb.invited = await ambassadorWith(
    programId,
    'Ivy Invited',
    [{ platform: 'instagram', handle: 'ivy', followers: 2000 }],
    ['invited'],
  );
  amb.emoji = await ambassadorWith(programId, 'Flo Bloom', [
    { platform: 'other', handle: '名前', followers: 2000 },
  ]);
});
afterAll(async () => ctx.close());

const codesUrl = () => `/api/v1/workspaces/${ws}/programs/${programId}/codes`;

describe('issuing codes', () => {
  it('says when a program has nobody to issue codes to (not that everyone has one)', async () => {
    const empty = (await createProgram(client, ws, { name: 'Empty Program' })).id;
    const res = await client.post(`/api/v1/workspaces/${ws}/programs/${empty}/codes`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ issued: [], skipped: [], eligible: 0 });
  });

  it('issues JANE15 and collision-safe alternatives to every onboarding or active ambassador', async () => {
    const res = await client.post(codesUrl());
    expect(res.status).toBe(201);
    const byAmb = Object.fromEntries(
      res.body.issued.map((c: { ambassadorId: string; code: string }) => [c.ambassadorId, c.code]),
    );
    expect(byAmb).toEqual({
      [amb.jane!]: 'JANE15',
      [amb.jane2!]: 'JANE15A',
      [amb.zoe!]: 'ZOEM15',
      [amb.onboarding!]: 'OMARH15',
    });
    expect(res.body.skipped).toEqual([
      {
        ambassadorId: amb.emoji,
        name: 'Flo Bloom',
        reason: expect.stringContaining('no handle with letters A–Z or digits'),
      },
    ]);
    expect(res.body.eligible).toBe(5);
    expect(res.body.issued[0]).toMatchObject({
      status: 'active',
      description: '15% off',
      redemptions: 0,
      shopify: null,
    });
    const audits = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.workspaceId, ws), eq(auditEvent.action, 'discount_code.issued')));
    expect(audits).toHaveLength(4);
  });

  it('issues nothing twice', async () => {
    const res = await client.post(codesUrl());
    expect(res.body.issued).toEqual([]);
  });

  it('refuses a second active code for one ambassador, and codes for people not yet accepted', async () => {
    const again = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.jane}/codes`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already has JANE15; rotate it');
    const invited = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.invited}/codes`, {});
    expect(invited.status).toBe(409);
    expect(invited.body.detail).toContain('is invited');
  });

  it('takes a code typed by hand, normalised, and refuses one already taken (case-insensitively)', async () => {
    const taken = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.emoji}/codes`, {
      code: 'jane-15',
    });
    expect(taken.status).toBe(422);
    expect(taken.body.problems).toEqual([
      { field: 'code', message: 'JANE15 is already taken in this workspace' },
    ]);
    const res = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.emoji}/codes`, {
      code: 'Flo-Blüm 20',
    });
    expect(res.status).toBe(201);
    expect(res.body.code).toBe('FLOBLUM20');
  });

  it('names an unknown token in the program’s pattern', async () => {
    const other = (await createProgram(client, ws, { name: 'Pattern test' })).id;
    const a = await ambassadorWith(other, 'Pat Tern', [
      { platform: 'instagram', handle: 'pattern_person', followers: 1500 },
    ]);
    await setPattern(other, '{HANDEL}{PERCENT}');
    const res = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${a}/codes`, {});
    expect(res.status).toBe(422);
    expect(res.body.problems[0].message).toContain('Unknown token {HANDEL} in the code pattern');
  });

  it('gives concurrent requests for the same base code distinct codes', async () => {
    const other = (await createProgram(client, ws, { name: 'Sams' })).id;
    await setPattern(other, '{NAME}{PERCENT}', '20');
    const sams: string[] = [];
    for (let i = 0; i < 5; i++) {
      sams.push(
        await ambassadorWith(other, `Sam ${i}`, [
          { platform: 'instagram', handle: `sam_${i}_x`, followers: 1500 },
        ]),
      );
    }
    const results = await Promise.all(
      sams.map((id) => client.post(`/api/v1/workspaces/${ws}/ambassadors/${id}/codes`, {})),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.map((r) => r.body.code).sort()).toEqual(['SAM20', 'SAM20A', 'SAM20B', 'SAM20C', 'SAM20D']);
  });

  it('lets a viewer read codes but not issue them', async () => {
    const { client: viewer } = await addMember(ctx, client, ws, 'viewer');
    expect((await viewer.get(codesUrl())).status).toBe(200);
    const res = await viewer.post(codesUrl());
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('manager');
  });
});

describe('redemptions, export, rotation', () => {
  let connectionId: string;
  beforeAll(async () => {
    connectionId = 'stc_codes_test';
    await ctx.services.database.db.insert(storeConnection).values({
      id: connectionId,
      workspaceId: ws,
      programId,
      kind: 'csv',
      name: 'CSV imports',
    });
  });

  const order = (n: number, codes: string[], extra: Partial<typeof storeOrder.$inferInsert> = {}) => ({
    id: `ord_test_${n}_${Math.random().toString(36).slice(2, 8)}`,
    workspaceId: ws,
    programId,
    connectionId,
    externalId: `ext-${n}-${Math.random().toString(36).slice(2, 8)}`,
    occurredAt: new Date(Date.now() - 2 * 86_400_000),
    amountMinor: 4200,
    currency: 'EUR',
    codes,
    ...extra,
  });

  it('counts redemptions case-insensitively, leaving cancelled orders out', async () => {
    await ctx.services.database.db
      .insert(storeOrder)
      .values([
        order(1, [' jane15 ']),
        order(2, ['JANE15', 'WELCOME10']),
        order(3, ['JANE15'], { cancelledAt: new Date() }),
        order(4, ['ZOEM15']),
      ]);
    const res = await client.get(codesUrl());
    const counts = Object.fromEntries(
      res.body.items.map((c: { code: string; redemptions: number }) => [c.code, c.redemptions]),
    );
    expect(counts).toMatchObject({ JANE15: 2, ZOEM15: 1, JANE15A: 0 });
    expect(res.body).toMatchObject({
      pattern: '{HANDLE}{PERCENT}',
      percent: '15',
      hasShopify: false,
      openAlerts: 0,
    });
  });

  it('exports the codes as CSV', async () => {
    const res = await client.get(`${codesUrl()}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0]).toBe('code,ambassador,handle,email,description,status,created');
    expect(lines.find((l) => l.startsWith('JANE15,'))).toMatch(
      /^JANE15,Jane Doe,jane,creator[^,]+@example\.com,15% off,active,\d{4}-\d{2}-\d{2}$/,
    );
  });

  it('rotates a code in one step: the old one retired with the reason, a new one issued', async () => {
    const list = await client.get(codesUrl());
    const zoe = list.body.items.find((c: { code: string }) => c.code === 'ZOEM15');
    const res = await client.post(`${codesUrl()}/${zoe.id}/rotate`, { reason: 'Posted on a deals forum' });
    expect(res.status).toBe(200);
    expect(res.body.retired).toMatchObject({
      code: 'ZOEM15',
      status: 'retired',
      retiredReason: 'Posted on a deals forum',
      redemptions: 1,
    });
    // The pattern's code with a random four-character ending that starts with a letter, never the
    // guessable ZOEM15A.
    expect(res.body.issued).toMatchObject({ status: 'active', ambassadorId: amb.zoe });
    expect(res.body.issued.code).toMatch(/^ZOEM15[A-HJ-NP-Z][A-HJ-NP-Z2-9]{3}$/);
    expect(res.body.shopifyNote).toBeNull();
    const mine = await client.get(`/api/v1/workspaces/${ws}/ambassadors/${amb.zoe}/codes`);
    expect(mine.body.items.map((c: { code: string; status: string }) => `${c.code}:${c.status}`)).toEqual([
      `${res.body.issued.code}:active`,
      'ZOEM15:retired',
    ]);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.workspaceId, ws), eq(auditEvent.action, 'discount_code.rotated')));
    expect(audit).toMatchObject({ reason: 'Posted on a deals forum', before: { code: 'ZOEM15' } });
  });

  it('retires a code once', async () => {
    const list = await client.get(codesUrl());
    const omar = list.body.items.find((c: { code: string }) => c.code === 'OMARH15');
    const res = await client.post(`${codesUrl()}/${omar.id}/retire`, { reason: 'Left the program' });
    expect(res.status).toBe(200);
    expect(res.body.retired).toMatchObject({ status: 'retired', retiredReason: 'Left the program' });
    const again = await client.post(`${codesUrl()}/${omar.id}/retire`, { reason: '' });
    expect(again.status).toBe(409);
    // A retired code can never be issued again, even by hand.
    const reuse = await client.post(`/api/v1/workspaces/${ws}/ambassadors/${amb.onboarding}/codes`, {
      code: 'omarh15',
    });
    expect(reuse.status).toBe(422);
  });
});

describe('leaked-code alerts', () => {
  const connectionId = 'stc_codes_test';
  let janeCodeId: string;
  let linkId: string;

  beforeAll(async () => {
    const { db } = ctx.services.database;
    const [code] = await db
      .select()
      .from(discountCode)
      .where(and(eq(discountCode.workspaceId, ws), eq(discountCode.code, 'JANE15')));
    janeCodeId = code!.id;
    linkId = 'lnk_codes_test';
    await db.insert(link).values({
      id: linkId,
      workspaceId: ws,
      programId,
      ambassadorId: amb.jane!,
      slug: 'jane-codes-test',
      destination: 'https://glow.example/',
    });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await db.insert(clickDaily).values({
      workspaceId: ws,
      linkId,
      ambassadorId: amb.jane!,
      programId,
      day,
      clicks: 5,
      uniqueClicks: 3,
      botClicks: 1,
    });
    await db.insert(click).values({
      id: 'clk_jane_1',
      workspaceId: ws,
      linkId,
      ambassadorId: amb.jane!,
      programId,
      at: new Date(Date.now() - 3 * 86_400_000),
      isBot: false,
      isUnique: true,
      visitorHash: 'h1',
    });
    // 12 more JANE15 orders: one came through Jane's link, four from coupon sites, the rest from nowhere.
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: `ord_leak_${i}`,
      workspaceId: ws,
      programId,
      connectionId,
      externalId: `leak-${i}`,
      occurredAt: new Date(Date.now() - (i + 1) * 3_600_000),
      amountMinor: 3900,
      currency: 'EUR',
      codes: ['JANE15'],
      clickId: i === 0 ? 'clk_jane_1' : null,
      referrerDomain: i >= 8 ? (i % 2 ? 'www.retailmenot.com' : 'couponfollow.com') : null,
    }));
    // An old order outside the 30-day window does not count.
    rows.push({
      ...rows[1]!,
      id: 'ord_leak_old',
      externalId: 'leak-old',
      occurredAt: new Date(Date.now() - 40 * 86_400_000),
    });
    await db.insert(storeOrder).values(rows);
  });

  const alertsUrl = () => `/api/v1/workspaces/${ws}/programs/${programId}/code-alerts`;

  it('raises one alert with every reason and the figures', async () => {
    const scan = await client.post(`${alertsUrl()}/scan`);
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ raised: 1, open: 1 });
    const res = await client.get(alertsUrl());
    expect(res.body.items).toHaveLength(1);
    const [alert] = res.body.items;
    expect(alert).toMatchObject({
      code: 'JANE15',
      ambassadorName: 'Jane Doe',
      figures: {
        redemptions: 14,
        redemptionsWithClick: 1,
        couponSiteRedemptions: 4,
        ambassadorClicks: 3,
        windowDays: 30,
      },
      resolution: null,
    });
    expect(alert.reasons).toEqual([
      'Most redemptions came without a click from the ambassador: 1 of 14 (7 %) had one.',
      'Redeemed from coupon sites: 4 of 14 redemptions were referred by one.',
      "Redemptions far above the ambassador's clicks: 14 redemptions against 3 unique clicks (more than 3×).",
    ]);
    expect((await client.get(codesUrl())).body.openAlerts).toBe(1);
  });

  it('keeps one open alert per code, refreshing its figures', async () => {
    await ctx.services.database.db.insert(storeOrder).values({
      id: 'ord_leak_more',
      workspaceId: ws,
      programId,
      connectionId,
      externalId: 'leak-more',
      occurredAt: new Date(),
      amountMinor: 3900,
      currency: 'EUR',
      codes: ['jane15'],
    });
    const [a, b] = await Promise.all([
      client.post(`${alertsUrl()}/scan`),
      client.post(`${alertsUrl()}/scan`),
    ]);
    expect(a!.body.raised + b!.body.raised).toBe(0);
    const rows = await ctx.services.database.db
      .select()
      .from(codeAlert)
      .where(eq(codeAlert.codeId, janeCodeId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.figures.redemptions).toBe(15);
  });

  it('does not raise a dismissed alert again until the figures get worse', async () => {
    const [alert] = (await client.get(alertsUrl())).body.items;
    const dismissed = await client.post(`${alertsUrl()}/${alert.id}/dismiss`, {
      reason: 'Jane shared it in her newsletter',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.resolution).toBe('dismissed');
    expect((await client.post(`${alertsUrl()}/scan`)).body.raised).toBe(0);
    expect((await client.get(alertsUrl())).body.items).toEqual([]);
    const more = Array.from({ length: 7 }, (_, i) => ({
      id: `ord_leak_worse_${i}`,
      workspaceId: ws,
      programId,
      connectionId,
      externalId: `leak-worse-${i}`,
      occurredAt: new Date(),
      amountMinor: 3900,
      currency: 'EUR',
      codes: ['JANE15'],
    }));
    await ctx.services.database.db.insert(storeOrder).values(more);
    expect((await client.post(`${alertsUrl()}/scan`)).body.raised).toBe(1);
  });

  it('rotates the code from the alert in one click and resolves it', async () => {
    const [alert] = (await client.get(alertsUrl())).body.items;
    const res = await client.post(`${alertsUrl()}/${alert.id}/rotate`, { reason: 'Seen on a coupon site.' });
    expect(res.status).toBe(200);
    expect(res.body.alert).toMatchObject({ resolution: 'rotated', codeStatus: 'retired' });
    expect(res.body.rotation.retired.code).toBe('JANE15');
    expect(res.body.rotation.retired.retiredReason).toMatch(
      /^Seen on a coupon site\. Leaked: Most redemptions came without a click/,
    );
    expect(res.body.rotation.issued).toMatchObject({ ambassadorId: amb.jane, status: 'active' });
    expect(res.body.rotation.issued.code).toMatch(/^JANE15[A-HJ-NP-Z][A-HJ-NP-Z2-9]{3}$/);
    expect((await client.post(`${alertsUrl()}/${alert.id}/rotate`)).status).toBe(409);
    expect((await client.get(alertsUrl())).body.items).toEqual([]);
    const actions = (
      await ctx.services.database.db
        .select({ action: auditEvent.action })
        .from(auditEvent)
        .where(eq(auditEvent.workspaceId, ws))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['code_alert.raised', 'code_alert.dismissed', 'code_alert.rotated']),
    );
  });

  it('scans every program with recent orders from the sweep', async () => {
    const { leakScanSweep } = await import('../../src/server/modules/codes/codes.jobs');
    const { sweeps } = await import('../../src/server/jobs/sweeps');
    expect(sweeps).toContain(leakScanSweep);
    await leakScanSweep.run(ctx.services);
    // The new JANE15xxxx has no redemptions yet: nothing new is open.
    expect((await client.get(alertsUrl())).body.items).toEqual([]);
  });
});
