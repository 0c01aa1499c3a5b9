import { count, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { outboxMessage } from '../../src/server/modules/outbox/outbox.schema';
import { outreachMessage } from '../../src/server/modules/outreach/outreach.schema';
import { createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
let programId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Skincare' }));
  programId = (await createProgram(client, ws, { name: 'Glow Ambassadors' })).id;
});
afterAll(async () => ctx.close());

const base = () => `/api/v1/workspaces/${ws}/outreach`;
const templateBody = {
  name: 'Warm invite',
  subject: '{{firstName}}, join {{programName}}?',
  body: 'Hi {{ firstName }} ({{handle}} on {{platform}}), we loved {{recentPost}}. {{offer.product}}, {{offer.fee}} and {{offer.commission}} commission. — {{brandName}}',
  offer: { feeMinor: 15000, currency: 'eur', commissionPercent: 10, product: 'Our serum kit' },
  followUpDays: 5,
  followUpBody: 'Hi {{firstName}}, just checking you saw our note about {{programName}}.',
};
const createTemplate = async (overrides: Record<string, unknown> = {}) => {
  const res = await client.post(`${base()}/templates`, { ...templateBody, programId, ...overrides });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
const rowCounts = async () => {
  const { db } = ctx.services.database;
  const [m] = await db
    .select({ n: count() })
    .from(outreachMessage)
    .where(eq(outreachMessage.workspaceId, ws));
  const [o] = await db.select({ n: count() }).from(outboxMessage).where(eq(outboxMessage.workspaceId, ws));
  return { messages: m!.n, outbox: o!.n };
};
let janes = 0;
/** A creator named Jane Doe with a unique Instagram handle. */
const jane = async () => {
  const handle = `janeglows${++janes}`;
  return {
    ...(await createCreator(client, ws, {
      name: 'Jane Doe',
      socialAccounts: [{ platform: 'instagram', handle, followers: 9000 }],
    })),
    handle,
  };
};

describe('outreach templates', () => {
  it('refuses an unknown merge field at save, naming it and the part it is in', async () => {
    const res = await client.post(`${base()}/templates`, {
      ...templateBody,
      body: 'Hi {{frstName}}, {{recentPost}}',
      followUpBody: 'Still {{ offer.price }}?',
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      { field: 'body', message: expect.stringContaining('{{frstName}} is not a merge field') },
      { field: 'followUpBody', message: expect.stringContaining('{{offer.price}} is not a merge field') },
    ]);
    const list = await client.get(`${base()}/templates`);
    expect(list.body.items.map((t: { body: string }) => t.body)).not.toContain(
      'Hi {{frstName}}, {{recentPost}}',
    );
  });

  it('updates and deletes a template', async () => {
    const t = await createTemplate();
    const updated = await client.put(`${base()}/templates/${t.id}`, { ...templateBody, name: 'Renamed' });
    expect(updated.body).toMatchObject({ name: 'Renamed', programId: null, offer: { currency: 'EUR' } });
    expect((await client.delete(`${base()}/templates/${t.id}`)).status).toBe(204);
    expect((await client.get(`${base()}/templates/${t.id}`)).status).toBe(404);
  });
});

describe('sending outreach', () => {
  it('previews each recipient with their unfilled placeholders', async () => {
    const t = await createTemplate();
    const person = await jane();
    const res = await client.post(`${base()}/preview`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id }],
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      name: 'Jane Doe',
      subject: 'Jane, join Glow Ambassadors?',
      body: `Hi Jane (@${person.handle} on Instagram), we loved {{recentPost}}. Our serum kit, €150.00 and 10% commission. — Glow Skincare`,
      unfilled: ['recentPost'],
      recentPostSuggestion: null,
    });
  });

  it('prefills the personal line from the latest vetting report’s most recent post', async () => {
    const t = await createTemplate();
    const person = await jane();
    await client.post(`/api/v1/workspaces/${ws}/vetting/reports`, {
      creatorId: person.id,
      input: {
        platform: 'instagram',
        handle: person.handle,
        followers: 9000,
        posts: [
          { id: 'old', postedAt: '2025-01-01T10:00:00Z', caption: 'Old news' },
          { id: 'new', postedAt: '2025-03-01T10:00:00Z', caption: 'My 5-step glow routine' },
        ],
      },
    });
    const res = await client.post(`${base()}/preview`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id }],
    });
    expect(res.body.items[0].recentPostSuggestion).toBe('My 5-step glow routine');
  });

  it('refuses to send while a placeholder is unfilled, naming each recipient, and writes nothing', async () => {
    const t = await createTemplate();
    const a = await jane();
    const b = await createCreator(client, ws, { name: 'Ana Ruiz' });
    const before = await rowCounts();
    const res = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [
        { creatorId: a.id, recentPost: 'your glow routine' },
        { creatorId: b.id, recentPost: '   ' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      {
        field: 'recipients.1.recentPost',
        message: expect.stringMatching(/^Ana Ruiz \(@creator_\w+\): \{\{recentPost\}\} is not filled$/),
      },
    ]);
    expect(res.body.refused).toEqual([
      { creatorId: b.id, name: 'Ana Ruiz', unfilled: ['recentPost'], hasEmail: true },
    ]);
    expect(res.body.detail).toBe('Nothing was sent. Ana Ruiz: unfilled {{recentPost}}.');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a recipient without an email address, clearly', async () => {
    const t = await createTemplate();
    const noEmail = await createCreator(client, ws, { name: 'No Mail', email: null });
    const before = await rowCounts();
    const res = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: noEmail.id, recentPost: 'your reel' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({
      field: 'recipients.0.email',
      message: expect.stringContaining('No Mail (@'),
    });
    expect(res.body.problems[0].message).toContain('has no email address');
    expect(await rowCounts()).toEqual(before);
  });

  it('sends through the outbox, stores the rendered message with its outbox id, and audits it', async () => {
    const t = await createTemplate();
    const person = await jane();
    const res = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id, recentPost: 'your glow routine reel' }],
    });
    expect(res.status).toBe(201);
    const [message] = res.body.items;
    expect(message).toMatchObject({
      creatorId: person.id,
      creatorName: 'Jane Doe',
      templateId: t.id,
      programId,
      kind: 'initial',
      threadId: message.id,
      to: person.email,
      subject: 'Jane, join Glow Ambassadors?',
      outboxStatus: 'recorded',
      repliedAt: null,
    });
    expect(message.body).toContain('we loved your glow routine reel.');
    const outbox = await client.get(`/api/v1/workspaces/${ws}/outbox`);
    const recorded = outbox.body.items.find((o: { id: string }) => o.id === message.outboxMessageId);
    expect(recorded).toMatchObject({
      to: person.email,
      subject: message.subject,
      text: message.body,
      kind: 'outreach.initial',
    });
    const audits = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, message.id));
    expect(audits.map((a) => a.action)).toEqual(['outreach.sent']);
    expect(audits[0]!.creatorId).toBe(person.id);
  });

  it('refuses the same recipient twice in one send', async () => {
    const t = await createTemplate();
    const person = await jane();
    const res = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [
        { creatorId: person.id, recentPost: 'a' },
        { creatorId: person.id, recentPost: 'b' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('recipients.1.creatorId');
  });
});

