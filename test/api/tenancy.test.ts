// Cross-tenant isolation: every /workspaces/{workspaceId}/… route of the OpenAPI document is tried by a
// member of another workspace and by an ambassador principal; none may see or touch anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApprovedSubmission } from '../../src/server/db/seed/library-fixture';
import { trackingSettings } from '../cli/link-fixture';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { createTestContext, signUp, TestClient, type TestContext } from '../harness';
import { latestPortalLink, openPortalLink, signInAmbassador } from '../portal-helpers';
import { seedCodeAndAlert } from './codes-helpers';

let ctx: TestContext;
let alice: TestClient; // owner of workspace A
let bob: TestClient; // owner of workspace B
let wsA: string;
let wsB: string;
const idsB: Record<string, string> = {};
let routes: Array<{ method: string; path: string }>;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: alice, workspaceId: wsA } = await signUp(ctx, { workspaceName: 'Alpha' }));
  ({ client: bob, workspaceId: wsB } = await signUp(ctx, { workspaceName: 'Bravo' }));
  const program = await createProgram(bob, wsB);
  const person = await createCreator(bob, wsB, { email: 'bravo-star@example.com' });
  const amb = await addToProgram(bob, wsB, program.id, person.id);
  await walk(bob, wsB, amb.id, ['invited']);
  const invite = await bob.post(`/api/v1/workspaces/${wsB}/invitations`, {
    email: 'someone@example.com',
    role: 'viewer',
  });
  const members = await bob.get(`/api/v1/workspaces/${wsB}/members`);
  const store = await bob.post(`/api/v1/workspaces/${wsB}/stores`, {
    programId: program.id,
    kind: 'api',
    name: 'B API',
  });
  const key = await bob.post(`/api/v1/workspaces/${wsB}/stores/${store.body.connection.id}/api-keys`, {
    name: 'B key',
  });
  await bob.put(`/api/v1/workspaces/${wsB}/programs/${program.id}/tracking`, trackingSettings);
  const link = await bob.post(`/api/v1/workspaces/${wsB}/programs/${program.id}/links`, {
    ambassadorId: amb.id,
    destination: 'https://shop.example.com/',
  });
  Object.assign(idsB, {
    store: store.body.connection.id,
    apiKey: key.body.key.id,
    link: link.body.id,
    program: program.id,
    creator: person.id,
    ambassador: amb.id,
    invitation: invite.body.id,
    member: members.body.members[0].id,
  });
  Object.assign(idsB, await seedCodeAndAlert(ctx, wsB, program.id, amb.id));
  // A published submission and its library asset in B.
  const approvedB = await insertApprovedSubmission(ctx.services.database.db, ctx.services.storage, {
    workspaceId: wsB,
    programId: program.id,
    ambassadorId: amb.id,
    creatorId: person.id,
    platform: 'instagram',
    format: 'feed',
    caption: '#ad Bravo',
  });
  const publishedB = await bob.put(
    `/api/v1/workspaces/${wsB}/submissions/${approvedB.submissionId}/publication`,
    {
      postUrl: 'https://www.instagram.com/p/bravo/',
    },
  );
  Object.assign(idsB, { submission: approvedB.submissionId, asset: publishedB.body.assetId });
  const doc = await bob.get('/api/v1/openapi.json');
  routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(async () => ctx.close());

/** Fills a route template with workspace B's ids, in workspace `ws`. */
function fill(path: string, ws: string): string {
  const kind =
    /\/(programs|creators|ambassadors|invitations|members|stores|submissions|assets|links)\/\{id\}/.exec(
      path,
    )?.[1];
  const id = {
    programs: idsB.program,
    creators: idsB.creator,
    ambassadors: idsB.ambassador,
    invitations: idsB.invitation,
    members: idsB.member,
    stores: idsB.store,
    submissions: idsB.submission,
    assets: idsB.asset,
    links: idsB.link,
  }[kind as 'programs'];
  return `/api/v1${path
    .replace('{workspaceId}', ws)
    .replace('{id}', id ?? 'none')
    .replace('{creatorId}', idsB.creator!)
    .replace('{keyId}', idsB.apiKey!)
    .replace('{codeId}', idsB.code ?? 'none')
    .replace('{alertId}', idsB.alert ?? 'none')}`;
}

