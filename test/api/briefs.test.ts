// Briefs (B1): versions, the stale flag, what changed, archive, permissions, tenancy, and what
// ambassadors see in the portal.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brief } from '../../src/server/modules/briefs/briefs.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';
import { signInAmbassador } from '../portal-helpers';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let programId: string;

const v1 = {
  title: 'Spring glow',
  summary: 'Show the serum in your morning routine.',
  mustInclude: { productNames: ['Glow Serum'], mentions: ['@glowco'], keyClaims: ['Hydrates for 24 hours'] },
  mustAvoid: { competitors: ['Lumina'], words: ['cure'] },
  formats: ['reel'],
};
const v2 = {
  ...v1,
  mustInclude: { ...v1.mustInclude, mentions: ['@glowco', '#glowcircle'], trackingLinkOrCode: true },
  mustAvoid: { competitors: ['Lumina'], words: ['cure', 'miracle'] },
};

const base = () => `/api/v1/workspaces/${ws}/programs/${programId}/briefs`;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, workspaceId: ws } = await signUp(ctx));
  programId = (await createProgram(owner, ws, { competitors: ['Radiance'] })).id;
});
afterAll(async () => ctx.close());

describe('a brief', () => {
  let briefId: string;

  it('is created at version 1 and listed with its current version', async () => {
    const created = await owner.post(base(), { content: v1 });
    expect(created.status).toBe(201);
    briefId = created.body.id;
    expect(created.body).toMatchObject({
      campaign: null,
      currentVersion: 1,
      title: 'Spring glow',
      isStale: false,
    });
    expect(created.body.current.content.mustInclude.legalLines).toEqual([]);
    const list = await owner.get(base());
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([briefId]);
  });

  it('refuses a second live standing brief, naming the field', async () => {
    const again = await owner.post(base(), { content: v1 });
    expect(again.status).toBe(409);
    expect(again.body.problems[0].field).toBe('campaign');
    const campaign = await owner.post(base(), { campaign: 'Summer drop', content: { title: 'Summer' } });
    expect(campaign.status).toBe(201);
  });

  it('names the invalid field', async () => {
    const bad = await owner.post(base(), {
      campaign: 'X',
      content: { title: ' ', formats: ['podcast'], startsOn: '2026-05-01', endsOn: '2026-04-01' },
    });
    expect(bad.status).toBe(422);
    const fields = bad.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['content.title', 'content.formats.0']));
  });

  it('publishes a new version with a change note, audited, and shows what changed', async () => {
    const missingNote = await owner.post(`${base()}/${briefId}/versions`, { content: v2, changeNote: '' });
    expect(missingNote.status).toBe(422);
    expect(missingNote.body.problems[0].field).toBe('changeNote');
    const published = await owner.post(`${base()}/${briefId}/versions`, {
      content: v2,
      changeNote: 'Added the campaign hashtag and the tracking link.',
    });
    expect(published.status).toBe(201);
    expect(published.body.currentVersion).toBe(2);
    expect(published.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const diff = await owner.get(`${base()}/${briefId}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([
      {
        field: 'mustInclude.trackingLinkOrCode',
        label: 'Tracking link or code',
        kind: 'text',
        before: 'not required',
        after: 'required',
      },
      { field: 'mustInclude.mentions', label: 'Mentions', kind: 'list', added: ['#glowcircle'], removed: [] },
      { field: 'mustAvoid.words', label: 'Words to avoid', kind: 'list', added: ['miracle'], removed: [] },
    ]);
    const missing = await owner.get(`${base()}/${briefId}/diff?from=1&to=9`);
    expect(missing.status).toBe(404);
    expect(missing.body.problems[0].field).toBe('to');
    const audit = await owner.get(`/api/v1/workspaces/${ws}/audit`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['brief.created', 'brief.version_published']));
  });

  it('is flagged stale once its current version is older than N days', async () => {
    const old = new Date(Date.now() - 100 * 86_400_000);
    await ctx.services.database.db.update(brief).set({ updatedAt: old }).where(eq(brief.id, briefId));
    const list = await owner.get(base());
    const item = list.body.items.find((b: { id: string }) => b.id === briefId);
    expect(item).toMatchObject({ isStale: true, ageDays: 100 });
    const lenient = await owner.get(`${base()}?staleAfterDays=120`);
    expect(lenient.body.items.find((b: { id: string }) => b.id === briefId).isStale).toBe(false);
    const staleness = await owner.get(`/api/v1/workspaces/${ws}/briefs/staleness`);
    expect(staleness.body.items).toEqual([{ programId, briefs: 2, staleBriefs: 1, oldestAgeDays: 100 }]);
    const bad = await owner.get(`${base()}?staleAfterDays=0`);
    expect(bad.status).toBe(422);
    expect(bad.body.problems[0].field).toBe('query.staleAfterDays');
    // Publishing resets the clock.
    await owner.post(`${base()}/${briefId}/versions`, { content: v2, changeNote: 'Reviewed, still right.' });
    const fresh = await owner.get(`${base()}/${briefId}`);
    expect(fresh.body).toMatchObject({ isStale: false, currentVersion: 3 });
  });

  it('is archived: gone from the list, no new versions, and a new standing brief may be created', async () => {
    const campaign = (await owner.get(base())).body.items.find((b: { campaign: string }) => b.campaign);
    const archived = await owner.post(`${base()}/${campaign.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const list = await owner.get(base());
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([briefId]);
    const all = await owner.get(`${base()}?includeArchived=true`);
    expect(all.body.items).toHaveLength(2);
    const publish = await owner.post(`${base()}/${campaign.id}/versions`, { content: v1, changeNote: 'x' });
    expect(publish.status).toBe(409);
  });
});

describe('permissions and tenancy', () => {
  it('lets a viewer read but not write', async () => {
    const { client: viewer } = await addMember(ctx, owner, ws, 'viewer');
    expect((await viewer.get(base())).status).toBe(200);
    const write = await viewer.post(base(), { campaign: 'Sneaky', content: v1 });
    expect(write.status).toBe(403);
    expect(write.body.detail).toContain('manager');
  });

  it('hides another workspace’s briefs', async () => {
    const { client: other, workspaceId: otherWs } = await signUp(ctx);
    const list = await other.get(`/api/v1/workspaces/${otherWs}/programs/${programId}/briefs`);
    expect(list.status).toBe(404);
    const direct = await other.get(base());
    expect(direct.status).toBe(404);
  });
});

describe('the portal', () => {
  let seated: TestClient;
  let briefId: string;

  beforeAll(async () => {
    briefId = (await owner.get(base())).body.items[0].id;
    const jane = await createCreator(owner, ws, { email: 'jane-briefs@example.com' });
    const amb = await addToProgram(owner, ws, programId, jane.id);
    await walk(owner, ws, amb.id, ['invited', 'applied', 'accepted', 'onboarding', 'active']);
    ({ client: seated } = await signInAmbassador(ctx, 'jane-briefs@example.com'));
  });

  it('shows an active ambassador the current brief and what changed since the previous version', async () => {
    const res = await seated.get('/api/v1/portal/briefs');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ briefId, version: 3, comparedWith: 2, changes: [] });
    const since1 = await seated.get('/api/v1/portal/briefs?since=1');
    expect(since1.body.items[0].comparedWith).toBe(1);
    expect(since1.body.items[0].changes.map((c: { field: string }) => c.field)).toContain('mustAvoid.words');
    expect(since1.body.items[0].changeNotes.map((n: { version: number }) => n.version)).toEqual([3, 2]);
  });

  it('shows nothing to an ambassador who holds no seat, nor another program’s brief', async () => {
    const invited = await createCreator(owner, ws, { email: 'only-invited@example.com' });
    const amb = await addToProgram(owner, ws, programId, invited.id);
    await walk(owner, ws, amb.id, ['invited']);
    const other = await createProgram(owner, ws);
    await owner.post(`/api/v1/workspaces/${ws}/programs/${other.id}/briefs`, { content: { title: 'Other' } });
    const { client } = await signInAmbassador(ctx, 'only-invited@example.com');
    const res = await client.get('/api/v1/portal/briefs');
    expect(res.body.items).toEqual([]);
    const seatedView = await seated.get('/api/v1/portal/briefs');
    expect(seatedView.body.items.map((b: { programId: string }) => b.programId)).toEqual([programId]);
  });

  it('is closed to staff sessions and strangers', async () => {
    expect((await owner.get('/api/v1/portal/briefs')).status).toBe(401);
  });
});

