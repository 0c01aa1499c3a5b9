import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signUp, type TestContext } from '../harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('health and sign-up', () => {
  it('reports health with the database kind', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: expect.stringMatching(/^(pglite|postgres)$/) });
  });

  it('signs up a user with a workspace they own', async () => {
    const { client } = await signUp(ctx, { workspaceName: 'Glow Skincare' });
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ name: 'Glow Skincare', role: 'owner' })]);
  });
});