const bodies: Record<string, unknown> = {
  '/workspaces/{workspaceId}/programs': { name: 'Sneaky', objective: 'sales' },
  '/workspaces/{workspaceId}/programs/{id}': { name: 'Sneaky', objective: 'sales' },
  '/workspaces/{workspaceId}/creators': { name: 'Sneaky' },
  '/workspaces/{workspaceId}/creators/{id}': { name: 'Sneaky' },
  '/workspaces/{workspaceId}/programs/{id}/ambassadors': { creatorId: 'x' },
  '/workspaces/{workspaceId}/ambassadors/{id}/stage': { to: 'declined' },
  '/workspaces/{workspaceId}/invitations': { email: 'x@example.com', role: 'viewer' },
  '/workspaces/{workspaceId}/members/{id}': { role: 'viewer' },
  '/workspaces/{workspaceId}/vetting/reports/{id}/overrides': { flagKey: 'x:y:0', reason: 'Sneaky reason' },
  '/workspaces/{workspaceId}/prospect-lists/{id}': { name: 'Sneaky', source: 'crm' },
  '/workspaces/{workspaceId}/prospect-lists/{id}/invite': {
    templateId: 'x',
    recipients: [{ creatorId: 'x' }],
  },
  '/workspaces/{workspaceId}/outreach/templates/{id}': { name: 'Sneaky', subject: 'x', body: 'x' },
  '/workspaces/{workspaceId}/outreach/messages/{id}/reply': { repliedAt: '2030-01-01' },
  '/workspaces/{workspaceId}/stores': { programId: 'x', kind: 'pixel', name: 'Sneaky' },
  '/workspaces/{workspaceId}/stores/{id}': { name: 'Sneaky' },
  '/workspaces/{workspaceId}/stores/{id}/api-keys': { name: 'Sneaky' },
  '/workspaces/{workspaceId}/submissions/{id}/comments': { body: 'Sneaky comment' },
  '/workspaces/{workspaceId}/submissions/{id}/decision': {
    decision: 'approve',
    overrideReason: 'Sneaky reason',
  },
  '/workspaces/{workspaceId}/programs/{id}/briefs': { content: { title: 'Sneaky' } },
  '/workspaces/{workspaceId}/programs/{id}/briefs/{briefId}/versions': {
    content: { title: 'Sneaky' },
    changeNote: 'Sneaky',
  },
  '/workspaces/{workspaceId}/submissions/{id}/publication': {
    postUrl: 'https://www.instagram.com/p/sneaky/',
  },
  '/workspaces/{workspaceId}/submissions/{id}/metrics': { likes: 1 },
  '/workspaces/{workspaceId}/programs/{id}/cadence/reminders': { ambassadorIds: ['x'] },
  '/workspaces/{workspaceId}/assets/{id}/rights': { rights: [] },
  '/workspaces/{workspaceId}/assets/export': { assetIds: ['x'], channel: 'paid_social' },
  '/workspaces/{workspaceId}/programs/{id}/tracking': trackingSettings,
  '/workspaces/{workspaceId}/programs/{id}/links': {
    ambassadorId: 'x',
    destination: 'https://shop.example.com/',
  },
};

function call(client: TestClient, method: string, template: string, url: string) {
  if (template.endsWith('/import')) return client.request(method, url, 'name\nEve\n');
  return client.request(
    method,
    url,
    method === 'GET' || method === 'DELETE' ? undefined : (bodies[template] ?? {}),
  );
}

