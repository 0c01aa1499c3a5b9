import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBenchCreator } from '../../src/core/vetting/perf';
import { createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx));
});
afterAll(async () => ctx.close());

const small = () => {
  const creator = makeBenchCreator(7);
  return { ...creator, posts: (creator.posts ?? []).slice(0, 20) };
};

describe('vetting API', () => {
  it('vets a creator against a program, stores the report with its input, and links it to the creator', async () => {
    const program = await createProgram(client, ws, {
      persona: { countries: ['US'], platforms: ['instagram'], followerMin: 1000, followerMax: 100000 },
      competitors: ['Rival Skin'],
      exclusivityDays: 30,
    });
    const person = await createCreator(client, ws);
    const res = await client.post(`/api/v1/workspaces/${ws}/vetting/reports`, {
      input: small(),
      programId: program.id,
      creatorId: person.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^vet_/),
      creatorId: person.id,
      programId: program.id,
      engineVersion: expect.any(String),
      verdict: expect.stringMatching(/^(recommend|review|reject)$/),
    });
    expect(res.body.score).toBeGreaterThanOrEqual(0);
    expect(res.body.report.sections.comments.items.length).toBeGreaterThan(0);
    expect(res.body.report.sections.alignment).toBeDefined();

    const again = await client.get(`/api/v1/workspaces/${ws}/vetting/reports/${res.body.id}`);
    expect(again.body).toEqual(res.body);
    const list = await client.get(`/api/v1/workspaces/${ws}/vetting/reports?creatorId=${person.id}`);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
  });

  it('names the bad field of an invalid input', async () => {
    const res = await client.post(`/api/v1/workspaces/${ws}/vetting/reports`, {
      input: { platform: 'instagram', handle: 'someone', followers: 'lots' },
    });
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toEqual(['input.followers']);
  });

  it('vets a pool and reports cross-pool pod groups', async () => {
    const res = await client.post(`/api/v1/workspaces/${ws}/vetting/pools`, {
      inputs: [small(), makeBenchCreator(8)],
    });
    expect(res.status).toBe(201);
    expect(res.body.reports).toHaveLength(2);
    expect(Array.isArray(res.body.podGroups)).toBe(true);
  });

  it('lets reviewers vet and refuses viewers', async () => {
    const reviewer = await addMember(ctx, client, ws, 'reviewer');
    const viewer = await addMember(ctx, client, ws, 'viewer');
    const body = { input: { platform: 'tiktok', handle: 'x', followers: 5000 } };
    expect((await reviewer.client.post(`/api/v1/workspaces/${ws}/vetting/reports`, body)).status).toBe(201);
    expect((await viewer.client.post(`/api/v1/workspaces/${ws}/vetting/reports`, body)).status).toBe(403);
  });
});
