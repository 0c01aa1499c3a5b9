// Cadence (B6): requirement vs delivered per active ambassador and for the cohort, and reminders to those
// behind — by hand from the cadence page, and by the sweep near month end, once per month, over real SMTP.
import { and, count, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCadenceReminders } from '../../src/server/modules/library/cadence.service';
import { cadenceReminder } from '../../src/server/modules/library/library.schema';
import { outboxMessage } from '../../src/server/modules/outbox/outbox.schema';
import { addToProgram, createCreator, walk } from '../factories';
import type { TestContext } from '../harness';
import { approved, type Brand, createLibraryContext, setUpBrand } from './library-setup';

let ctx: TestContext;
let brand: Brand;
let server: SMTPServer;
const received: Array<{ to: string; data: string }> = [];
const base = () => `/api/v1/workspaces/${brand.ws}`;

async function published(who: number, format: 'feed' | 'reel', publishedAt: string, b: Brand = brand) {
  const { submissionId } = await approved(ctx, b, who, {
    format,
    submittedAt: new Date('2025-01-01T00:00:00Z'),
  });
  const res = await b.client.put(`/api/v1/workspaces/${b.ws}/submissions/${submissionId}/publication`, {
    postUrl: `https://www.instagram.com/p/${submissionId}/`,
    publishedAt,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  ctx = await createLibraryContext({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  // Program: 2 feed posts + 1 reel a month. Jane delivers all of March 2025; Omar one feed post; Lea nothing.
  brand = await setUpBrand(ctx, { people: 3 });
  await published(0, 'feed', '2025-03-03T10:00:00Z');
  await published(0, 'feed', '2025-03-12T10:00:00Z');
  await published(0, 'reel', '2025-03-20T10:00:00Z');
  await published(1, 'feed', '2025-03-04T10:00:00Z');
  await published(1, 'feed', '2025-02-27T10:00:00Z'); // February: does not count for March
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the cadence report', () => {
  it('compares each active ambassador with the requirement for a past month', async () => {
    const res = await brand.client.get(`${base()}/programs/${brand.programId}/cadence?month=2025-03`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2025-03', period: 'past', daysInMonth: 31, elapsedDays: 31 });
    const byName = Object.fromEntries(
      res.body.ambassadors.map(
        (a: { name: string; status: string; delivered: number; remaining: number }) => [
          a.name,
          [a.status, a.delivered, a.remaining],
        ],
      ),
    );
    expect(byName).toEqual({
      'Jane Doe': ['met', 3, 0],
      'Omar Haddad': ['behind', 1, 2],
      'Lea Martin': ['behind', 0, 3],
    });
    expect(res.body.cohort).toEqual([
      { format: 'feed', required: 6, delivered: 3, expectedByNow: 6, status: 'behind' },
      { format: 'reel', required: 3, delivered: 1, expectedByNow: 3, status: 'behind' },
    ]);
    expect(res.body.behind.map((a: { name: string }) => a.name)).toEqual(['Lea Martin', 'Omar Haddad']);
  });

  it('leaves out ambassadors who are not active', async () => {
    const paused = await createCreator(brand.client, brand.ws, { name: 'Paula Paused' });
    const amb = await addToProgram(brand.client, brand.ws, brand.programId, paused.id, 'applied');
    await walk(brand.client, brand.ws, amb.id, ['accepted', 'onboarding', 'active', 'paused']);
    const res = await brand.client.get(`${base()}/programs/${brand.programId}/cadence?month=2025-03`);
    expect(res.body.ambassadors.map((a: { name: string }) => a.name)).not.toContain('Paula Paused');
  });

  it('defaults to the current month, pro-rated by the day', async () => {
    const res = await brand.client.get(`${base()}/programs/${brand.programId}/cadence`);
    const now = new Date();
    expect(res.body).toMatchObject({
      month: now.toISOString().slice(0, 7),
      period: 'current',
      elapsedDays: now.getUTCDate(),
    });
  });

  it.each(['2025-13', 'March', '2025-3'])('refuses month=%s naming the field', async (month) => {
    const res = await brand.client.get(`${base()}/programs/${brand.programId}/cadence?month=${month}`);
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('query.month');
  });

  it('answers 404 for a program of another workspace', async () => {
    const other = await setUpBrand(ctx, { workspaceName: 'Other Brand', people: 0 });
    const res = await brand.client.get(`${base()}/programs/${other.programId}/cadence`);
    expect(res.status).toBe(404);
  });
});

describe('the reminder sweep', () => {
  const reminders = async (month: string) => {
    const [n] = await ctx.services.database.db
      .select({ n: count() })
      .from(cadenceReminder)
      .where(and(eq(cadenceReminder.workspaceId, brand.ws), eq(cadenceReminder.month, month)));
    return n!.n;
  };
  const run = (now: string) =>
    runCadenceReminders(
      ctx.services.database.db,
      ctx.services.mailer,
      'http://localhost:3000/portal',
      new Date(now),
    );

  it('does nothing earlier than 5 days before month end', async () => {
    expect(await run('2025-03-25T12:00:00Z')).toBe(0);
    expect(await reminders('2025-03')).toBe(0);
  });

  it('emails an ambassador behind, over SMTP, from 5 days before month end', async () => {
    // 26 March: one feed post is due (2 × 26/31 rounds down to 1), the reel not yet: only Lea is behind.
    expect(await run('2025-03-26T12:00:00Z')).toBe(1);
    const lea = brand.people[2]!;
    const mail = received.find((m) => m.to === lea.email);
    expect(mail?.data).toContain('Subject: Glow Ambassadors: 3 more pieces for March 2025');
    const body = mail!.data.replace(/=\r?\n/g, '');
    expect(body).toContain('Hi Lea,');
    expect(body).toContain('we agreed on 2 feed posts, 1 reel a month');
    expect(body).toContain('So far in March 2025 we have nothing published yet, with 5 days to go');
    expect(received.map((m) => m.to)).not.toContain(brand.people[0]!.email);
    const [row] = await ctx.services.database.db
      .select()
      .from(outboxMessage)
      .where(and(eq(outboxMessage.to, lea.email), eq(outboxMessage.kind, 'cadence.reminder')));
    expect(row).toMatchObject({ status: 'sent', workspaceId: brand.ws });
  });

  it('reminds whoever falls behind later in the month, and nobody twice', async () => {
    expect(await run('2025-03-29T12:00:00Z')).toBe(0);
    // The last day: everything is due, so Omar (1 feed post, no reel) is now behind.
    expect(await run('2025-03-31T08:00:00Z')).toBe(1);
    const omar = brand.people[1]!;
    const body = received.find((m) => m.to === omar.email)!.data.replace(/=\r?\n/g, '');
    expect(body).toContain('Subject: Glow Ambassadors: 2 more pieces for March 2025');
    expect(body).toContain('So far in March 2025 we have 1 feed post.');
    const before = received.length;
    expect(await run('2025-03-31T23:00:00Z')).toBe(0);
    expect(received.length).toBe(before);
    expect(await reminders('2025-03')).toBe(2);
  });

  it('shows when each was reminded', async () => {
    const res = await brand.client.get(`${base()}/programs/${brand.programId}/cadence?month=2025-03`);
    const lea = res.body.ambassadors.find((a: { name: string }) => a.name === 'Lea Martin');
    expect(lea.remindedAt).toEqual(expect.any(String));
    expect(res.body.ambassadors.find((a: { name: string }) => a.name === 'Jane Doe').remindedAt).toBeNull();
  });

  it('reminds again the next month', async () => {
    expect(await run('2025-04-27T12:00:00Z')).toBe(3);
    expect(await reminders('2025-04')).toBe(3);
  });
});

describe('sending a reminder from the cadence page', () => {
  let busy: Brand;
  beforeAll(async () => {
    // 60 feed posts a month: from day 1 at least one is due, so anyone with none this month is behind.
    busy = await setUpBrand(ctx, {
      workspaceName: 'Busy Brand',
      people: 2,
      programOverrides: { cadence: [{ format: 'feed', perMonth: 60 }] },
    });
  });
  const send = (ambassadorIds: string[]) =>
    busy.client.post(`/api/v1/workspaces/${busy.ws}/programs/${busy.programId}/cadence/reminders`, {
      ambassadorIds,
    });

  it('emails the chosen ambassador once this month and says why others were skipped', async () => {
    const [jane, omar] = busy.people;
    const first = await send([jane!.ambassadorId, 'amb_unknown']);
    expect(first.status).toBe(200);
    expect(first.body.sent.map((s: { ambassadorId: string }) => s.ambassadorId)).toEqual([
      jane!.ambassadorId,
    ]);
    expect(first.body.skipped).toEqual([
      { ambassadorId: 'amb_unknown', reason: 'is not an active ambassador of this program' },
    ]);
    expect(received.some((m) => m.to === jane!.email)).toBe(true);
    const again = await send([jane!.ambassadorId, omar!.ambassadorId]);
    expect(again.body.sent.map((s: { ambassadorId: string }) => s.ambassadorId)).toEqual([
      omar!.ambassadorId,
    ]);
    expect(again.body.skipped).toEqual([
      {
        ambassadorId: jane!.ambassadorId,
        reason: `was already reminded for ${new Date().toISOString().slice(0, 7)}`,
      },
    ]);
  });

  it('needs content.write', async () => {
    const { addMember } = await import('../harness');
    const viewer = await addMember(ctx, busy.client, busy.ws, 'viewer');
    const res = await viewer.client.post(
      `/api/v1/workspaces/${busy.ws}/programs/${busy.programId}/cadence/reminders`,
      { ambassadorIds: [busy.people[0]!.ambassadorId] },
    );
    expect(res.status).toBe(403);
  });
});