describe('a member of workspace A', () => {
  it('gets 404 for every workspace-B route, naming nothing of B', async () => {
    const workspaceRoutes = routes.filter((r) => r.path.startsWith('/workspaces/{workspaceId}'));
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(18);
    for (const r of workspaceRoutes) {
      const res = await call(alice, r.method, r.path, fill(r.path, wsB));
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 404,
      });
      expect(JSON.stringify((res as { body: unknown }).body)).not.toContain('Bravo');
    }
  });

  it('gets 404 for workspace-B ids used inside workspace A', async () => {
    const idRoutes = routes.filter(
      (r) => r.path.startsWith('/workspaces/{workspaceId}') && r.path.includes('{id}'),
    );
    for (const r of idRoutes) {
      const res = await call(alice, r.method, r.path, fill(r.path, wsA));
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 404,
      });
    }
  });

  it('does not see B’s creators in searches or exports', async () => {
    const list = await alice.get(`/api/v1/workspaces/${wsA}/creators?q=bravo`);
    expect(list.body.total).toBe(0);
    const csv = await alice.get(`/api/v1/workspaces/${wsA}/creators/export.csv`);
    expect(csv.body).not.toContain('bravo-star');
  });

  it('leaves B untouched', async () => {
    const publication = await bob.get(`/api/v1/workspaces/${wsB}/submissions/${idsB.submission}/publication`);
    expect(publication.body.postUrl).toBe('https://www.instagram.com/p/bravo/');
    const asset = await bob.get(`/api/v1/workspaces/${wsB}/assets/${idsB.asset}`);
    expect(asset.body.rights).toEqual([]);
    const link = await bob.get(`/api/v1/workspaces/${wsB}/links/${idsB.link}`);
    expect(link.body.status).toBe('active');
    const program = await bob.get(`/api/v1/workspaces/${wsB}/programs/${idsB.program}`);
    expect(program.body.name).not.toBe('Sneaky');
    const board = await bob.get(`/api/v1/workspaces/${wsB}/programs/${idsB.program}/ambassadors`);
    expect(board.body.items.map((a: { stage: string }) => a.stage)).toEqual(['invited']);
    const store = await bob.get(`/api/v1/workspaces/${wsB}/stores/${idsB.store}`);
    expect(store.body).toMatchObject({ name: 'B API', isDisabled: false });
    const keys = await bob.get(`/api/v1/workspaces/${wsB}/stores/${idsB.store}/api-keys`);
    expect(keys.body.items.map((k: { name: string; revokedAt: null }) => [k.name, k.revokedAt])).toEqual([
      ['B key', null],
    ]);
  });
});

