// R1: the public application page — what a submission writes, what it refuses, and what it never reveals.
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/db/seed/demo';
import { application } from '../../src/server/modules/applications/applications.schema';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { outboxMessage } from '../../src/server/modules/outbox/outbox.schema';
import { ambassador, creator, socialAccount } from '../../src/server/modules/people/people.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { createTestContext, signUp, TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
let visitor: TestClient;

const questions = [
  { id: 'niche', label: 'Your niche', type: 'choice', required: true, options: ['Running', 'Cycling'] },
  { id: 'best-post', label: 'Your best post', type: 'url', required: true },
  { id: 'posts', label: 'Posts per month', type: 'number' },
];

function openForm(overrides: Record<string, unknown> = {}) {
  return {
    applicationForm: {
      open: true,
      headline: 'Run with us',
      intro: 'Join our runners. Details: https://example.com/program',
      questions,
      consentText: 'I agree that Stride may store my answers.',
      accentColor: '#e8590c',
      ...overrides,
    },
  };
}

let seq = 0;
function submission(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    name: `Applicant ${seq}`,
    email: `applicant${seq}@example.com`,
    country: 'de',
    handles: [{ platform: 'instagram', handle: `@runner_${seq}`, followers: 4200 }],
    answers: { niche: 'Running', 'best-post': 'https://instagram.com/p/abc', posts: 8 },
    consent: true,
    website: '',
    ...overrides,
  };
}

async function counts() {
  const db = ctx.services.database.db;
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    creators: await n(creator),
    accounts: await n(socialAccount),
    ambassadors: await n(ambassador),
    applications: await n(application),
    audits: await n(auditEvent),
    outbox: await n(outboxMessage),
  };
}

