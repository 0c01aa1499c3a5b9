// B8 listening import: handle and URL matching (normalised), caption proposals confirmed with "Use as
// post URL", idempotent re-import, dry run, line-numbered errors, export, tenancy.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids';
import { submission, submissionRound } from '../../src/server/modules/content/content.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let programId: string;
let jane: { creatorId: string; ambassadorId: string };
let publishedId: string;
let approvedId: string;

const draftCaption = 'Morning routine with the Glow Serum, my skin has never felt this soft #ad @glowco';

/** A submission as the content module stores it (another module writes these; the test inserts them). */
async function insertSubmission(status: 'approved' | 'published', postUrl: string | null, caption: string) {
  const id = newId('submission');
  const { db } = ctx.services.database;
  await db.insert(submission).values({
    id,
    workspaceId: ws,
    programId,
    ambassadorId: jane.ambassadorId,
    creatorId: jane.creatorId,
    platform: 'instagram',
    format: 'reel',
    status,
    currentRound: 1,
    postUrl,
    publishedAt: postUrl ? new Date() : null,
  });
  await db.insert(submissionRound).values({
    id: newId('submissionRound'),
    workspaceId: ws,
    submissionId: id,
    round: 1,
    caption,
    compliance: { passed: true, rules: [] },
    compliancePassed: true,
  });
  return id;
}

const importCsv = (csv: string, query = '') =>
  owner.request('POST', `/api/v1/workspaces/${ws}/listening/import${query}`, csv);

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, workspaceId: ws } = await signUp(ctx));
  programId = (await createProgram(owner, ws)).id;
  const person = await createCreator(owner, ws, {
    name: 'Jane Park',
    socialAccounts: [{ platform: 'instagram', handle: 'Jane.Glows', followers: 8000 }],
  });
  const amb = await addToProgram(owner, ws, programId, person.id);
  await walk(owner, ws, amb.id, ['invited', 'applied', 'accepted', 'onboarding', 'active']);
  jane = { creatorId: person.id, ambassadorId: amb.id };
  publishedId = await insertSubmission(
    'published',
    'https://www.instagram.com/p/CxPub1/',
    'Earlier post #ad',
  );
  approvedId = await insertSubmission('approved', null, draftCaption);
});
afterAll(async () => ctx.close());

const csv = [
  'Author,Link,Text,Date,Sentiment',
  '@JANE.GLOWS,HTTPS://Instagram.com/p/CxPub1?utm_source=ig_web_copy_link&igshid=abc,Earlier post #ad,2026-03-01,positive',
  `jane.glows,https://www.instagram.com/p/CxNew2/,"${draftCaption.toUpperCase()}!",2026-03-05T10:00:00Z,positive`,
  'someone_else,https://www.tiktok.com/@someone_else/video/1,love @glowco,2026-03-06,neutral',
].join('\n');

