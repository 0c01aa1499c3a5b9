import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToProgram, createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

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
    const invite = await owner.post(`/api/v1/workspaces/${ws}/invitations`, {
      email: 'invitee@example.com',
      role: 'viewer',
    });
    const res = await as.manager!.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/This invitation is for invitee@example.com/);
  });

  it('unauthenticated calls get 401', async () => {
    const { TestClient } = await import('../harness');
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get(`/api/v1/workspaces/${ws}/programs`)).status).toBe(401);
    expect((await anonymous.get('/api/v1/me')).status).toBe(401);
  });
});