beforeAll(async () => {
  ctx = await createTestContext({ applyLimit: { max: 1000, windowMs: 60_000 } });
  ({ client, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Stride Shoes' }));
  visitor = new TestClient(ctx.app);
});
afterAll(async () => ctx.close());

describe('the public application page', () => {
  it('shows an open program’s page without a session, with brand, questions and platforms', async () => {
    const program = await createProgram(client, ws, {
      ...openForm(),
      persona: { platforms: ['instagram', 'tiktok'] },
    });
    const res = await visitor.get(`/api/v1/public/programs/${program.slug}/application`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      brandName: 'Stride Shoes',
      headline: 'Run with us',
      accentColor: '#e8590c',
      consentText: 'I agree that Stride may store my answers.',
      platforms: ['instagram', 'tiktok'],
      full: false,
    });
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(['niche', 'best-post', 'posts']);
    expect(res.body).not.toHaveProperty('workspaceId');
  });

  it('answers 404 for an unknown slug, a closed form and an archived program', async () => {
    const closed = await createProgram(client, ws, openForm({ open: false }));
    const archived = await createProgram(client, ws, { ...openForm(), status: 'archived' });
    for (const slug of ['no-such-program', closed.slug, archived.slug]) {
      expect((await visitor.get(`/api/v1/public/programs/${slug}/application`)).status).toBe(404);
      const before = await counts();
      const res = await visitor.post(`/api/v1/public/programs/${slug}/applications`, submission());
      expect(res.status).toBe(404);
      expect(await counts()).toEqual(before);
    }
  });
});

describe('applying', () => {
  it('writes the creator, accounts, an applied ambassador, the application, audit and the email in one go', async () => {
    const program = await createProgram(client, ws, openForm());
    const before = await counts();
    const input = submission({ email: 'Mia.Runner@Example.com', name: 'Mia Runner' });
    const res = await visitor.post(`/api/v1/public/programs/${program.slug}/applications`, input);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'received' });
    expect(res.body.message).toMatch(/reply by email/);

    const after = await counts();
    expect(after).toMatchObject({
      creators: before.creators + 1,
      accounts: before.accounts + 1,
      ambassadors: before.ambassadors + 1,
      applications: before.applications + 1,
      audits: before.audits + 3,
      outbox: before.outbox + 1,
    });

    const people = await client.get(`/api/v1/workspaces/${ws}/creators?q=Mia`);
    const mia = people.body.items[0];
    expect(mia).toMatchObject({ email: 'mia.runner@example.com', country: 'DE' });
    expect(mia.socialAccounts).toMatchObject([
      { platform: 'instagram', handle: input.handles[0]!.handle.slice(1) },
    ]);
    expect(mia.programs).toMatchObject([{ programId: program.id, stage: 'applied' }]);

    const list = await client.get(
      `/api/v1/workspaces/${ws}/applications?programId=${program.id}&ambassadorId=${mia.programs[0].ambassadorId}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      creatorId: mia.id,
      consentText: 'I agree that Stride may store my answers.',
      source: 'form',
      answers: [
        { questionId: 'niche', label: 'Your niche', type: 'choice', value: 'Running' },
        { questionId: 'best-post', type: 'url', value: 'https://instagram.com/p/abc' },
        { questionId: 'posts', type: 'number', value: 8 },
      ],
    });
    expect(Date.parse(list.body.items[0].consentedAt)).toBeGreaterThan(Date.now() - 60_000);

    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${mia.id}/timeline`);
    const actions = timeline.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['creator.created', 'ambassador.added', 'application.submitted']),
    );
    expect(timeline.body.items[0]).toMatchObject({
      actorType: 'system',
      actorName: 'Mia Runner (applicant)',
    });

    const outbox = await client.get(`/api/v1/workspaces/${ws}/outbox`);
    expect(outbox.body.items[0]).toMatchObject({
      to: 'mia.runner@example.com',
      kind: 'application.received',
    });
    expect(outbox.body.items[0].subject).toMatch(/^We received your application to Program \d+$/);
    expect(outbox.body.items[0].text).toMatch(/^Hello,[\s\S]*reply to this address[\s\S]*Stride Shoes/);
    // The address is unverified: nothing the applicant typed goes out in the brand's mail.
    expect(outbox.body.items[0].text).not.toContain('Mia Runner');
  });

  it('moves someone the brand invited to Applied when they apply, and stores their application', async () => {
    const program = await createProgram(client, ws, openForm());
    const invited = await createCreator(client, ws, { name: 'Invited Ivy', email: 'ivy@example.com' });
    const amb = await addToProgram(client, ws, program.id, invited.id, 'prospect');
    await walk(client, ws, amb.id, ['invited']);
    const before = await counts();
    const res = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ name: 'Invited Ivy', email: 'ivy@example.com' }),
    );
    expect(res.status).toBe(202);
    const after = await counts();
    expect(after.ambassadors).toBe(before.ambassadors);
    expect(after.applications).toBe(before.applications + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    const person = (await client.get(`/api/v1/workspaces/${ws}/creators/${invited.id}`)).body;
    expect(person.programs).toMatchObject([{ programId: program.id, stage: 'applied' }]);
    const apps = await client.get(`/api/v1/workspaces/${ws}/applications?ambassadorId=${amb.id}`);
    expect(apps.body.items).toHaveLength(1);
    // Applying again is now a repeat: same answer, nothing written.
    const again = await counts();
    const repeat = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ email: 'ivy@example.com' }),
    );
    expect(repeat.body).toEqual(res.body);
    expect(await counts()).toEqual(again);
  });

  it('reuses a creator the workspace already has (by email) without changing their record', async () => {
    const program = await createProgram(client, ws, openForm());
    const known = await createCreator(client, ws, { name: 'Known Person', email: 'known@example.com' });
    const before = await counts();
    const res = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ name: 'Someone Else', email: 'KNOWN@example.com' }),
    );
    expect(res.status).toBe(202);
    const after = await counts();
    expect(after.creators).toBe(before.creators);
    expect(after.accounts).toBe(before.accounts);
    expect(after.ambassadors).toBe(before.ambassadors + 1);
    const person = (await client.get(`/api/v1/workspaces/${ws}/creators/${known.id}`)).body;
    expect(person.name).toBe('Known Person');
    expect(person.programs).toMatchObject([{ programId: program.id, stage: 'applied' }]);
  });

  it('keeps a handle another creator holds in the application only, and notes it in the audit log', async () => {
    const program = await createProgram(client, ws, openForm());
    await createCreator(client, ws, {
      name: 'Handle Owner',
      socialAccounts: [{ platform: 'tiktok', handle: 'taken_handle', followers: 900 }],
    });
    const before = await counts();
    const res = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({
        name: 'Handle Claimer',
        handles: [
          { platform: 'tiktok', handle: 'Taken_Handle' },
          { platform: 'youtube', handle: 'fresh_channel', followers: 1200 },
        ],
      }),
    );
    expect(res.status).toBe(202);
    const after = await counts();
    expect(after.creators).toBe(before.creators + 1);
    expect(after.accounts).toBe(before.accounts + 1);
    const claimer = (await client.get(`/api/v1/workspaces/${ws}/creators?q=Handle Claimer`)).body.items[0];
    expect(claimer.socialAccounts).toMatchObject([{ platform: 'youtube', handle: 'fresh_channel' }]);
    const apps = await client.get(`/api/v1/workspaces/${ws}/applications?creatorId=${claimer.id}`);
    expect(apps.body.items[0].handles).toEqual([
      { platform: 'tiktok', handle: 'Taken_Handle', followers: null },
      { platform: 'youtube', handle: 'fresh_channel', followers: 1200 },
    ]);
    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${claimer.id}/timeline`);
    const submitted = timeline.body.items.find(
      (e: { action: string }) => e.action === 'application.submitted',
    );
    expect(submitted.reason).toMatch(/tiktok @Taken_Handle/);
  });

  it('answers a repeat application by the same email exactly like a first one, and writes nothing', async () => {
    const program = await createProgram(client, ws, openForm());
    const first = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ email: 'twice@example.com' }),
    );
    const before = await counts();
    const again = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ email: 'Twice@example.com', name: 'Changed Name' }),
    );
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
  });

  it('quietly drops a submission whose hidden field is filled in', async () => {
    const program = await createProgram(client, ws, openForm());
    const before = await counts();
    const res = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ website: 'https://spam.example' }),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'received' });
    expect(await counts()).toEqual(before);
  });

  it('waitlists applicants once every seat is taken, says so before and after, and emails a waitlist note', async () => {
    const program = await createProgram(client, ws, { ...openForm(), capacity: 1 });
    const seated = await createCreator(client, ws);
    const amb = await addToProgram(client, ws, program.id, seated.id, 'applied');
    await walk(client, ws, amb.id, ['accepted']);

    const page = await visitor.get(`/api/v1/public/programs/${program.slug}/application`);
    expect(page.body.full).toBe(true);
    const res = await visitor.post(
      `/api/v1/public/programs/${program.slug}/applications`,
      submission({ email: 'late@example.com', name: 'Late Larry' }),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'waitlisted' });
    expect(res.body.message).toMatch(/waitlist/);

    const larry = (await client.get(`/api/v1/workspaces/${ws}/creators?q=Late Larry`)).body.items[0];
    expect(larry.programs).toMatchObject([{ programId: program.id, stage: 'waitlisted' }]);
    const timeline = await client.get(`/api/v1/workspaces/${ws}/creators/${larry.id}/timeline`);
    const added = timeline.body.items.find((e: { action: string }) => e.action === 'ambassador.added');
    expect(added.reason).toMatch(/^program full/);
    const outbox = await client.get(`/api/v1/workspaces/${ws}/outbox`);
    const mail = outbox.body.items.find((m: { to: string }) => m.to === 'late@example.com');
    expect(mail).toMatchObject({ kind: 'application.waitlisted' });
    expect(mail.subject).toMatch(/waitlist/);
  });
});

describe('invalid applications name the field and write nothing', () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; field: string; message: RegExp }> = [
    { name: 'no name', input: { name: ' ' }, field: 'name', message: /required/ },
    { name: 'a bad email', input: { email: 'not-an-email' }, field: 'email', message: /valid email/ },
    { name: 'a bad country', input: { country: 'Germany' }, field: 'country', message: /two-letter/ },
    { name: 'no handles', input: { handles: [] }, field: 'handles', message: /at least one/ },
    {
      name: 'a bad handle',
      input: { handles: [{ platform: 'instagram', handle: 'has spaces' }] },
      field: 'handles.0.handle',
      message: /letters, digits/,
    },
    {
      name: 'an unknown platform',
      input: { handles: [{ platform: 'myspace', handle: 'tom' }] },
      field: 'handles.0.platform',
      message: /one of/,
    },
    {
      name: 'negative followers',
      input: { handles: [{ platform: 'instagram', handle: 'ok', followers: -5 }] },
      field: 'handles.0.followers',
      message: /negative/,
    },
    {
      name: 'the same handle twice',
      input: {
        handles: [
          { platform: 'instagram', handle: 'dup' },
          { platform: 'instagram', handle: '@DUP' },
        ],
      },
      field: 'handles.1.handle',
      message: /twice/,
    },
    { name: 'consent not given', input: { consent: false }, field: 'consent', message: /ticked/ },
    {
      name: 'a missing required answer',
      input: { answers: { 'best-post': 'https://x.example.com' } },
      field: 'answers.niche',
      message: /required/,
    },
    {
      name: 'a choice that is not an option',
      input: { answers: { niche: 'Swimming', 'best-post': 'https://x.example.com' } },
      field: 'answers.niche',
      message: /one of: Running, Cycling/,
    },
    {
      name: 'a URL that is not http(s)',
      input: { answers: { niche: 'Running', 'best-post': 'javascript:alert(1)' } },
      field: 'answers.best-post',
      message: /http\(s\)/,
    },
    {
      name: 'a number that is not a number',
      input: { answers: { niche: 'Running', 'best-post': 'https://x.example.com', posts: 'lots' } },
      field: 'answers.posts',
      message: /number/,
    },
    {
      name: 'an answer to a question that is not on the form',
      input: { answers: { niche: 'Running', 'best-post': 'https://x.example.com', shoe: '42' } },
      field: 'answers.shoe',
      message: /not a question/,
    },
  ];
  let slug: string;
  beforeAll(async () => {
    slug = (await createProgram(client, ws, openForm())).slug;
  });
  for (const c of cases) {
    it(c.name, async () => {
      const before = await counts();
      const res = await visitor.post(`/api/v1/public/programs/${slug}/applications`, submission(c.input));
      expect(res.status).toBe(422);
      const problem = res.body.problems.find((p: { field: string }) => p.field === c.field);
      expect(problem, JSON.stringify(res.body.problems)).toBeDefined();
      expect(problem.message).toMatch(c.message);
      expect(await counts()).toEqual(before);
    });
  }
});

describe('the team side', () => {
  it('saves the application page on its own, audited, and refuses invalid questions by field', async () => {
    const program = await createProgram(client, ws);
    const path = `/api/v1/workspaces/${ws}/programs/${program.id}/application-form`;
    const bad = await client.put(path, {
      open: true,
      questions: [{ id: 'pick', label: 'Pick one', type: 'choice', options: ['Only'] }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toMatchObject([{ field: 'questions.0.options' }]);

    const ok = await client.put(path, { ...openForm().applicationForm });
    expect(ok.status).toBe(200);
    const saved = (await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}`)).body;
    expect(saved.applicationForm).toMatchObject({ open: true, headline: 'Run with us' });
    expect((await visitor.get(`/api/v1/public/programs/${program.slug}/application`)).status).toBe(200);
    const audit = await client.get(`/api/v1/workspaces/${ws}/audit`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'program.application_form_opened',
      entityId: program.id,
      before: { open: false },
      after: { open: true },
    });
  });

  it('lists only the caller’s workspace’s applications', async () => {
    const other = await signUp(ctx);
    const res = await other.client.get(`/api/v1/workspaces/${other.workspaceId}/applications`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await other.client.get(`/api/v1/workspaces/${ws}/applications`)).status).toBe(404);
    expect((await visitor.get(`/api/v1/workspaces/${ws}/applications`)).status).toBe(401);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once one address has sent too many applications', async () => {
    const limited = await createTestContext({ applyLimit: { max: 2, windowMs: 60_000 } });
    try {
      const owner = await signUp(limited);
      const program = await createProgram(owner.client, owner.workspaceId, openForm());
      const anon = new TestClient(limited.app);
      const url = `/api/v1/public/programs/${program.slug}/applications`;
      expect((await anon.post(url, submission())).status).toBe(202);
      expect((await anon.post(url, submission())).status).toBe(202);
      const third = await anon.post(url, submission());
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('rate_limited');
      const retryAfter = Number(third.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Reading the page is not limited.
      expect((await anon.get(`/api/v1/public/programs/${program.slug}/application`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the demo workspace', () => {
  it('has an open application page with questions and applications from the people who applied', async () => {
    const demoCtx = await createTestContext();
    try {
      const demo = await seedDemo(demoCtx.services);
      const manager = new TestClient(demoCtx.app);
      await manager.post('/api/auth/sign-in/email', { email: demo.email, password: demo.password });
      const program = (await manager.get(`/api/v1/workspaces/${demo.workspaceId}/programs/${demo.programId}`))
        .body;
      const page = await new TestClient(demoCtx.app).get(
        `/api/v1/public/programs/${program.slug}/application`,
      );
      expect(page.status).toBe(200);
      expect(page.body.questions.length).toBeGreaterThanOrEqual(2);
      const apps = await manager.get(
        `/api/v1/workspaces/${demo.workspaceId}/applications?programId=${demo.programId}`,
      );
      expect(apps.body.items.length).toBeGreaterThanOrEqual(2);
      for (const a of apps.body.items)
        expect(
          a.answers.find((x: { questionId: string }) => x.questionId === 'skin-type').value,
        ).toBeTruthy();
    } finally {
      await demoCtx.close();
    }
  });
});
