// better-auth's AsyncLocalStorage instances turn Node's async hooks off once no auth call is running
// (src/server/modules/auth/async-storage.ts), so redirects served after a sign-in do not pay for them.
import { AsyncResource } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { getCurrentAuthContextAsyncLocalStorage } from '@better-auth/core/context';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authStorageStats } from '../../src/server/modules/auth/async-storage';
import { createTestContext, signUp, type TestContext } from '../harness';

/**
 * Whether async hooks carry an AsyncLocalStorage context along right now: while they do, Node 20 gives
 * every new async resource a `kResourceStore` property.
 */
function contextIsCarried(): boolean {
  const probe = new AsyncResource('probe');
  return Object.getOwnPropertySymbols(probe).some((s) => s.description === 'kResourceStore');
}
const idle = () => vi.waitFor(() => expect(contextIsCarried()).toBe(false), { timeout: 5_000 });

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe("better-auth's async context", () => {
  it('is carried only while auth calls run, and better-auth still works', async () => {
    const runsBefore = authStorageStats.runs;
    const { client } = await signUp(ctx, { workspaceName: 'Glow Skincare' });
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect(authStorageStats.runs).toBeGreaterThan(runsBefore);
    await idle();
    // Turned on again by the next call: the session is still read.
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ name: 'Glow Skincare' })]);
    await idle();
  });

  it('stays on while any call runs, however long, and each call keeps its own store', async () => {
    const storage = await getCurrentAuthContextAsyncLocalStorage();
    const seen: unknown[] = [];
    const long = storage.run({ call: 'long' } as never, async () => {
      await sleep(1_500);
      seen.push(storage.getStore());
    });
    await storage.run({ call: 'short' } as never, async () => {
      await sleep(10);
      seen.push(storage.getStore());
    });
    if (process.versions.node.startsWith('20.')) expect(contextIsCarried()).toBe(true);
    await long;
    expect(seen).toEqual([{ call: 'short' }, { call: 'long' }]);
    await idle();
    expect(storage.getStore()).toBeUndefined();
  });
});