describe('replies, response rate and follow-ups', () => {
  it('records a reply and computes the response rate per template (threads with a reply / threads sent)', async () => {
    const t = await createTemplate({ name: 'Rate me' });
    const people = [await jane(), await jane(), await jane()];
    const sent = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: people.map((p) => ({ creatorId: p.id, recentPost: 'your post' })),
    });
    const reply = await client.post(`${base()}/messages/${sent.body.items[0].id}/reply`, {
      repliedAt: new Date().toISOString().slice(0, 10),
      note: 'Interested, wants the kit first',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ replyNote: 'Interested, wants the kit first' });
    expect(reply.body.repliedAt).not.toBeNull();
    const templates = await client.get(`${base()}/templates`);
    const stats = templates.body.items.find((x: { id: string }) => x.id === t.id).stats;
    expect(stats).toEqual({ threads: 3, replied: 1, responseRate: 1 / 3 });

    const bad = await client.post(`${base()}/messages/${sent.body.items[1].id}/reply`, {
      repliedAt: 'yesterday',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.problems[0].field).toBe('repliedAt');
  });

  it('lists threads due a follow-up and sends it, after which it is no longer due', async () => {
    const t = await createTemplate({ name: 'Follow me' });
    const [a, b, c] = [await jane(), await jane(), await jane()];
    const sent = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [a, b, c].map((p) => ({ creatorId: p.id, recentPost: 'your post' })),
    });
    const [ma, mb, mc] = sent.body.items.sort(
      (x: { creatorId: string }, y: { creatorId: string }) =>
        [a.id, b.id, c.id].indexOf(x.creatorId) - [a.id, b.id, c.id].indexOf(y.creatorId),
    );
    const { db } = ctx.services.database;
    const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000);
    for (const m of [ma, mb])
      await db.update(outreachMessage).set({ sentAt: sixDaysAgo }).where(eq(outreachMessage.id, m.id));
    await client.post(`${base()}/messages/${mb.id}/reply`, {
      repliedAt: new Date().toISOString(),
      note: 'Yes!',
    });

    const due = await client.get(`${base()}/follow-ups`);
    const dueIds = due.body.items.map((d: { message: { id: string } }) => d.message.id);
    expect(dueIds).toContain(ma.id); // sent 6 days ago, no reply
    expect(dueIds).not.toContain(mb.id); // replied
    expect(dueIds).not.toContain(mc.id); // sent today

    const follow = await client.post(`${base()}/messages/${ma.id}/follow-up`, {});
    expect(follow.status).toBe(201);
    expect(follow.body).toMatchObject({
      kind: 'follow_up',
      threadId: ma.id,
      subject: `Re: ${ma.subject}`,
      body: 'Hi Jane, just checking you saw our note about Glow Ambassadors.',
    });
    const dueAfter = await client.get(`${base()}/follow-ups`);
    expect(dueAfter.body.items.map((d: { message: { id: string } }) => d.message.id)).not.toContain(ma.id);
    const twice = await client.post(`${base()}/messages/${ma.id}/follow-up`, {});
    expect(twice.status).toBe(409);

    // A reply on the follow-up counts for the thread: one reply per thread, whichever message it answers.
    await client.post(`${base()}/messages/${follow.body.id}/reply`, { repliedAt: new Date().toISOString() });
    const templates = await client.get(`${base()}/templates`);
    expect(templates.body.items.find((x: { id: string }) => x.id === t.id).stats).toEqual({
      threads: 3,
      replied: 2,
      responseRate: 2 / 3,
    });
  });

  it('sends one follow-up of two concurrent requests for a thread; the other gets 409', async () => {
    const t = await createTemplate({ name: 'Race me' });
    const person = await jane();
    const sent = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id, recentPost: 'your post' }],
    });
    const root = sent.body.items[0].id as string;
    const before = await rowCounts();
    const results = await Promise.all([
      client.post(`${base()}/messages/${root}/follow-up`, {}),
      client.post(`${base()}/messages/${root}/follow-up`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.detail).toContain('This thread already has a follow-up');
    expect(refused.body.detail).toContain('nothing was sent');
    const followUps = await ctx.services.database.db
      .select({ id: outreachMessage.id })
      .from(outreachMessage)
      .where(eq(outreachMessage.threadId, root));
    expect(followUps).toHaveLength(1);
    expect(await rowCounts()).toEqual({ messages: before.messages + 1, outbox: before.outbox + 1 });
  });

  it('refuses a follow-up with an unfilled placeholder and writes nothing', async () => {
    const t = await createTemplate({ followUpBody: 'Still thinking of {{recentPost}}?' });
    const person = await jane();
    const sent = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id, recentPost: 'your post' }],
    });
    const before = await rowCounts();
    const res = await client.post(`${base()}/messages/${sent.body.items[0].id}/follow-up`, {});
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('recipients.0.recentPost');
    expect(await rowCounts()).toEqual(before);
    const ok = await client.post(`${base()}/messages/${sent.body.items[0].id}/follow-up`, {
      recentPost: 'your reel',
    });
    expect(ok.body.body).toBe('Still thinking of your reel?');
  });
});

