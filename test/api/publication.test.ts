// Publication (B5): recording the post URL of an approved submission makes a library asset with the
// program's default rights; metrics snapshots by hand and by CSV.
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { asset, postMetrics, usageRight } from '../../src/server/modules/library/library.schema';
import { createAssetForSubmission } from '../../src/server/modules/library/publication.service';
import { addMember, type TestContext } from '../harness';
import { signInAmbassador } from '../portal-helpers';
import { approved, type Brand, createLibraryContext, setUpBrand } from './library-setup';

let ctx: TestContext;
let brand: Brand;
const base = () => `/api/v1/workspaces/${brand.ws}`;

beforeAll(async () => {
  ctx = await createLibraryContext();
  brand = await setUpBrand(ctx);
});
afterAll(async () => ctx.close());

const publish = (submissionId: string, body: unknown) =>
  brand.client.put(`${base()}/submissions/${submissionId}/publication`, body);

describe('recording the post URL', () => {
  it('publishes an approved submission and makes its asset with the program’s default rights', async () => {
    const { submissionId } = await approved(ctx, brand, 0, {
      productNames: ['Glow Serum', 'Night Cream'],
      caption: '#ad My mornings with the GLÓW serum — and nothing else.',
      submittedAt: new Date('2026-11-01T12:00:00Z'),
    });
    const res = await publish(submissionId, {
      postUrl: 'https://www.instagram.com/p/Cx1abc/#comments',
      publishedAt: '2026-11-02T09:30:00Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'published',
      postUrl: 'https://www.instagram.com/p/Cx1abc/',
      publishedAt: '2026-11-02T09:30:00.000Z',
    });
    const [a] = await ctx.services.database.db.select().from(asset).where(eq(asset.id, res.body.assetId));
    expect(a).toMatchObject({ products: ['Glow Serum'], platform: 'instagram', format: 'feed' });
    const rights = await ctx.services.database.db
      .select({
        channel: usageRight.channel,
        startsOn: usageRight.startsOn,
        endsOn: usageRight.endsOn,
        grantedBy: usageRight.grantedBy,
      })
      .from(usageRight)
      .where(eq(usageRight.assetId, a!.id))
      .orderBy(usageRight.channel);
    expect(rights).toEqual([
      { channel: 'organic_social', startsOn: '2026-11-02', endsOn: '2027-01-31', grantedBy: 'program' },
      { channel: 'paid_social', startsOn: '2026-11-02', endsOn: '2027-01-31', grantedBy: 'program' },
    ]);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, submissionId), eq(auditEvent.action, 'submission.published')));
    expect(audit).toMatchObject({ actorType: 'user', creatorId: brand.people[0]!.creatorId });
  });

  it('makes one asset per submission, however often it is asked', async () => {
    const { submissionId } = await approved(ctx, brand, 0);
    const first = await publish(submissionId, { postUrl: 'https://instagram.com/p/once' });
    const again = await ctx.services.database.db.transaction((tx) =>
      createAssetForSubmission(tx, brand.ws, submissionId),
    );
    expect(again).toEqual({ assetId: first.body.assetId, created: false });
    // Correcting the URL keeps the asset.
    const fixed = await publish(submissionId, { postUrl: 'https://instagram.com/p/once-fixed' });
    expect(fixed.body).toMatchObject({
      assetId: first.body.assetId,
      postUrl: 'https://instagram.com/p/once-fixed',
    });
    const [n] = await ctx.services.database.db
      .select({ n: count() })
      .from(asset)
      .where(eq(asset.submissionId, submissionId));
    expect(n!.n).toBe(1);
  });

  it('with no duration in the program, the rights have no end', async () => {
    const other = await setUpBrand(ctx, {
      workspaceName: 'No End Co',
      people: 1,
      programOverrides: { defaultUsageRights: { channels: ['website'], durationDays: null } },
    });
    const { submissionId } = await approved(ctx, other, 0, { platform: 'tiktok', format: 'video' });
    const res = await other.client.put(
      `/api/v1/workspaces/${other.ws}/submissions/${submissionId}/publication`,
      {
        postUrl: 'https://www.tiktok.com/@jane/video/123',
      },
    );
    expect(res.status).toBe(200);
    const rights = await ctx.services.database.db
      .select()
      .from(usageRight)
      .where(eq(usageRight.assetId, res.body.assetId));
    expect(rights.map((r) => [r.channel, r.endsOn])).toEqual([['website', null]]);
  });

  it.each([
    ['not a URL', 'instagram.com/p/x', 'must be a full link'],
    ['another scheme', 'javascript:alert(1)', 'https://'],
    ['another platform', 'https://www.tiktok.com/@jane/video/1', 'must be a link on instagram'],
    ['a look-alike host', 'https://instagram.com.evil.example/p/1', 'must be a link on instagram'],
  ])('refuses %s, naming postUrl, and writes nothing', async (_name, postUrl, message) => {
    const { submissionId } = await approved(ctx, brand, 1);
    const res = await publish(submissionId, { postUrl });
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ field: 'postUrl' });
    expect(res.body.problems[0].message).toContain(message);
    const state = await brand.client.get(`${base()}/submissions/${submissionId}/publication`);
    expect(state.body).toMatchObject({ status: 'approved', postUrl: null, assetId: null });
  });

  it('refuses a URL already recorded for another submission with a clear 409', async () => {
    const a = await approved(ctx, brand, 0);
    const b = await approved(ctx, brand, 1);
    expect((await publish(a.submissionId, { postUrl: 'https://instagram.com/p/dup' })).status).toBe(200);
    const res = await publish(b.submissionId, { postUrl: 'https://instagram.com/p/dup#x' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(a.submissionId);
    expect(res.body.problems).toEqual([
      { field: 'postUrl', message: 'is already recorded for another submission' },
    ]);
  });

  it('only publishes approved submissions', async () => {
    const { submissionId } = await approved(ctx, brand, 0);
    const { submission } = await import('../../src/server/modules/content/content.schema');
    await ctx.services.database.db
      .update(submission)
      .set({ status: 'in_review' })
      .where(eq(submission.id, submissionId));
    const res = await publish(submissionId, { postUrl: 'https://instagram.com/p/early' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('in review');
  });

  it('refuses a publish date in the future', async () => {
    const { submissionId } = await approved(ctx, brand, 0);
    const res = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/future',
      publishedAt: '2999-01-01T00:00:00Z',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('publishedAt');
  });

  it('refuses a publish date before the approval, naming publishedAt, and writes nothing', async () => {
    const { submissionId } = await approved(ctx, brand, 0, { submittedAt: new Date('2026-11-10T12:00:00Z') });
    const res = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/too-early',
      publishedAt: '2026-11-10T11:59:00Z',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      { field: 'publishedAt', message: 'must not be before the approval (2026-11-10T12:00:00.000Z)' },
    ]);
    const state = await brand.client.get(`${base()}/submissions/${submissionId}/publication`);
    expect(state.body).toMatchObject({ status: 'approved', postUrl: null, publishedAt: null });
    // The approval moment itself is fine.
    const onTime = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/too-early',
      publishedAt: '2026-11-10T12:00:00Z',
    });
    expect(onTime.status).toBe(200);
  });

  it('lets a manager move the date of a published piece, never before the approval nor into the future', async () => {
    const { submissionId } = await approved(ctx, brand, 0, { submittedAt: new Date('2026-10-01T09:00:00Z') });
    const first = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/moved',
      publishedAt: '2026-10-31T20:00:00Z',
    });
    expect(first.status).toBe(200);
    const tooEarly = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/moved',
      publishedAt: '2026-09-15T10:00:00Z',
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.problems[0].field).toBe('publishedAt');
    const future = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/moved',
      publishedAt: '2999-01-01T00:00:00Z',
    });
    expect(future.status).toBe(422);
    const moved = await publish(submissionId, {
      postUrl: 'https://instagram.com/p/moved',
      publishedAt: '2026-11-01T08:00:00Z',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.publishedAt).toBe('2026-11-01T08:00:00.000Z');
    const [a] = await ctx.services.database.db.select().from(asset).where(eq(asset.id, moved.body.assetId));
    expect(a!.publishedAt.toISOString()).toBe('2026-11-01T08:00:00.000Z');
    const rights = await ctx.services.database.db
      .select({ channel: usageRight.channel, startsOn: usageRight.startsOn, endsOn: usageRight.endsOn })
      .from(usageRight)
      .where(eq(usageRight.assetId, a!.id))
      .orderBy(usageRight.channel);
    expect(rights).toEqual([
      { channel: 'organic_social', startsOn: '2026-11-01', endsOn: '2027-01-30' },
      { channel: 'paid_social', startsOn: '2026-11-01', endsOn: '2027-01-30' },
    ]);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, submissionId), eq(auditEvent.action, 'submission.post_url_changed')),
      );
    expect(audit!.before).toMatchObject({
      publishedAt: '2026-10-31T20:00:00.000Z',
      programRights: [
        { channel: 'organic_social', startsOn: '2026-10-31', endsOn: '2027-01-29' },
        { channel: 'paid_social', startsOn: '2026-10-31', endsOn: '2027-01-29' },
      ],
    });
    expect(audit!.after).toMatchObject({ publishedAt: '2026-11-01T08:00:00.000Z' });
  });

  it('needs content.write: a viewer may read but not publish', async () => {
    const viewer = await addMember(ctx, brand.client, brand.ws, 'viewer');
    const { submissionId } = await approved(ctx, brand, 0);
    expect((await viewer.client.get(`${base()}/submissions/${submissionId}/publication`)).status).toBe(200);
    const res = await viewer.client.put(`${base()}/submissions/${submissionId}/publication`, {
      postUrl: 'https://instagram.com/p/viewer',
    });
    expect(res.status).toBe(403);
  });
});

