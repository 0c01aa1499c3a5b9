// The UGC library (B7): search and filters, the asset detail, rights edited per asset (audited), and the
// export ZIP — refused for assets without a current right for the intended channel.
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { usageRight } from '../../src/server/modules/library/library.schema';
import { addMember, type TestContext } from '../harness';
import { approved, type Brand, createLibraryContext, pngBytes, setUpBrand } from './library-setup';

let ctx: TestContext;
let brand: Brand;
const base = () => `/api/v1/workspaces/${brand.ws}`;
const ids: Record<string, string> = {};
const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const videoBytes = new TextEncoder().encode('not really an mp4, but bytes all the same');

async function publishedAsset(
  who: number,
  name: string,
  options: Parameters<typeof approved>[3] & {
    url: string;
    publishedAt: string;
    views?: number;
    likes?: number;
  },
) {
  const { url, publishedAt, views, likes, ...rest } = options;
  // Approved the day before it went live (a post may not predate its approval).
  const submittedAt = new Date(Date.parse(publishedAt) - 86_400_000);
  const { submissionId } = await approved(ctx, brand, who, { submittedAt, ...rest });
  const res = await brand.client.put(`${base()}/submissions/${submissionId}/publication`, {
    postUrl: url,
    publishedAt,
  });
  expect(res.status).toBe(200);
  if (views !== undefined || likes !== undefined)
    await brand.client.post(`${base()}/submissions/${submissionId}/metrics`, { views, likes });
  ids[name] = res.body.assetId;
  return res.body.assetId as string;
}

/** Sets an asset's rights directly (as if granted long ago), bypassing the editor. */
async function setRight(
  assetId: string,
  channel: 'paid_social' | 'organic_social',
  startsOn: string,
  endsOn: string | null,
) {
  await ctx.services.database.db
    .update(usageRight)
    .set({ startsOn, endsOn })
    .where(and(eq(usageRight.assetId, assetId), eq(usageRight.channel, channel)));
}

beforeAll(async () => {
  ctx = await createLibraryContext();
  brand = await setUpBrand(ctx);
  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
  await publishedAsset(0, 'serum', {
    caption: '#ad The Glow Serum every morning',
    productNames: ['Glow Serum', 'Night Cream'],
    url: 'https://www.instagram.com/p/serum/',
    publishedAt: daysAgo(3),
    views: 5000,
    likes: 400,
    media: [
      { bytes: pngBytes, contentType: 'image/png', originalName: '../../etc/passwd.png' },
      { bytes: videoBytes, contentType: 'video/mp4', originalName: 'clip "final".mp4' },
    ],
  });
  await publishedAsset(1, 'cream', {
    caption: '#ad Night Cream before bed',
    productNames: ['Glow Serum', 'Night Cream'],
    format: 'reel',
    url: 'https://www.instagram.com/reel/cream/',
    publishedAt: daysAgo(10),
    views: 12000,
    likes: 90,
    media: [{ bytes: pngBytes, contentType: 'image/png', originalName: 'cream.png' }],
  });
  await publishedAsset(1, 'old', {
    caption: '#ad Throwback to summer',
    platform: 'tiktok',
    format: 'video',
    url: 'https://www.tiktok.com/@omar/video/1',
    publishedAt: daysAgo(200),
  });
  // Rights: serum expiring within 30 days on paid social; old expired on both channels.
  await setRight(ids.serum!, 'paid_social', daysFromToday(-60), daysFromToday(12));
  await setRight(ids.old!, 'paid_social', daysFromToday(-200), daysFromToday(-110));
  await setRight(ids.old!, 'organic_social', daysFromToday(-200), daysFromToday(-110));
});
afterAll(async () => ctx.close());

const list = (query = '') => brand.client.get(`${base()}/assets${query}`);
const names = (body: { items: Array<{ id: string }> }) =>
  body.items.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0]);

