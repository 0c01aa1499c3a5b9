// The demo workspace: what a new user sees after `troupe serve` on an empty database (PRODUCT I4, R6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { stages } from '../../src/core/pipeline/stages';
import {
  buildDemoCreators,
  type DemoSeedResult,
  findDemoUser,
  seedDemo,
} from '../../src/server/db/seed/demo';
import { demoPath, demoPeople } from '../../src/server/db/seed/demo-data';
import { systemScope } from '../../src/server/lib/scope';
import { listWorkspaceAudit } from '../../src/server/modules/audit/audit.service';
import { listAmbassadors } from '../../src/server/modules/people/ambassadors.service';
import { listCreators } from '../../src/server/modules/people/creators.service';
import { getProgramOrThrow } from '../../src/server/modules/programs/programs.service';
import { createTestContext, TestClient, type TestContext } from '../harness';
import { bufferIo } from './buffer-io';

let ctx: TestContext;
let demo: DemoSeedResult;
let seedSeconds: number;
beforeAll(async () => {
  ctx = await createTestContext();
  const started = performance.now();
  demo = await seedDemo(ctx.services);
  seedSeconds = (performance.now() - started) / 1000;
});
afterAll(async () => ctx.close());

const scope = () => systemScope(demo.workspaceId);

describe('the demo people', () => {
  it('are the same every time, with unique emails and handles and micro-sized audiences', () => {
    const people = buildDemoCreators();
    expect(buildDemoCreators()).toEqual(people);
    expect(people).toHaveLength(40);
    expect(new Set(people.map((p) => p.email)).size).toBe(40);
    const handles = people.flatMap((p) => p.accounts.map((a) => `${a.platform}:${a.handle}`));
    expect(new Set(handles).size).toBe(handles.length);
    for (const p of people) {
      expect(p.email).toMatch(/^[a-z.]+@example\.(com|org)$/);
      const top = Math.max(...p.accounts.map((a) => a.followers));
      expect(top).toBeGreaterThanOrEqual(1000);
      expect(top).toBeLessThanOrEqual(100000);
    }
  });
});

describe('the demo seed', () => {
  it('creates "Glow & Co." with a fully described program and 40 creators, in a few seconds', async () => {
    expect(demo).toMatchObject({
      email: 'demo@troupe.local',
      password: 'troupe-demo-2026',
      workspaceName: 'Glow & Co.',
    });
    const { db } = ctx.services.database;
    const creators = await listCreators(db, scope(), { limit: 500, offset: 0 });
    expect(creators.total).toBe(40);
    for (const c of creators.items) {
      expect(c.email).toMatch(/@example\.(com|org)$/);
      expect(c.socialAccounts.length).toBeGreaterThan(0);
      for (const a of c.socialAccounts) expect(a.followers).toBeGreaterThanOrEqual(100);
    }
    expect(new Set(creators.items.map((c) => c.country)).size).toBeGreaterThanOrEqual(5);

    const program = await getProgramOrThrow(db, scope(), demo.programId);
    expect(program.why.length).toBeGreaterThan(50);
    expect(program.kpiTargets.business.length).toBeGreaterThan(0);
    expect(program.kpiTargets.marketing.length).toBeGreaterThan(0);
    expect(program.kpiTargets.content.length).toBeGreaterThan(0);
    expect(program.persona).toMatchObject({ followerMin: 1000, followerMax: 100000 });
    expect(program.tiers.map((t) => t.name)).toEqual(['Nano', 'Micro', 'Rising']);
    expect(program.cadence).toEqual([
      { format: 'feed', perMonth: 2 },
      { format: 'story', perMonth: 4 },
    ]);
    expect(program.exclusivityDays).toBe(30);
    expect(seedSeconds).toBeLessThan(20); // generous for loaded CI machines; typically 2–4 s on PGlite
  });

  it('puts people in every pipeline stage without exceeding the capacity', async () => {
    const program = await getProgramOrThrow(ctx.services.database.db, scope(), demo.programId);
    for (const stage of stages) expect(program.stageCounts[stage] ?? 0, stage).toBeGreaterThan(0);
    expect(program.seatsTaken).toBeLessThanOrEqual(program.capacity!);
    const ambassadors = await listAmbassadors(ctx.services.database.db, scope(), demo.programId);
    expect(ambassadors).toHaveLength(40);
    expect(ambassadors.every((a) => a.tierId !== null)).toBe(true);
    expect(ambassadors.find((a) => a.creator.email === 'ambassador@example.com')?.stage).toBe('active');
  });

  it('records an audit event with a reason for every stage change, in order', async () => {
    const { db } = ctx.services.database;
    const ambassadors = await listAmbassadors(db, scope(), demo.programId);
    const events = (await listWorkspaceAudit(db, scope(), 5000)).filter(
      (e) => e.action === 'ambassador.stage_changed',
    );
    for (const person of demoPeople) {
      const amb = ambassadors.find((a) => a.creator.name === person.name)!;
      const moves = events
        .filter((e) => e.entityId === amb.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((e) => ({
          from: (e.before as { stage: string }).stage,
          to: (e.after as { stage: string }).stage,
          reason: e.reason,
          actor: e.actorName,
        }));
      const { entry, steps } = demoPath(person);
      expect(
        moves.map((m) => m.to),
        person.name,
      ).toEqual(steps);
      expect(
        moves.map((m) => m.from),
        person.name,
      ).toEqual([entry, ...steps].slice(0, steps.length));
      for (const m of moves) {
        expect(m.reason.length, `${person.name} ${m.from}→${m.to}`).toBeGreaterThan(10);
        expect(m.actor).toBe('Maya Reyes');
      }
      expect(amb.stage).toBe(steps.at(-1) ?? entry);
    }
  });

  it('lets the demo manager sign in and see the workspace', async () => {
    const client = new TestClient(ctx.app);
    const signIn = await client.post('/api/auth/sign-in/email', {
      email: demo.email,
      password: demo.password,
    });
    expect(signIn.status).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ name: 'Glow & Co.', role: 'owner' })]);
  });

  it('`troupe seed --demo` says the demo exists and changes nothing the second time', async () => {
    const b = bufferIo();
    const code = await run(['seed', '--demo'], b.io, { services: ctx.services });
    expect(code).toBe(0);
    expect(b.stdout()).toContain('The demo user demo@troupe.local already exists; nothing was changed.');
    expect(b.stdout()).toContain('demo@troupe.local / troupe-demo-2026');
    const creators = await listCreators(ctx.services.database.db, scope(), { limit: 1, offset: 0 });
    expect(creators.total).toBe(40);
    expect(await findDemoUser(ctx.services.database.db)).not.toBeNull();
  });
});