describe('the ambassador in the portal', () => {
  it('publishes their own approved submission, audited as the ambassador', async () => {
    const { client: amb } = await signInAmbassador(ctx, brand.people[0]!.email);
    const { submissionId } = await approved(ctx, brand, 0);
    const res = await amb.put(`/api/v1/portal/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/reel/mine',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', assetId: expect.stringMatching(/^ast_/) });
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, submissionId), eq(auditEvent.action, 'submission.published')));
    expect(audit).toMatchObject({ actorType: 'ambassador', actorName: 'Jane Doe (ambassador)' });
  });

  it('records the post once: a published piece is corrected by the team, not re-published', async () => {
    const { client: amb } = await signInAmbassador(ctx, brand.people[0]!.email);
    const { submissionId } = await approved(ctx, brand, 0, { submittedAt: new Date('2026-11-03T10:00:00Z') });
    const first = await amb.put(`/api/v1/portal/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/p/jane-once/',
      publishedAt: '2026-11-04T10:00:00Z',
    });
    expect(first.status).toBe(200);
    // Moving it into October (another month's cadence) is refused, and so is a new link.
    for (const body of [
      { postUrl: 'https://www.instagram.com/p/jane-once/', publishedAt: '2026-10-04T10:00:00Z' },
      { postUrl: 'https://www.instagram.com/p/jane-twice/' },
    ]) {
      const again = await amb.put(`/api/v1/portal/submissions/${submissionId}/publication`, body);
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('Ask the brand team');
    }
    const state = await brand.client.get(`${base()}/submissions/${submissionId}/publication`);
    expect(state.body).toMatchObject({
      postUrl: 'https://www.instagram.com/p/jane-once/',
      publishedAt: '2026-11-04T10:00:00.000Z',
    });
    const [a] = await ctx.services.database.db.select().from(asset).where(eq(asset.id, state.body.assetId));
    expect(a!.publishedAt.toISOString()).toBe('2026-11-04T10:00:00.000Z');
  });

  it('may not date their post before the approval', async () => {
    const { client: amb } = await signInAmbassador(ctx, brand.people[0]!.email);
    const { submissionId } = await approved(ctx, brand, 0, { submittedAt: new Date('2026-11-05T10:00:00Z') });
    const res = await amb.put(`/api/v1/portal/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/p/jane-early/',
      publishedAt: '2026-10-20T10:00:00Z',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('publishedAt');
    const state = await amb.get(`/api/v1/portal/submissions/${submissionId}/publication`);
    expect(state.body.status).toBe('approved');
  });

  it('cannot see or publish someone else’s submission', async () => {
    const { client: amb } = await signInAmbassador(ctx, brand.people[0]!.email);
    const { submissionId } = await approved(ctx, brand, 1);
    expect((await amb.get(`/api/v1/portal/submissions/${submissionId}/publication`)).status).toBe(404);
    const res = await amb.put(`/api/v1/portal/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/reel/not-mine',
    });
    expect(res.status).toBe(404);
    const state = await brand.client.get(`${base()}/submissions/${submissionId}/publication`);
    expect(state.body.status).toBe('approved');
  });

  it('lists only their own approved and published posts', async () => {
    const { client: amb } = await signInAmbassador(ctx, brand.people[1]!.email);
    const mine = await approved(ctx, brand, 1, { caption: 'Mine, waiting for a link' });
    const theirs = await approved(ctx, brand, 0);
    const res = await amb.get('/api/v1/portal/publications');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: { submissionId: string }) => p.submissionId);
    expect(ids).toContain(mine.submissionId);
    expect(ids).not.toContain(theirs.submissionId);
    expect(
      res.body.items.every((p: { creatorId: string }) => p.creatorId === brand.people[1]!.creatorId),
    ).toBe(true);
  });

  it('needs a portal session', async () => {
    const { submissionId } = await approved(ctx, brand, 0);
    const res = await brand.client.put(`/api/v1/portal/submissions/${submissionId}/publication`, {
      postUrl: 'https://www.instagram.com/reel/staff',
    });
    expect(res.status).toBe(401);
  });
});

