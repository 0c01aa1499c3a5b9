import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreator } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';
import { makeSpammyCreator } from '../vetting-fixtures';

let ctx: TestContext;
let client: TestClient;
let ws: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx, { name: 'Ana Owner' }));
});
afterAll(async () => ctx.close());

const spamKey = 'comments:comments.mostly-spam:0';
const spikeKey = 'growth:growth.spike-then-flat:0';

interface Flag {
  key: string;
  code: string;
  overridden?: { reason: string; by: string; at: string };
}

/** A stored report of a spammy creator linked to a new creator record. */
async function vetSpammyCreator() {
  const person = await createCreator(client, ws);
  const res = await client.post(`/api/v1/workspaces/${ws}/vetting/reports`, {
    input: makeSpammyCreator(),
    creatorId: person.id,
  });
  expect(res.status).toBe(201);
  return { creatorId: person.id as string, report: res.body };
}

const overridesPath = (reportId: string) => `/api/v1/workspaces/${ws}/vetting/reports/${reportId}/overrides`;

describe('vetting flag overrides', () => {
  it('sets a flag aside with a reason: score and verdict recomputed, original kept, audited on the creator', async () => {
    const { creatorId, report } = await vetSpammyCreator();
    expect(report).toMatchObject({ score: 0, verdict: 'reject', originalScore: 0, overrides: [] });
    expect(report.report.flags.map((f: Flag) => f.key)).toContain(spamKey);

    const res = await client.post(overridesPath(report.id), {
      flagKey: spamKey,
      reason: 'Comments were bought by a competitor to smear her; we checked the accounts',
    });
    expect(res.status).toBe(201);
    // Two criticals and three warnings cost 100; without the spam flag one critical and three warnings cost 65.
    expect(res.body).toMatchObject({
      score: 35,
      verdict: 'reject',
      originalScore: 0,
      originalVerdict: 'reject',
    });
    expect(res.body.overrides).toEqual([
      expect.objectContaining({
        flagKey: spamKey,
        by: 'Ana Owner',
        reason: expect.stringContaining('smear'),
      }),
    ]);
    const flag = res.body.report.flags.find((f: Flag) => f.key === spamKey);
    expect(flag.overridden).toMatchObject({ by: 'Ana Owner', reason: expect.stringContaining('smear') });

    const again = await client.get(`/api/v1/workspaces/${ws}/vetting/reports/${report.id}`);
    expect(again.body).toEqual(res.body);
    expect(again.body.input.handle).toBe('spammy.glow');
    const list = await client.get(`/api/v1/workspaces/${ws}/vetting/reports?creatorId=${creatorId}`);
    expect(list.body.items[0]).toMatchObject({ id: report.id, score: 35, originalScore: 0 });

    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`);
    const event = timeline.body.items.find((e: { action: string }) => e.action === 'vetting.flag_overridden');
    expect(event).toMatchObject({
      entityId: report.id,
      actorName: 'Ana Owner',
      reason: expect.stringContaining('smear'),
      before: { score: 0 },
      after: { score: 35, flagKey: spamKey, code: 'comments.mostly-spam' },
    });
    expect(timeline.body.items.map((e: { action: string }) => e.action)).toContain('vetting.report_created');
  });

  it('restores a flag when its override is deleted', async () => {
    const { creatorId, report } = await vetSpammyCreator();
    await client.post(overridesPath(report.id), { flagKey: spamKey, reason: 'Checked the comments by hand' });
    const two = await client.post(overridesPath(report.id), {
      flagKey: spikeKey,
      reason: 'TV feature that week',
    });
    expect(two.body).toMatchObject({ score: 70, verdict: 'recommend' });
    const spikeOverride = two.body.overrides.find((o: { flagKey: string }) => o.flagKey === spikeKey);

    const res = await client.delete(`${overridesPath(report.id)}/${spikeOverride.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ score: 35, verdict: 'reject' });
    expect(res.body.overrides.map((o: { flagKey: string }) => o.flagKey)).toEqual([spamKey]);
    expect(res.body.report.flags.find((f: Flag) => f.key === spikeKey).overridden).toBeUndefined();

    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({
      action: 'vetting.flag_restored',
      after: { score: 35, flagKey: spikeKey },
    });
    expect((await client.delete(`${overridesPath(report.id)}/${spikeOverride.id}`)).status).toBe(404);
  });

  it('refuses a flag key the report does not have, naming flagKey, and writes nothing', async () => {
    const { creatorId, report } = await vetSpammyCreator();
    const res = await client.post(overridesPath(report.id), {
      flagKey: 'growth:growth.spike-then-flat:3',
      reason: 'Not a real flag',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toEqual(['flagKey']);

    const short = await client.post(overridesPath(report.id), { flagKey: spamKey, reason: 'meh' });
    expect(short.status).toBe(422);
    expect(short.body.problems.map((p: { field: string }) => p.field)).toEqual(['reason']);

    const again = await client.get(`/api/v1/workspaces/${ws}/vetting/reports/${report.id}`);
    expect(again.body).toMatchObject({ score: 0, overrides: [] });
    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${creatorId}/timeline`);
    expect(timeline.body.items.map((e: { action: string }) => e.action)).toEqual([
      'vetting.report_created',
      'creator.created',
    ]);
  });

  it('refuses a second override of the same flag', async () => {
    const { report } = await vetSpammyCreator();
    await client.post(overridesPath(report.id), { flagKey: spamKey, reason: 'Checked by hand' });
    const res = await client.post(overridesPath(report.id), { flagKey: spamKey, reason: 'Checked again' });
    expect(res.status).toBe(409);
  });

  it('hides reports of other workspaces and refuses viewers', async () => {
    const { report } = await vetSpammyCreator();
    const other = await signUp(ctx);
    const foreign = await other.client.post(
      `/api/v1/workspaces/${other.workspaceId}/vetting/reports/${report.id}/overrides`,
      {
        flagKey: spamKey,
        reason: 'Trying from another tenant',
      },
    );
    expect(foreign.status).toBe(404);
    expect(
      (await other.client.post(overridesPath(report.id), { flagKey: spamKey, reason: 'Not a member here' }))
        .status,
    ).toBe(404);

    const viewer = await addMember(ctx, client, ws, 'viewer');
    const refused = await viewer.client.post(overridesPath(report.id), {
      flagKey: spamKey,
      reason: 'Viewers may not',
    });
    expect(refused.status).toBe(403);
    const reviewer = await addMember(ctx, client, ws, 'reviewer');
    const allowed = await reviewer.client.post(overridesPath(report.id), {
      flagKey: spamKey,
      reason: 'Reviewers may',
    });
    expect(allowed.status).toBe(201);
    expect(
      (await viewer.client.delete(`${overridesPath(report.id)}/${allowed.body.overrides[0].id}`)).status,
    ).toBe(403);
    const after = await client.get(`/api/v1/workspaces/${ws}/vetting/reports/${report.id}`);
    expect(after.body.overrides).toHaveLength(1);
  });
});
