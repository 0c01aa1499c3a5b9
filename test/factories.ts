// Small factories for API tests: build real records through the real API.
import type { TestClient } from './harness';

let n = 0;

export async function createProgram(
  client: TestClient,
  workspaceId: string,
  overrides: Record<string, unknown> = {},
) {
  n++;
  const res = await client.post(`/api/v1/workspaces/${workspaceId}/programs`, {
    name: `Program ${n}`,
    objective: 'sales',
    status: 'active',
    why: 'Grow sales through people who already love us.',
    capacity: null,
    tiers: [{ name: 'Nano', followerMin: 1000, followerMax: 10000 }],
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create program failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; tiers: Array<{ id: string }> };
}

export async function createCreator(
  client: TestClient,
  workspaceId: string,
  overrides: Record<string, unknown> = {},
) {
  n++;
  const res = await client.post(`/api/v1/workspaces/${workspaceId}/creators`, {
    name: `Creator ${n}`,
    email: `creator${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    socialAccounts: [
      {
        platform: 'instagram',
        handle: `creator_${n}_${Math.random().toString(36).slice(2, 6)}`,
        followers: 5000 + n,
      },
    ],
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create creator failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; email: string };
}

export async function addToProgram(
  client: TestClient,
  workspaceId: string,
  programId: string,
  creatorId: string,
  stage = 'prospect',
) {
  const res = await client.post(`/api/v1/workspaces/${workspaceId}/programs/${programId}/ambassadors`, {
    creatorId,
    stage,
  });
  if (res.status !== 201) throw new Error(`add ambassador failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; stage: string };
}

export async function moveStage(
  client: TestClient,
  workspaceId: string,
  ambassadorId: string,
  to: string,
  reason = '',
) {
  return client.post(`/api/v1/workspaces/${workspaceId}/ambassadors/${ambassadorId}/stage`, { to, reason });
}

/** Walks an ambassador along a path of stages, failing loudly on the first refusal. */
export async function walk(client: TestClient, workspaceId: string, ambassadorId: string, path: string[]) {
  for (const to of path) {
    const res = await moveStage(client, workspaceId, ambassadorId, to);
    if (res.status !== 200)
      throw new Error(`move to ${to} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