describe('metrics snapshots', () => {
  let submissionId: string;
  let postUrl: string;
  beforeAll(async () => {
    ({ submissionId } = await approved(ctx, brand, 1, { submittedAt: new Date('2026-10-30T08:00:00Z') }));
    postUrl = 'https://www.instagram.com/p/metrics1/';
    await publish(submissionId, { postUrl, publishedAt: '2026-11-01T08:00:00Z' });
  });

  it('are entered by hand and listed oldest first', async () => {
    const a = await brand.client.post(`${base()}/submissions/${submissionId}/metrics`, {
      capturedAt: '2026-11-03T08:00:00Z',
      likes: 120,
      comments: 14,
      views: 3400,
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ likes: 120, comments: 14, shares: null, views: 3400, source: 'manual' });
    await brand.client.post(`${base()}/submissions/${submissionId}/metrics`, {
      capturedAt: '2026-11-02T08:00:00Z',
      likes: 60,
    });
    const list = await brand.client.get(`${base()}/submissions/${submissionId}/metrics`);
    expect(list.body.items.map((m: { likes: number }) => m.likes)).toEqual([60, 120]);
  });

  it.each([
    [{}, 'likes', 'give at least one'],
    [{ likes: -1 }, 'likes', 'must not be negative'],
    [{ views: 1.5 }, 'views', 'whole number'],
    [{ reach: 'many' }, 'reach', 'whole number'],
  ])('refuses %j naming the field', async (body, field, message) => {
    const res = await brand.client.post(`${base()}/submissions/${submissionId}/metrics`, body);
    expect(res.status).toBe(422);
    expect(res.body.problems.find((p: { field: string }) => p.field === field).message).toContain(message);
  });

  it('belong to published posts only', async () => {
    const { submissionId: notYet } = await approved(ctx, brand, 1);
    const res = await brand.client.post(`${base()}/submissions/${notYet}/metrics`, { likes: 1 });
    expect(res.status).toBe(409);
  });

  const importCsv = (csv: string, query = '') =>
    brand.client.request('POST', `${base()}/metrics/import${query}`, csv);
  const csvCount = async () => {
    const [n] = await ctx.services.database.db
      .select({ n: count() })
      .from(postMetrics)
      .where(and(eq(postMetrics.submissionId, submissionId), eq(postMetrics.source, 'csv')));
    return n!.n;
  };

  it('are imported by CSV matched by post URL or submission id; a dry run writes nothing', async () => {
    const csv = [
      'post_url,submission_id,captured_at,likes,comments,shares,saves,views,reach',
      `${postUrl},,2026-11-05,200,20,5,9,5000,4100`,
      `,${submissionId},2026-11-06T10:00:00Z,230,,,,,`,
    ].join('\n');
    const dry = await importCsv(csv, '?dryRun=true');
    expect(dry.body).toMatchObject({
      totalRows: 2,
      imported: 2,
      updated: 0,
      written: false,
      dryRun: true,
      errors: [],
    });
    expect(await csvCount()).toBe(0);
    const res = await importCsv(csv);
    expect(res.body).toMatchObject({ imported: 2, written: true });
    expect(await csvCount()).toBe(2);
  });

  it('keep one snapshot per post and moment: the same moment entered again is corrected, not doubled', async () => {
    const path = `${base()}/submissions/${submissionId}/metrics`;
    const first = await brand.client.post(path, {
      capturedAt: '2026-11-04T08:00:00Z',
      likes: 90,
      views: 2000,
    });
    expect(first.status).toBe(201);
    const again = await brand.client.post(path, { capturedAt: '2026-11-04T08:00:00.000+00:00', likes: 95 });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, likes: 95, views: null, source: 'manual' });
    const list = await brand.client.get(path);
    const at = list.body.items.filter(
      (m: { capturedAt: string }) => m.capturedAt === '2026-11-04T08:00:00.000Z',
    );
    expect(at).toHaveLength(1);
    const audits = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, submissionId), eq(auditEvent.action, 'submission.metrics_recorded')),
      );
    const last = audits.find((e) => (e.after as { likes: number }).likes === 95);
    expect(last!.before).toMatchObject({ likes: 90, views: 2000 });
  });

  it('importing the same file twice updates the snapshots instead of doubling them (dry run says so too)', async () => {
    const csv = [
      'post_url,captured_at,likes,views',
      `${postUrl},2026-11-08T09:00:00Z,310,6100`,
      `${postUrl},2026-11-09,330,6400`,
    ].join('\n');
    const first = await importCsv(csv);
    expect(first.body).toMatchObject({ imported: 2, updated: 0, written: true });
    const before = await csvCount();
    const dry = await importCsv(csv.replace('330,6400', '335,6500'), '?dryRun=true');
    expect(dry.body).toMatchObject({ totalRows: 2, imported: 0, updated: 2, skipped: 0, written: false });
    const again = await importCsv(csv.replace('330,6400', '335,6500'));
    expect(again.body).toMatchObject({ imported: 0, updated: 2, skipped: 0, written: true });
    expect(await csvCount()).toBe(before);
    const [row] = await ctx.services.database.db
      .select()
      .from(postMetrics)
      .where(
        and(
          eq(postMetrics.submissionId, submissionId),
          eq(postMetrics.capturedAt, new Date('2026-11-09T00:00:00Z')),
        ),
      );
    expect(row).toMatchObject({ likes: 335, views: 6500, source: 'csv' });
    // A manual snapshot at the same moment is replaced by the import (and says it came from the CSV).
    await brand.client.post(`${base()}/submissions/${submissionId}/metrics`, {
      capturedAt: '2026-11-10T00:00:00Z',
      likes: 1,
    });
    const repeated = await importCsv(
      [
        'submission_id,captured_at,likes',
        `${submissionId},2026-11-10,400`,
        `${submissionId},2026-11-11,410`,
        `${submissionId},2026-11-11T00:00:00Z,420`,
      ].join('\n'),
    );
    // The file's own repeat counts as an update of its earlier row; the last one wins.
    expect(repeated.body).toMatchObject({ imported: 1, updated: 2, written: true });
    const list = await brand.client.get(`${base()}/submissions/${submissionId}/metrics`);
    const byAt = (at: string) => list.body.items.filter((m: { capturedAt: string }) => m.capturedAt === at);
    expect(byAt('2026-11-10T00:00:00.000Z')).toEqual([
      expect.objectContaining({ likes: 400, source: 'csv' }),
    ]);
    expect(byAt('2026-11-11T00:00:00.000Z')).toEqual([expect.objectContaining({ likes: 420 })]);
    const [audit] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.workspaceId, brand.ws), eq(auditEvent.action, 'metrics.imported')))
      .orderBy(desc(auditEvent.createdAt))
      .limit(1);
    expect(audit!.after).toMatchObject({ imported: 1, updated: 2 });
  });

  it('name each bad row by line and column, and write nothing unless told to skip them', async () => {
    const csv = [
      'post_url,captured_at,likes,views',
      `${postUrl},2026-11-07,300,6000`,
      'https://www.instagram.com/p/unknown/,2026-11-07,1,1',
      `${postUrl},yesterday,1,1`,
      `${postUrl},2026-11-07,-4,1`,
      `${postUrl},2026-11-07,,`,
    ].join('\n');
    const before = await csvCount();
    const res = await importCsv(csv);
    expect(res.body.written).toBe(false);
    expect(res.body.errors).toEqual([
      { line: 3, field: 'post_url', message: 'matches no published post' },
      { line: 4, field: 'captured_at', message: expect.stringContaining('must be a date') },
      { line: 5, field: 'likes', message: 'must be a non-negative whole number' },
      { line: 6, field: 'likes', message: expect.stringContaining('give at least one') },
    ]);
    expect(await csvCount()).toBe(before);
    const skipping = await importCsv(csv, '?onError=skip');
    expect(skipping.body).toMatchObject({ imported: 1, skipped: 4, written: true });
    expect(await csvCount()).toBe(before + 1);
  });

  it('refuse a file with unknown or missing columns, naming the header', async () => {
    const res = await importCsv('url,likes\nhttps://x.example,1\n');
    expect(res.body.errors[0]).toMatchObject({ line: 1, field: 'header' });
    expect(res.body.errors[0].message).toContain('unknown column "url"');
    expect(res.body.errors[0].message).toContain('missing column post_url or submission_id, captured_at');
  });
});

describe('the publications list', () => {
  it('lists approved and published submissions with their caption', async () => {
    const { submissionId } = await approved(ctx, brand, 1, {
      caption: 'Waiting for a URL <script>x</script>',
    });
    const res = await brand.client.get(`${base()}/publications?status=approved`);
    expect(res.status).toBe(200);
    const item = res.body.items.find((p: { submissionId: string }) => p.submissionId === submissionId);
    expect(item).toMatchObject({
      status: 'approved',
      caption: 'Waiting for a URL <script>x</script>',
      handle: `@${brand.people[1]!.handle}`,
    });
    expect(res.body.items.every((p: { status: string }) => p.status === 'approved')).toBe(true);
  });
});