describe('a listening import', () => {
  it('dry run reports the matches and writes nothing', async () => {
    const res = await importCsv(csv, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalRows: 3,
      validRows: 3,
      created: 3,
      updated: 0,
      matchedAmbassadors: 2,
      matchedByUrl: 1,
      matchedByCaption: 1,
      written: false,
      dryRun: true,
      errors: [],
    });
    expect((await owner.get(`/api/v1/workspaces/${ws}/listening`)).body.items).toEqual([]);
  });

  it('matches by handle, by normalised URL, and proposes a caption match', async () => {
    const res = await importCsv(csv);
    expect(res.body).toMatchObject({ created: 3, written: true });
    const list = await owner.get(`/api/v1/workspaces/${ws}/listening`);
    const byUrl = Object.fromEntries(list.body.items.map((p: { url: string }) => [p.url, p]));
    expect(byUrl['https://instagram.com/p/CxPub1']).toMatchObject({
      handle: 'jane.glows',
      platform: 'instagram',
      matchedBy: 'url',
      ambassador: { id: jane.ambassadorId, name: 'Jane Park' },
      submission: { id: publishedId, status: 'published' },
      canUseAsPostUrl: false,
    });
    expect(byUrl['https://instagram.com/p/CxNew2']).toMatchObject({
      matchedBy: 'caption',
      submission: { id: approvedId, status: 'approved', postUrl: null },
      canUseAsPostUrl: true,
    });
    expect(byUrl['https://tiktok.com/@someone_else/video/1']).toMatchObject({
      platform: 'tiktok',
      ambassador: null,
      submission: null,
      matchedBy: null,
    });
    const unmatched = await owner.get(`/api/v1/workspaces/${ws}/listening?unmatched=true`);
    expect(unmatched.body.items).toHaveLength(1);
  });

  it('re-importing updates the same posts instead of duplicating them (JSON this time)', async () => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/listening/import`, [
      {
        Username: 'someone_else',
        URL: 'https://tiktok.com/@someone_else/video/1/',
        Content: 'edited caption',
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, written: true });
    const list = await owner.get(`/api/v1/workspaces/${ws}/listening`);
    expect(list.body.items).toHaveLength(3);
    const post = list.body.items.find((p: { handle: string }) => p.handle === 'someone_else');
    expect(post.caption).toBe('edited caption');
  });

  it('"Use as post URL" publishes the approved submission, audited, once', async () => {
    const list = await owner.get(`/api/v1/workspaces/${ws}/listening`);
    const proposal = list.body.items.find((p: { matchedBy: string }) => p.matchedBy === 'caption');
    const { client: viewer } = await addMember(ctx, owner, ws, 'viewer');
    expect(
      (await viewer.post(`/api/v1/workspaces/${ws}/listening/${proposal.id}/use-as-post-url`)).status,
    ).toBe(403);
    const res = await owner.post(`/api/v1/workspaces/${ws}/listening/${proposal.id}/use-as-post-url`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matchedBy: 'url', canUseAsPostUrl: false });
    const [row] = await ctx.services.database.db
      .select()
      .from(submission)
      .where(eq(submission.id, approvedId));
    expect(row).toMatchObject({ status: 'published', postUrl: 'https://instagram.com/p/CxNew2' });
    expect(row!.publishedAt?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    // Published through listening, it joins the library like any other published piece.
    const assets = await owner.get(`/api/v1/workspaces/${ws}/assets`);
    expect(assets.body.items.map((a: { submissionId: string }) => a.submissionId)).toContain(approvedId);
    const again = await owner.post(`/api/v1/workspaces/${ws}/listening/${proposal.id}/use-as-post-url`);
    expect(again.status).toBe(409);
    const timeline = await owner.get(`/api/v1/workspaces/${ws}/creators/${jane.creatorId}/timeline`);
    expect(timeline.body.items.map((e: { action: string }) => e.action)).toContain('submission.published');
    // A later import finds it by URL now.
    const re = await importCsv(csv, '?dryRun=true');
    expect(re.body).toMatchObject({ matchedByUrl: 2, matchedByCaption: 0, updated: 3 });
  });

  it('names bad rows by line; abort writes nothing, skip keeps the good rows', async () => {
    const bad = [
      'handle,url,caption,posted_at',
      ',https://instagram.com/p/A1,no handle,',
      'ok_person,javascript:alert(1),bad link,',
      'ok_person,https://instagram.com/p/Good1,fine,not a date',
      'ok_person,https://instagram.com/p/Good2,fine,2026-03-07',
    ].join('\n');
    const aborted = await importCsv(bad);
    expect(aborted.body.written).toBe(false);
    expect(aborted.body.errors).toEqual([
      { line: 2, field: 'handle', message: 'is required' },
      { line: 3, field: 'url', message: 'must be an http(s) link to the post' },
      { line: 4, field: 'posted_at', message: expect.stringContaining('must be a date') },
    ]);
    expect((await owner.get(`/api/v1/workspaces/${ws}/listening`)).body.items).toHaveLength(3);
    const skipped = await importCsv(bad, '?onError=skip');
    expect(skipped.body).toMatchObject({ written: true, created: 1, validRows: 1 });
    const header = await importCsv('name,followers\nx,1');
    expect(header.body.errors[0]).toMatchObject({ line: 1, field: 'header' });
    const notArray = await owner.post(`/api/v1/workspaces/${ws}/listening/import`, { handle: 'x' });
    expect(notArray.status).toBe(422);
  });

  it('exports CSV that re-imports, with formulas defused', async () => {
    const seeded = await importCsv(
      'handle,url,caption\nprankster,https://instagram.com/p/F1,"=HYPERLINK(""x"")"',
    );
    expect(seeded.body.written).toBe(true);
    const res = await owner.get(`/api/v1/workspaces/${ws}/listening/export.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.body).toContain(`'=HYPERLINK`);
    expect(res.body.split('\n')[0]).toBe(
      'platform,handle,url,caption,posted_at,ambassador,program,submission_id,submission_status,matched_by',
    );
    const again = await importCsv(res.body, '?dryRun=true');
    expect(again.body).toMatchObject({ created: 0, errors: [] });
  });

  it('is invisible to another workspace', async () => {
    const { client: other, workspaceId: otherWs } = await signUp(ctx);
    expect((await other.get(`/api/v1/workspaces/${otherWs}/listening`)).body.items).toEqual([]);
    expect((await other.get(`/api/v1/workspaces/${ws}/listening`)).status).toBe(404);
  });
});