describe('the demo data', () => {
  it('seeds a brief in two versions, published 12 days ago, and a listening import matched by handle', async () => {
    const { seedDemoBriefs } = await import('../../src/server/db/seed/demo-briefs');
    const { systemScope } = await import('../../src/server/lib/scope');
    const demo = await createProgram(owner, ws);
    const person = await createCreator(owner, ws, {
      socialAccounts: [{ platform: 'instagram', handle: 'demo.amara', followers: 9000 }],
    });
    const amb = await addToProgram(owner, ws, demo.id, person.id);
    await walk(owner, ws, amb.id, ['invited', 'applied', 'accepted', 'onboarding', 'active']);
    await seedDemoBriefs(ctx.services.database.db, systemScope(ws), demo.id);
    const list = await owner.get(`/api/v1/workspaces/${ws}/programs/${demo.id}/briefs`);
    expect(list.body.items[0]).toMatchObject({ currentVersion: 2, ageDays: 12, isStale: false });
    const posts = await owner.get(`/api/v1/workspaces/${ws}/listening`);
    const matched = posts.body.items.filter((p: { ambassador: unknown }) => p.ambassador);
    expect(matched.map((p: { handle: string }) => p.handle)).toEqual(['demo.amara']);
    expect(posts.body.items).toHaveLength(2);
  });
});