describe('access', () => {
  it('lets a viewer read but not write templates, send or record replies', async () => {
    const t = await createTemplate();
    const viewer = await addMember(ctx, client, ws, 'viewer');
    expect((await viewer.client.get(`${base()}/templates`)).status).toBe(200);
    expect((await viewer.client.post(`${base()}/templates`, templateBody)).status).toBe(403);
    const person = await jane();
    const send = await viewer.client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id, recentPost: 'x' }],
    });
    expect(send.status).toBe(403);
  });

  it('answers 404 for another workspace’s template, creator and message', async () => {
    const t = await createTemplate();
    const person = await jane();
    const sent = await client.post(`${base()}/send`, {
      templateId: t.id,
      recipients: [{ creatorId: person.id, recentPost: 'x' }],
    });
    const other = await signUp(ctx);
    const otherBase = `/api/v1/workspaces/${other.workspaceId}/outreach`;
    expect((await other.client.get(`${otherBase}/templates/${t.id}`)).status).toBe(404);
    const mine = await other.client.post(`${otherBase}/templates`, templateBody);
    const send = await other.client.post(`${otherBase}/send`, {
      templateId: mine.body.id,
      recipients: [{ creatorId: person.id, recentPost: 'x' }],
    });
    expect(send.status).toBe(404);
    const reply = await other.client.post(`${otherBase}/messages/${sent.body.items[0].id}/reply`, {
      repliedAt: '2030-01-01',
    });
    expect(reply.status).toBe(404);
  });
});

describe('outreach over SMTP', () => {
  it('delivers the message to a local SMTP server and marks it sent', async () => {
    const received: Array<{ to: string; data: string }> = [];
    const server = new SMTPServer({
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
    const smtpCtx = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const owner = await signUp(smtpCtx, { workspaceName: 'Mailing Brand' });
      const t = await owner.client.post(`/api/v1/workspaces/${owner.workspaceId}/outreach/templates`, {
        name: 'Hello',
        subject: 'Hello {{firstName}}',
        body: 'We loved {{recentPost}}.',
      });
      const person = await createCreator(owner.client, owner.workspaceId, {
        name: 'Sam Smtp',
        email: 'sam@example.com',
      });
      const res = await owner.client.post(`/api/v1/workspaces/${owner.workspaceId}/outreach/send`, {
        templateId: t.body.id,
        recipients: [{ creatorId: person.id, recentPost: 'your tea ceremony video' }],
      });
      expect(res.status).toBe(201);
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('sam@example.com');
      expect(received[0]!.data).toContain('Subject: Hello Sam');
      expect(received[0]!.data.replace(/=\r?\n/g, '')).toContain('We loved your tea ceremony video.');
      const messages = await owner.client.get(`/api/v1/workspaces/${owner.workspaceId}/outreach/messages`);
      expect(messages.body.items[0].outboxStatus).toBe('sent');
    } finally {
      await smtpCtx.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
