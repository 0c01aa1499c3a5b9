import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToProgram, createCreator, createProgram } from '../factories';
import {
  addMember,
  createTestContext,
  invitationTokenFor,
  signUp,
  TestClient,
  type TestContext,
} from '../harness';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
const as: Record<string, { client: TestClient; memberId: string }> = {};
let programId: string;
let ambassadorId: string;
let creatorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, workspaceId: ws } = await signUp(ctx));
  for (const role of ['admin', 'manager', 'reviewer', 'viewer'])
    as[role] = await addMember(ctx, owner, ws, role);
  programId = (await createProgram(owner, ws)).id;
  creatorId = (await createCreator(owner, ws)).id;
  ambassadorId = (await addToProgram(owner, ws, programId, creatorId)).id;
});
afterAll(async () => ctx.close());

type Call = (client: TestClient) => Promise<{ status: number; body: any }>;
const calls: Record<string, Call> = {
  'read programs': (c) => c.get(`/api/v1/workspaces/${ws}/programs`),
  'create a program': (c) =>
    c.post(`/api/v1/workspaces/${ws}/programs`, { name: 'New one', objective: 'ugc' }),
  'read people': (c) => c.get(`/api/v1/workspaces/${ws}/creators`),
  'create a creator': (c) => c.post(`/api/v1/workspaces/${ws}/creators`, { name: 'Someone' }),
  'move a stage': (c) =>
    c.post(`/api/v1/workspaces/${ws}/ambassadors/${ambassadorId}/stage`, { to: 'declined' }),
  'import CSV (dry run)': (c) =>
    c.request('POST', `/api/v1/workspaces/${ws}/creators/import?dryRun=true`, 'name\nAda\n'),
  'read members': (c) => c.get(`/api/v1/workspaces/${ws}/members`),
  'invite a member': (c) =>
    c.post(`/api/v1/workspaces/${ws}/invitations`, {
      email: `x${Math.random()}@example.com`,
      role: 'viewer',
    }),
  'read the outbox': (c) => c.get(`/api/v1/workspaces/${ws}/outbox`),
  'read the timeline': (c) => c.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`),
};

// Expected status per role; the move-stage call is only allowed once (then declined is terminal-ish),
// so it is checked for refusal only where it must be refused.
const expected: Record<string, Record<string, number>> = {
  viewer: {
    'read programs': 200,
    'create a program': 403,
    'read people': 200,
    'create a creator': 403,
    'move a stage': 403,
    'import CSV (dry run)': 403,
    'read members': 200,
    'invite a member': 403,
    'read the outbox': 403,
    'read the timeline': 200,
  },
  reviewer: {
    'read programs': 200,
    'create a program': 403,
    'read people': 200,
    'create a creator': 403,
    'move a stage': 403,
    'import CSV (dry run)': 403,
    'read members': 200,
    'invite a member': 403,
    'read the outbox': 403,
    'read the timeline': 200,
  },
  manager: {
    'read programs': 200,
    'create a program': 201,
    'read people': 200,
    'create a creator': 201,
    'import CSV (dry run)': 200,
    'read members': 200,
    'invite a member': 403,
    'read the outbox': 403,
    'read the timeline': 200,
  },
  admin: {
    'read programs': 200,
    'create a program': 201,
    'read people': 200,
    'create a creator': 201,
    'import CSV (dry run)': 200,
    'read members': 200,
    'invite a member': 201,
    'read the outbox': 200,
    'read the timeline': 200,
  },
};

describe('role permissions on every route kind', () => {
  for (const [role, table] of Object.entries(expected)) {
    for (const [action, status] of Object.entries(table)) {
      it(`${role}: ${action} → ${status}`, async () => {
        const res = await calls[action]!(as[role]!.client);
        expect(res.status).toBe(status);
        if (status === 403)
          expect((res as { body: { detail: string } }).body.detail).toMatch(/^Your role \(\w+\) cannot/);
      });
    }
  }

  it('a reviewer cannot change members', async () => {
    const res = await as.reviewer!.client.patch(`/api/v1/workspaces/${ws}/members/${as.viewer!.memberId}`, {
      role: 'manager',
    });
    expect(res.status).toBe(403);
  });

  it('a manager cannot change members', async () => {
    const res = await as.manager!.client.patch(`/api/v1/workspaces/${ws}/members/${as.viewer!.memberId}`, {
      role: 'manager',
    });
    expect(res.status).toBe(403);
  });

  it('an admin can change roles below owner but cannot make an owner', async () => {
    const ok = await as.admin!.client.patch(`/api/v1/workspaces/${ws}/members/${as.viewer!.memberId}`, {
      role: 'reviewer',
    });
    expect(ok.status).toBe(204);
    const refused = await as.admin!.client.patch(`/api/v1/workspaces/${ws}/members/${as.viewer!.memberId}`, {
      role: 'owner',
    });
    expect(refused.status).toBe(403);
    await owner.patch(`/api/v1/workspaces/${ws}/members/${as.viewer!.memberId}`, { role: 'viewer' });
  });

  it('the last owner cannot be demoted', async () => {
    const members = await owner.get(`/api/v1/workspaces/${ws}/members`);
    const me = members.body.members.find((m: { role: string }) => m.role === 'owner');
    const res = await owner.patch(`/api/v1/workspaces/${ws}/members/${me.id}`, { role: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/at least one owner/);
  });

  it('two owners demoting each other at once leave the workspace with an owner', async () => {
    for (let round = 0; round < 3; round++) {
      const first = await signUp(ctx);
      const second = await addMember(ctx, first.client, first.workspaceId, 'owner');
      const members = `/api/v1/workspaces/${first.workspaceId}/members`;
      const listed = await first.client.get(members);
      const firstId = listed.body.members.find((m: { userId: string }) => m.userId === first.userId).id;
      const results = await Promise.all([
        first.client.patch(`${members}/${second.memberId}`, { role: 'admin' }),
        second.client.patch(`${members}/${firstId}`, { role: 'admin' }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(204);
      expect([403, 409]).toContain(statuses[1]);
      const after = await first.client.get(members);
      const owners = after.body.members.filter((m: { role: string }) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
  });

  it('a manager can move a stage and the viewer sees it', async () => {
    const res = await as.manager!.client.post(`/api/v1/workspaces/${ws}/ambassadors/${ambassadorId}/stage`, {
      to: 'invited',
    });
    expect(res.status).toBe(200);
    const board = await as.viewer!.client.get(`/api/v1/workspaces/${ws}/programs/${programId}/ambassadors`);
    expect(board.body.items[0].stage).toBe('invited');
  });

  it('an invitation can only be accepted by the invited email', async () => {
    await owner.post(`/api/v1/workspaces/${ws}/invitations`, {
      email: 'invitee@example.com',
      role: 'viewer',
    });
    const token = await invitationTokenFor(ctx, 'invitee@example.com');
    const res = await as.manager!.client.post(`/api/v1/invitations/${token}/accept`);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/This invitation is for invitee@example.com/);
  });

  it('unauthenticated calls get 401', async () => {
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get(`/api/v1/workspaces/${ws}/programs`)).status).toBe(401);
    expect((await anonymous.get('/api/v1/me')).status).toBe(401);
  });
});

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('invitation links', () => {
  const invite = (email: string, role: string) =>
    owner.post(`/api/v1/workspaces/${ws}/invitations`, { email, role });
  const signUpAs = async (email: string) => {
    const client = new TestClient(ctx.app);
    const res = await client.post('/api/v1/signup', {
      name: 'Someone',
      email,
      password: 'correct horse battery',
    });
    expect(res.status).toBe(201);
    return client;
  };

  it('a viewer cannot accept a manager invitation with anything the members list and audit log show', async () => {
    const email = `new.manager-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const invited = await invite(email, 'manager');
    expect(invited.status).toBe(201);
    const viewer = as.viewer!.client;
    const members = await viewer.get(`/api/v1/workspaces/${ws}/members`);
    const audit = await viewer.get(`/api/v1/workspaces/${ws}/audit`);
    expect([members.status, audit.status]).toEqual([200, 200]);
    const seen = [...new Set([...stringsIn(members.body), ...stringsIn(audit.body)])].filter(Boolean);
    expect(seen).toContain(invited.body.id);
    const token = await invitationTokenFor(ctx, email);
    expect(seen.some((s) => s.includes(token))).toBe(false);

    // Sign-up does not verify email addresses, so the viewer can hold an account with the invited one.
    const impostor = await signUpAs(email);
    expect((await impostor.get(`/api/v1/invitations/${invited.body.id}`)).status).toBe(404);
    for (const guess of seen) {
      const res = await impostor.post(`/api/v1/invitations/${encodeURIComponent(guess)}/accept`);
      expect(res.status, `accepting with "${guess}"`).toBe(404);
    }
    const byId = await impostor.post(`/api/v1/invitations/${invited.body.id}/accept`);
    expect(byId.body.detail).toBe(
      'This invitation link is not valid. Ask whoever invited you for a new one.',
    );
    expect((await impostor.get('/api/v1/me')).body.workspaces).toEqual([]);
  });

  it('opens and accepts with the emailed token, once', async () => {
    const email = `once-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await invite(email, 'reviewer');
    const token = await invitationTokenFor(ctx, email);
    const page = await new TestClient(ctx.app).get(`/api/v1/invitations/${token}`);
    expect(page.body).toMatchObject({ email, role: 'reviewer', status: 'pending' });
    const invitee = await signUpAs(email);
    const first = await invitee.post(`/api/v1/invitations/${token}/accept`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: ws, role: 'reviewer' });
    const again = await invitee.post(`/api/v1/invitations/${token}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This invitation was already accepted.');
  });

  it('a revoked or replaced invitation link answers 409', async () => {
    const email = `revoked-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const first = await invite(email, 'viewer');
    const firstToken = await invitationTokenFor(ctx, email);
    await invite(email, 'viewer'); // a new invitation replaces the pending one
    const secondToken = await invitationTokenFor(ctx, email);
    expect(secondToken).not.toBe(firstToken);
    const pending = await owner.get(`/api/v1/workspaces/${ws}/members`);
    const second = pending.body.invitations.find((i: { email: string }) => i.email === email);
    expect(second.id).not.toBe(first.body.id);
    expect((await owner.delete(`/api/v1/workspaces/${ws}/invitations/${second.id}`)).status).toBe(204);

    const invitee = await signUpAs(email);
    for (const token of [firstToken, secondToken]) {
      const res = await invitee.post(`/api/v1/invitations/${token}/accept`);
      expect(res.status).toBe(409);
      expect(res.body.detail).toBe('This invitation was already revoked.');
    }
  });
});

describe('owner invitations', () => {
  it('are not shown in the outbox to admins, who could otherwise accept them as themselves', async () => {
    const email = `future-owner-${Date.now()}@example.com`;
    expect((await owner.post(`/api/v1/workspaces/${ws}/invitations`, { email, role: 'owner' })).status).toBe(
      201,
    );
    const seenByAdmin = await as.admin!.client.get(`/api/v1/workspaces/${ws}/outbox`);
    expect(seenByAdmin.body.items.some((m: { to: string }) => m.to === email)).toBe(false);
    const seenByOwner = await owner.get(`/api/v1/workspaces/${ws}/outbox`);
    expect(seenByOwner.body.items.some((m: { to: string }) => m.to === email)).toBe(true);
  });
});
