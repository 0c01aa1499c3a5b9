import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToProgram, createCreator, createProgram, moveStage, walk } from '../factories';
import { createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx));
});
afterAll(async () => ctx.close());

describe('pipeline stages', () => {
  it('moves an ambassador from prospect to active and audits every step', async () => {
    const program = await createProgram(client, ws);
    const person = await createCreator(client, ws);
    const amb = await addToProgram(client, ws, program.id, person.id);
    await walk(client, ws, amb.id, ['invited', 'applied', 'in_review', 'accepted', 'onboarding']);
    const last = await moveStage(client, ws, amb.id, 'active', 'Finished onboarding');
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ outcome: 'moved', ambassador: { stage: 'active' } });

    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${person.id}/timeline`);
    const changes = timeline.body.items
      .filter((e: { action: string }) => e.action === 'ambassador.stage_changed')
      .map(
        (e: { before: { stage: string }; after: { stage: string } }) => `${e.before.stage}→${e.after.stage}`,
      )
      .reverse();
    expect(changes).toEqual([
      'prospect→invited',
      'invited→applied',
      'applied→in_review',
      'in_review→accepted',
      'accepted→onboarding',
      'onboarding→active',
    ]);
    const newest = timeline.body.items[0];
    expect(newest).toMatchObject({ actorType: 'user', reason: 'Finished onboarding' });
    expect(newest.actorName).toBeTruthy();
  });

  it('serialises concurrent moves: each audit entry starts where the previous one ended', async () => {
    const program = await createProgram(client, ws);
    for (let round = 0; round < 5; round++) {
      const person = await createCreator(client, ws);
      const amb = await addToProgram(client, ws, program.id, person.id);
      // From prospect both moves are allowed, but applied → invited is not: whichever runs second must
      // see the first one's stage.
      const results = await Promise.all([
        moveStage(client, ws, amb.id, 'invited'),
        moveStage(client, ws, amb.id, 'applied'),
      ]);
      expect(results.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
      const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${person.id}/timeline`);
      const changes = timeline.body.items
        .filter((e: { action: string }) => e.action === 'ambassador.stage_changed')
        .reverse() as Array<{ before: { stage: string }; after: { stage: string } }>;
      let stage = 'prospect';
      for (const change of changes) {
        expect(change.before.stage).toBe(stage);
        stage = change.after.stage;
      }
      const board = await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}/ambassadors`);
      expect(board.body.items.find((a: { id: string }) => a.id === amb.id).stage).toBe(stage);
    }
  });

  it('refuses an illegal transition with a message naming the allowed stages', async () => {
    const program = await createProgram(client, ws);
    const person = await createCreator(client, ws);
    const amb = await addToProgram(client, ws, program.id, person.id);
    const res = await moveStage(client, ws, amb.id, 'active');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('illegal_transition');
    expect(res.body.detail).toBe(
      'Cannot move from "Prospect" to "Active". Allowed next stages: "Invited", "Applied", "Declined".',
    );
    const board = await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}/ambassadors`);
    expect(board.body.items[0].stage).toBe('prospect');
  });

  it('rejects an unknown stage naming the field', async () => {
    const program = await createProgram(client, ws);
    const amb = await addToProgram(client, ws, program.id, (await createCreator(client, ws)).id);
    const res = await moveStage(client, ws, amb.id, 'superstar');
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('to');
  });

  it('waitlists instead of accepting beyond capacity, and says why', async () => {
    const program = await createProgram(client, ws, { capacity: 2 });
    const ambs = [];
    for (let i = 0; i < 3; i++) {
      const amb = await addToProgram(client, ws, program.id, (await createCreator(client, ws)).id, 'applied');
      ambs.push(amb);
    }
    expect((await moveStage(client, ws, ambs[0]!.id, 'accepted')).body.outcome).toBe('moved');
    expect((await moveStage(client, ws, ambs[1]!.id, 'accepted')).body.outcome).toBe('moved');
    const third = await moveStage(client, ws, ambs[2]!.id, 'accepted');
    expect(third.status).toBe(200);
    expect(third.body.outcome).toBe('waitlisted');
    expect(third.body.ambassador.stage).toBe('waitlisted');
    expect(third.body.message).toMatch(/full \(2 of 2 seats taken\).*waitlisted instead of accepted/);

    const prg = await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}`);
    expect(prg.body.seatsTaken).toBe(2);
    expect(prg.body.stageCounts).toMatchObject({ accepted: 2, waitlisted: 1 });

    // Offboarding frees a seat, and the waitlisted person can then be accepted.
    await walk(client, ws, ambs[0]!.id, ['offboarded']);
    expect((await moveStage(client, ws, ambs[2]!.id, 'accepted')).body.outcome).toBe('moved');
  });

  it('holds capacity under concurrent accepts', async () => {
    const program = await createProgram(client, ws, { capacity: 1 });
    const ambs = await Promise.all(
      [0, 1, 2].map(async () =>
        addToProgram(client, ws, program.id, (await createCreator(client, ws)).id, 'applied'),
      ),
    );
    const results = await Promise.all(ambs.map((a) => moveStage(client, ws, a.id, 'accepted')));
    expect(results.map((r) => r.body.outcome).sort()).toEqual(['moved', 'waitlisted', 'waitlisted']);
  });

  it('refuses lowering capacity below the seats already taken', async () => {
    const program = await createProgram(client, ws, { capacity: 5 });
    for (let i = 0; i < 2; i++) {
      const amb = await addToProgram(client, ws, program.id, (await createCreator(client, ws)).id, 'applied');
      await walk(client, ws, amb.id, ['accepted']);
    }
    const current = await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}`);
    const {
      id: _i,
      slug: _s,
      seatsTaken: _t,
      stageCounts: _c,
      createdAt: _a,
      updatedAt: _u,
      ...input
    } = current.body;
    const res = await client.put(`/api/v1/workspaces/${ws}/programs/${program.id}`, {
      ...input,
      capacity: 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      { field: 'capacity', message: 'must be at least 2, the seats already taken' },
    ]);
  });

  it('refuses adding the same creator to a program twice', async () => {
    const program = await createProgram(client, ws);
    const person = await createCreator(client, ws);
    await addToProgram(client, ws, program.id, person.id);
    const res = await client.post(`/api/v1/workspaces/${ws}/programs/${program.id}/ambassadors`, {
      creatorId: person.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/is already in Program \d+ \(stage: Prospect\)/);
  });
});