describe('an ambassador principal', () => {
  let amb: TestClient;

  beforeAll(async () => {
    ({ client: amb } = await signInAmbassador(ctx, 'bravo-star@example.com'));
  });

  it('lands in the portal and sees only their own programs', async () => {
    const otherProgram = await createProgram(bob, wsB, { name: 'Not for them' });
    const other = await createCreator(bob, wsB);
    await walk(bob, wsB, (await addToProgram(bob, wsB, otherProgram.id, other.id)).id, ['invited']);
    const me = await amb.get('/api/v1/portal/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('bravo-star@example.com');
    expect(me.body.programs.map((p: { programId: string }) => p.programId)).toEqual([idsB.program]);
    expect(me.body.profiles.map((p: { creatorId: string }) => p.creatorId)).toEqual([idsB.creator]);
  });

  it('does not see draft programs', async () => {
    const draft = await createProgram(bob, wsB, { status: 'draft' });
    await walk(bob, wsB, (await addToProgram(bob, wsB, draft.id, idsB.creator!)).id, ['invited']);
    const me = await amb.get('/api/v1/portal/me');
    expect(me.body.programs.map((p: { programId: string }) => p.programId)).not.toContain(draft.id);
  });

  it('gets 403 or 404 on every manager route', async () => {
    const managerRoutes = routes.filter((r) => r.path.startsWith('/workspaces/{workspaceId}'));
    for (const r of managerRoutes) {
      const res = await call(amb, r.method, r.path, fill(r.path, wsB));
      expect({ route: `${r.method} ${r.path}`, refused: [403, 404].includes(res.status) }).toEqual({
        route: `${r.method} ${r.path}`,
        refused: true,
      });
    }
  });

  it('cannot edit another ambassador’s profile', async () => {
    const other = await createCreator(bob, wsB);
    const res = await amb.put(`/api/v1/portal/profiles/${other.id}`, { name: 'Hacked' });
    expect(res.status).toBe(404);
    const check = await bob.get(`/api/v1/workspaces/${wsB}/creators/${other.id}`);
    expect(check.body.name).not.toBe('Hacked');
  });

  it('can edit their own profile, audited as the ambassador', async () => {
    const res = await amb.put(`/api/v1/portal/profiles/${idsB.creator}`, {
      name: 'Bravo Star',
      phone: '+1 555 0100',
    });
    expect(res.status).toBe(204);
    const timeline = await bob.get(`/api/v1/workspaces/${wsB}/creators/${idsB.creator}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({
      action: 'creator.profile_updated',
      actorType: 'ambassador',
    });
  });

  it('a staff session is not a portal session, and a portal session is not a staff session', async () => {
    expect((await alice.get('/api/v1/portal/me')).status).toBe(401);
    expect((await amb.get('/api/v1/me')).status).toBe(403);
  });

  it('signs out', async () => {
    const { client } = await signInAmbassador(ctx, 'bravo-star@example.com');
    expect((await client.get('/api/v1/portal/me')).status).toBe(200);
    expect((await client.post('/api/v1/portal/sign-out')).status).toBe(204);
    expect((await client.get('/api/v1/portal/me')).status).toBe(401);
  });
});

describe('portal links', () => {
  it('work once', async () => {
    await new TestClient(ctx.app).post('/api/v1/portal/magic-link', { email: 'bravo-star@example.com' });
    const link = await latestPortalLink(ctx, 'bravo-star@example.com');
    expect((await openPortalLink(ctx, link)).location).toBe('/portal');
    expect((await openPortalLink(ctx, link)).location).toBe('/portal/signin?error=invalid_link');
    expect((await openPortalLink(ctx, '/api/v1/portal/verify?token=forged')).location).toBe(
      '/portal/signin?error=invalid_link',
    );
  });

  it('are only mailed to contacted ambassadors of launched programs', async () => {
    const prospect = await createCreator(bob, wsB, { email: 'just-a-prospect@example.com' });
    await addToProgram(bob, wsB, idsB.program!, prospect.id);
    for (const email of ['nobody@example.com', 'just-a-prospect@example.com']) {
      const res = await new TestClient(ctx.app).post('/api/v1/portal/magic-link', { email });
      expect(res.status).toBe(202);
    }
    const outbox = await bob.get(`/api/v1/workspaces/${wsB}/outbox`);
    const recipients = outbox.body.items.map((m: { to: string }) => m.to);
    expect(recipients).not.toContain('nobody@example.com');
    expect(recipients).not.toContain('just-a-prospect@example.com');
  });

  it('from workspace A cannot reach what workspace B knows about the same person', async () => {
    // Alice (workspace A) adds a creator with the email of B's ambassador and sends them a portal link.
    const twin = await createCreator(alice, wsA, { email: 'bravo-star@example.com', socialAccounts: [] });
    const sent = await alice.post(`/api/v1/workspaces/${wsA}/creators/${twin.id}/portal-invite`);
    expect(sent.status).toBe(202);
    // The link is in A's outbox only; opening it reaches A's record and nothing of B's.
    const outboxA = await alice.get(`/api/v1/workspaces/${wsA}/outbox`);
    const message = outboxA.body.items.find((m: { to: string }) => m.to === 'bravo-star@example.com');
    expect(message.text).not.toContain('Bravo');
    const { client } = await openPortalLink(ctx, await latestPortalLink(ctx, 'bravo-star@example.com', wsA));
    const me = await client.get('/api/v1/portal/me');
    expect(me.body.profiles.map((p: { creatorId: string }) => p.creatorId)).toEqual([twin.id]);
    expect(me.body.programs).toEqual([]);
    expect(JSON.stringify(me.body)).not.toContain('Bravo');
    const edit = await client.put(`/api/v1/portal/profiles/${idsB.creator}`, { name: 'Taken over' });
    expect(edit.status).toBe(404);
  });

  it('cannot sign anyone in as staff', async () => {
    // Creating a creator with a staff member's email and mailing them a link yields a portal session
    // for that creator record only; the staff account's sessions and password are untouched.
    const { email } = await signUp(ctx, { workspaceName: 'Charlie' });
    const twin = await createCreator(alice, wsA, { email, socialAccounts: [] });
    await alice.post(`/api/v1/workspaces/${wsA}/creators/${twin.id}/portal-invite`);
    const { client } = await openPortalLink(ctx, await latestPortalLink(ctx, email, wsA));
    expect((await client.get('/api/v1/me')).status).toBe(403);
    const signIn = await new TestClient(ctx.app).post('/api/auth/sign-in/email', {
      email,
      password: 'correct horse battery',
    });
    expect(signIn.status).toBe(200);
  });
});