describe('the library', () => {
  it('lists assets newest first with credits, products, latest metrics and rights status', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['serum', 'cream', 'old']);
    expect(res.body.total).toBe(3);
    expect(res.body.products).toEqual(['Glow Serum', 'Night Cream']);
    const serum = res.body.items[0];
    expect(serum).toMatchObject({
      creatorName: 'Jane Doe',
      handle: `@${brand.people[0]!.handle}`,
      products: ['Glow Serum'],
      mediaCount: 2,
      thumbnailMediaId: expect.stringMatching(/^med_/),
      latestMetrics: { views: 5000, likes: 400, engagement: 400 },
    });
    expect(serum.rights.find((r: { channel: string }) => r.channel === 'paid_social')).toMatchObject({
      status: 'expiring_soon',
      daysLeft: 12,
    });
  });

  it.each([
    ['?q=night', ['cream']],
    ['?q=NIGHT%20cream', ['cream']],
    [`?q=@jane`, ['serum']],
    ['?product=Glow%20Serum', ['serum']],
    ['?platform=tiktok', ['old']],
    ['?format=reel', ['cream']],
    ['?minViews=6000', ['cream']],
    ['?minEngagement=100', ['serum']],
    ['?sort=most_viewed', ['cream', 'serum', 'old']],
    ['?rights=expired', ['old']],
    ['?rights=expiring_soon', ['serum']],
    ['?rights=active&channel=paid_social', ['cream']],
    ['?rights=active', ['serum', 'cream']],
    ['?q=%25', []],
  ])('filters %s', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(expected);
  });

  it('filters by ambassador, program and published date range', async () => {
    const byAmbassador = await list(`?ambassadorId=${brand.people[1]!.ambassadorId}`);
    expect(names(byAmbassador.body)).toEqual(['cream', 'old']);
    expect(names((await list(`?programId=${brand.programId}`)).body)).toHaveLength(3);
    const range = await list(`?publishedFrom=${daysFromToday(-30)}&publishedTo=${daysFromToday(-5)}`);
    expect(names(range.body)).toEqual(['cream']);
  });

  it('refuses a date range that ends before it starts, naming the field', async () => {
    const res = await list('?publishedFrom=2026-05-01&publishedTo=2026-04-01');
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('query.publishedTo');
  });

  it('shows an asset with its caption, media, credit line and metrics', async () => {
    const res = await brand.client.get(`${base()}/assets/${ids.serum}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caption: '#ad The Glow Serum every morning',
      creditLine: `📸 @${brand.people[0]!.handle} for Glow Skincare`,
      postUrl: 'https://www.instagram.com/p/serum/',
      media: [
        { originalName: '../../etc/passwd.png', contentType: 'image/png', sizeBytes: pngBytes.length },
        { originalName: 'clip "final".mp4', contentType: 'video/mp4' },
      ],
    });
    expect(res.body.metrics).toHaveLength(1);
  });
});

describe('rights per asset', () => {
  it('are replaced, keeping who granted an unchanged right, and audited', async () => {
    const before = await brand.client.get(`${base()}/assets/${ids.cream}`);
    const organic = before.body.rights.find((r: { channel: string }) => r.channel === 'organic_social');
    const res = await brand.client.put(`${base()}/assets/${ids.cream}/rights`, {
      rights: [
        { channel: 'organic_social', startsOn: organic.startsOn, endsOn: organic.endsOn },
        { channel: 'email', startsOn: today, endsOn: null },
      ],
    });
    expect(res.status).toBe(200);
    expect(
      res.body.rights.map((r: { channel: string; grantedBy: string; status: string }) => [
        r.channel,
        r.grantedBy,
        r.status,
      ]),
    ).toEqual([
      ['email', 'asset', 'active'],
      ['organic_social', 'program', 'active'],
    ]);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, ids.cream!), eq(auditEvent.action, 'asset.rights_changed')));
    expect((audit!.before as Array<{ channel: string }>).map((r) => r.channel)).toEqual([
      'organic_social',
      'paid_social',
    ]);
    expect((audit!.after as Array<{ channel: string }>).map((r) => r.channel)).toEqual([
      'organic_social',
      'email',
    ]);
  });

  it.each([
    [
      { rights: [{ channel: 'email', startsOn: '2026-05-01', endsOn: '2026-04-01' }] },
      'rights.0.endsOn',
      'must not be before startsOn',
    ],
    [{ rights: [{ channel: 'billboard', startsOn: '2026-05-01' }] }, 'rights.0.channel', 'must be one of'],
    [
      {
        rights: [
          { channel: 'email', startsOn: '2026-05-01' },
          { channel: 'email', startsOn: '2026-06-01' },
        ],
      },
      'rights',
      'each channel may appear once',
    ],
    [{ rights: [{ channel: 'email', startsOn: 'soon' }] }, 'rights.0.startsOn', 'must be a date'],
  ])('refuses %j naming %s', async (body, field, message) => {
    const res = await brand.client.put(`${base()}/assets/${ids.serum}/rights`, body);
    expect(res.status).toBe(422);
    const problem = res.body.problems.find((p: { field: string }) => p.field === field);
    expect(problem.message).toContain(message);
  });

  it('may not be edited by a viewer', async () => {
    const viewer = await addMember(ctx, brand.client, brand.ws, 'viewer');
    expect((await viewer.client.get(`${base()}/assets`)).status).toBe(200);
    const res = await viewer.client.put(`${base()}/assets/${ids.serum}/rights`, { rights: [] });
    expect(res.status).toBe(403);
  });
});

describe('export', () => {
  const exportZip = (body: unknown) =>
    brand.client.request('POST', `${base()}/assets/export`, JSON.stringify(body), {
      'content-type': 'application/json',
    });

  it('zips the media files and a manifest with credits and rights', async () => {
    const res = await ctx.app.request(`${base()}/assets/export`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        cookie: await sessionCookie(),
      },
      body: JSON.stringify({ assetIds: [ids.serum], channel: 'paid_social' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="troupe-assets-paid_social-/,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(3);
    expect(
      names.every(
        (n) => n === 'manifest.csv' || new RegExp(`^${ids.serum}/\\d-med_[a-z0-9]+\\.(png|mp4)$`).test(n),
      ),
    ).toBe(true);
    const png = names.find((n) => n.endsWith('.png'))!;
    expect([...files[png]!]).toEqual([...pngBytes]);
    expect(strFromU8(files[names.find((n) => n.endsWith('.mp4'))!]!)).toBe(strFromU8(videoBytes));
    const manifest = strFromU8(files['manifest.csv']!).trim().split('\n');
    expect(manifest[0]).toBe(
      'asset_id,ambassador,handle,platform,format,post_url,published,products,rights,credit_line,files',
    );
    // A cell starting with @ is prefixed with ' so a spreadsheet does not run it as a formula.
    expect(manifest[1]).toContain(
      `${ids.serum},Jane Doe,'@${brand.people[0]!.handle},instagram,feed,https://www.instagram.com/p/serum/`,
    );
    expect(manifest[1]).toContain(`paid_social ${daysFromToday(-60)}–${daysFromToday(12)}`);
    expect(manifest[1]).toContain(`📸 @${brand.people[0]!.handle} for Glow Skincare`);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.workspaceId, brand.ws), eq(auditEvent.action, 'assets.exported')));
    expect(audit!.after).toEqual({ channel: 'paid_social', assetIds: [ids.serum] });
  });

  it('refuses expired and missing rights for paid use, naming each asset and why', async () => {
    const res = await exportZip({ assetIds: [ids.serum, ids.old, ids.cream], channel: 'paid_social' });
    expect(res.status).toBe(422);
    expect(res.body.refused).toEqual([
      { assetId: ids.old, reason: `Paid social right expired on ${daysFromToday(-110)}` },
      { assetId: ids.cream, reason: 'has no paid social right' },
    ]);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toEqual(['assetIds.1', 'assetIds.2']);
    expect(res.body.detail).toContain('Expired assets cannot be exported for paid use');
  });

  it('refuses ids that are not assets of the workspace', async () => {
    const res = await exportZip({ assetIds: ['ast_nope'], channel: 'organic_social' });
    expect(res.status).toBe(422);
    expect(res.body.refused[0]).toEqual({ assetId: 'ast_nope', reason: 'is not an asset of this workspace' });
  });

  it('needs an asset and a known channel', async () => {
    const res = await exportZip({ assetIds: [], channel: 'tv' });
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['assetIds', 'channel']);
  });
});

describe('a corrected publication date', () => {
  it('moves the program-granted rights with it and leaves rights granted for the asset alone', async () => {
    const other = await setUpBrand(ctx, { workspaceName: 'Moved Date Co', people: 1 });
    const ws = `/api/v1/workspaces/${other.ws}`;
    const { submissionId } = await approved(ctx, other, 0, {
      submittedAt: new Date(`${daysFromToday(-40)}T09:00:00Z`),
    });
    const first = await other.client.put(`${ws}/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/p/moved-date/',
      publishedAt: `${daysFromToday(-30)}T10:00:00Z`,
    });
    expect(first.status).toBe(200);
    const assetId: string = first.body.assetId;
    // A right granted for this piece (email, from its own start) beside the program's two.
    const detail = await other.client.get(`${ws}/assets/${assetId}`);
    const kept = detail.body.rights.map(
      (r: { channel: string; startsOn: string; endsOn: string | null }) => ({
        channel: r.channel,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
      }),
    );
    const granted = await other.client.put(`${ws}/assets/${assetId}/rights`, {
      rights: [...kept, { channel: 'email', startsOn: daysFromToday(-20), endsOn: daysFromToday(5) }],
    });
    expect(granted.status).toBe(200);

    // The post actually went live ten days later than first recorded.
    const moved = await other.client.put(`${ws}/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/p/moved-date/',
      publishedAt: `${daysFromToday(-20)}T10:00:00Z`,
    });
    expect(moved.status).toBe(200);
    const after = await other.client.get(`${ws}/assets/${assetId}`);
    expect(after.body.publishedAt).toBe(`${daysFromToday(-20)}T10:00:00.000Z`);
    expect(
      after.body.rights.map((r: { channel: string; startsOn: string; endsOn: string; grantedBy: string }) => [
        r.channel,
        r.startsOn,
        r.endsOn,
        r.grantedBy,
      ]),
    ).toEqual([
      ['email', daysFromToday(-20), daysFromToday(5), 'asset'],
      ['organic_social', daysFromToday(-20), daysFromToday(70), 'program'],
      ['paid_social', daysFromToday(-20), daysFromToday(70), 'program'],
    ]);
  });
});

/** The brand owner's session cookie, for a raw request whose binary body the test client would not keep. */
async function sessionCookie(): Promise<string> {
  const jar = (brand.client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
