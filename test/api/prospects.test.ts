import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { outboxMessage } from '../../src/server/modules/outbox/outbox.schema';
import { ambassador } from '../../src/server/modules/people/people.schema';
import { program } from '../../src/server/modules/programs/programs.schema';
import { addToProgram, createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
let programId: string;
let existing: { id: string; email: string };
let byEmail: { id: string; email: string };
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Skincare' }));
  programId = (await createProgram(client, ws, { name: 'Glow Ambassadors' })).id;
  existing = await createCreator(client, ws, {
    name: 'Known Handle',
    email: 'known@example.com',
    socialAccounts: [{ platform: 'instagram', handle: 'Known.Handle', followers: 4200 }],
  });
  byEmail = await createCreator(client, ws, {
    name: 'Mia Mail',
    email: 'mia@example.com',
    socialAccounts: [],
  });
});
afterAll(async () => ctx.close());

const createList = async (body: Record<string, unknown> = {}) => {
  const res = await client.post(`/api/v1/workspaces/${ws}/prospect-lists`, {
    name: 'Shopify customers',
    source: 'customers',
    programId,
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
const importCsv = (listId: string, csv: string, query = '') =>
  client.request('POST', `/api/v1/workspaces/${ws}/prospect-lists/${listId}/import${query}`, csv);
const getList = async (listId: string) =>
  (await client.get(`/api/v1/workspaces/${ws}/prospect-lists/${listId}`)).body;
const creatorCount = async () =>
  (await client.get(`/api/v1/workspaces/${ws}/creators?limit=1`)).body.total as number;

const goodCsv = [
  'Platform,Handle,Email,Name,Followers,Source,Country',
  'instagram,@known.handle,,,4300,Shopify,US', // existing creator by platform + handle (any case, with @)
  'tiktok,mia_moves,MIA@example.com,Mia Again,900,Shopify,US', // existing creator by email
  'instagram,newbie.glow,newbie@example.com,Nia Newbie,"2,500",Shopify,gb',
  'instagram,NEWBIE.GLOW,,,,Shopify,', // the same person again in the file
  ',,only.email@example.com,Ona Email,,Loyalty,DE',
].join('\n');

describe('prospect list CSV import', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const list = await createList();
    const before = await creatorCount();
    const res = await importCsv(list.id, goodCsv, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalRows: 5,
      added: 4,
      duplicates: 1,
      mergedIntoExisting: 2,
      created: 2,
      written: false,
      dryRun: true,
      errors: [],
    });
    expect(await creatorCount()).toBe(before);
    expect((await getList(list.id)).entries).toEqual([]);
  });

  it('de-duplicates by platform + handle, then by email, and counts people already in the list', async () => {
    const list = await createList();
    const before = await creatorCount();
    const res = await importCsv(list.id, goodCsv);
    expect(res.body).toMatchObject({
      added: 4,
      duplicates: 1,
      mergedIntoExisting: 2,
      created: 2,
      written: true,
    });
    expect(await creatorCount()).toBe(before + 2);

    const detail = await getList(list.id);
    expect(detail.entryCount).toBe(4);
    const known = detail.entries.find((e: { creatorId: string }) => e.creatorId === existing.id);
    expect(known).toMatchObject({ handle: 'Known.Handle', email: 'known@example.com', source: 'Shopify' });
    const nia = detail.entries.find((e: { name: string }) => e.name === 'Nia Newbie');
    expect(nia).toMatchObject({
      handle: 'newbie.glow',
      followers: 2500,
      country: 'GB',
      stage: null,
      vetting: null,
    });
    // The email match gained the TikTok account from the file.
    const person = await client.get(`/api/v1/workspaces/${ws}/creators/${byEmail.id}`);
    expect(person.body.socialAccounts.map((a: { handle: string }) => a.handle)).toEqual(['mia_moves']);

    // Importing the same file again adds nobody: every row is a duplicate.
    const again = await importCsv(list.id, goodCsv);
    expect(again.body).toMatchObject({ added: 0, duplicates: 5, created: 0, written: true });
    expect(await creatorCount()).toBe(before + 2);
  });

  it('names bad rows by line and writes nothing unless told to skip them', async () => {
    const list = await createList();
    const before = await creatorCount();
    const csv = [
      'platform,handle,email,name,followers,source,country',
      'instagram,ok.person,ok@example.com,OK,10,,',
      'myspace,bad.platform,,,,,',
      'tiktok,,,,,,',
      'instagram,has.handle,not-an-email,,lots,,Germany',
      ',lonely.handle,,,,,',
    ].join('\n');
    const res = await importCsv(list.id, csv);
    expect(res.body).toMatchObject({ totalRows: 5, added: 0, written: false, skipped: 4 });
    expect(res.body.errors).toEqual([
      { line: 3, field: 'platform', message: 'must be one of instagram, tiktok, youtube, other' },
      { line: 4, field: 'handle', message: 'give a handle (with its platform) or an email' },
      { line: 5, field: 'email', message: 'must be a valid email address' },
      { line: 5, field: 'followers', message: 'must be a whole number' },
      { line: 5, field: 'country', message: 'must be a two-letter ISO 3166 country code such as US or DE' },
      { line: 6, field: 'platform', message: 'is required with a handle' },
    ]);
    expect(await creatorCount()).toBe(before);

    const skipped = await importCsv(list.id, csv, '?onError=skip');
    expect(skipped.body).toMatchObject({ added: 1, created: 1, skipped: 4, written: true });
  });

  it('refuses unknown columns, naming them', async () => {
    const list = await createList();
    const res = await importCsv(list.id, 'handle,platform,favourite_colour\nx,instagram,blue');
    expect(res.body.errors).toEqual([
      {
        line: 1,
        field: 'header',
        message:
          'unknown column "favourite_colour". Expected columns: platform, handle, email, name, followers, source, country.',
      },
    ]);
    expect(res.body.written).toBe(false);
  });

  it('exports the list as CSV that imports again', async () => {
    const list = await createList();
    await importCsv(list.id, goodCsv);
    const res = await client.get(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = String(res.body).trim().split('\n');
    expect(lines[0]).toBe(
      'platform,handle,email,name,followers,source,country,stage,vetting_score,vetting_verdict',
    );
    expect(lines).toHaveLength(5);
    const other = await createList();
    const again = await importCsv(other.id, String(res.body));
    expect(again.body).toMatchObject({ added: 4, created: 0, mergedIntoExisting: 4, errors: [] });
  });
});

describe('bulk vetting', () => {
  it('vets each line matched to a prospect by platform + handle and reports the rest', async () => {
    const list = await createList();
    await importCsv(list.id, goodCsv);
    const post = (id: string, day: number, caption: string) => ({
      id,
      postedAt: `2025-03-${String(day).padStart(2, '0')}T18:00:00Z`,
      caption,
      likes: 300,
      comments: 20,
    });
    const jsonl = [
      JSON.stringify({
        platform: 'instagram',
        handle: '@Newbie.Glow',
        followers: 2500,
        posts: [post('p1', 1, 'Morning routine'), post('p2', 8, 'My new serum haul')],
      }),
      '',
      JSON.stringify({ platform: 'instagram', handle: 'known.handle', followers: 4300 }),
      JSON.stringify({ platform: 'youtube', handle: 'stranger', followers: 100 }),
    ].join('\n');
    const res = await client.request(
      'POST',
      `/api/v1/workspaces/${ws}/prospect-lists/${list.id}/vet`,
      jsonl,
      { 'content-type': 'application/x-ndjson' },
    );
    expect(res.status).toBe(200);
    expect(res.body.vetted.map((v: { line: number; handle: string }) => [v.line, v.handle])).toEqual([
      [1, 'Newbie.Glow'],
      [3, 'known.handle'],
    ]);
    expect(res.body.unmatched).toEqual([{ line: 4, platform: 'youtube', handle: 'stranger' }]);

    const detail = await getList(list.id);
    const nia = detail.entries.find((e: { name: string }) => e.name === 'Nia Newbie');
    expect(nia.vetting).toMatchObject({
      reportId: res.body.vetted[0].reportId,
      score: res.body.vetted[0].score,
    });
    const stored = await client.get(`/api/v1/workspaces/${ws}/vetting/reports/${nia.vetting.reportId}`);
    expect(stored.body).toMatchObject({ creatorId: nia.creatorId, programId });
  });

  it('refuses a file with an invalid line, naming it, and vets nobody', async () => {
    const list = await createList();
    await importCsv(list.id, goodCsv);
    const jsonl = [
      JSON.stringify({ platform: 'instagram', handle: 'newbie.glow', followers: 10 }),
      '{not json',
      JSON.stringify({ platform: 'instagram', handle: 'x' }),
    ].join('\n');
    const res = await client.request(
      'POST',
      `/api/v1/workspaces/${ws}/prospect-lists/${list.id}/vet`,
      jsonl,
      {
        'content-type': 'text/plain',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toEqual(['line 2', 'line 3.followers']);
    const reports = await client.get(`/api/v1/workspaces/${ws}/vetting/reports`);
    expect(reports.body.items.filter((r: { handle: string }) => r.handle === 'newbie.glow')).toEqual([]);
  });
});

describe('bulk invite', () => {
  it('adds prospects to the program as invited (or moves them) and sends each the template', async () => {
    const list = await createList();
    await importCsv(list.id, goodCsv);
    const detail = await getList(list.id);
    const nia = detail.entries.find((e: { name: string }) => e.name === 'Nia Newbie');
    const known = detail.entries.find((e: { creatorId: string }) => e.creatorId === existing.id);
    const amb = await addToProgram(client, ws, programId, known.creatorId, 'prospect');
    const template = await client.post(`/api/v1/workspaces/${ws}/outreach/templates`, {
      name: 'Warm invite',
      subject: '{{firstName}}, join {{programName}}?',
      body: 'Hi {{firstName}}, we loved {{recentPost}}. — {{brandName}}',
    });
    expect(template.status).toBe(201);

    const refused = await client.post(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}/invite`, {
      templateId: template.body.id,
      recipients: [
        { creatorId: nia.creatorId, recentPost: 'your serum haul' },
        { creatorId: known.creatorId },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('Known Handle: unfilled {{recentPost}}');
    expect(
      (await getList(list.id)).entries.find((e: { name: string }) => e.name === 'Nia Newbie').stage,
    ).toBeNull();

    const res = await client.post(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}/invite`, {
      templateId: template.body.id,
      recipients: [
        { creatorId: nia.creatorId, recentPost: 'your serum haul' },
        { creatorId: known.creatorId, recentPost: 'your spring routine' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.invited.map((i: { outcome: string }) => i.outcome)).toEqual(['added', 'moved']);
    expect(res.body.invited[1].ambassadorId).toBe(amb.id);
    const after = await getList(list.id);
    expect(after.entries.filter((e: { stage: string }) => e.stage === 'invited')).toHaveLength(2);
    const messages = await client.get(
      `/api/v1/workspaces/${ws}/outreach/messages?templateId=${template.body.id}`,
    );
    expect(messages.body.items.map((m: { subject: string }) => m.subject).sort()).toEqual([
      'Known, join Glow Ambassadors?',
      'Nia, join Glow Ambassadors?',
    ]);
    const niaMessage = messages.body.items.find((m: { creatorId: string }) => m.creatorId === nia.creatorId);
    expect(niaMessage).toMatchObject({
      to: 'newbie@example.com',
      body: 'Hi Nia, we loved your serum haul. — Glow Skincare',
      ambassadorId: res.body.invited[0].ambassadorId,
    });
  });

  it('checks stages under the program lock: a concurrent move to Applied is seen, nothing is sent', async () => {
    const list = await createList();
    const email = `ivy-${Date.now()}@example.com`;
    expect((await importCsv(list.id, `email,name\n${email},Ivy Invited`)).body.added).toBe(1);
    const [person] = (await getList(list.id)).entries;
    const amb = await addToProgram(client, ws, programId, person.creatorId, 'invited');
    const template = await client.post(`/api/v1/workspaces/${ws}/outreach/templates`, {
      name: 'Plain invite',
      subject: 'Join {{programName}}?',
      body: 'Hi {{firstName}}. — {{brandName}}',
    });
    expect(template.status).toBe(201);

    // A concurrent stage change, as the pipeline makes it: lock the program row, then move the person
    // (here to Applied) and hold the transaction open while the invitation request runs.
    const { db } = ctx.services.database;
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let moved!: () => void;
    const movedPromise = new Promise<void>((r) => {
      moved = r;
    });
    const holder = db.transaction(async (tx) => {
      await tx.select({ id: program.id }).from(program).where(eq(program.id, programId)).for('update');
      await tx.update(ambassador).set({ stage: 'applied' }).where(eq(ambassador.id, amb.id));
      moved();
      await released;
    });
    await movedPromise;
    const invite = client.post(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}/invite`, {
      templateId: template.body.id,
      recipients: [{ creatorId: person.creatorId }],
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await holder;
    const res = await invite;
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      {
        field: 'recipients.0.creatorId',
        message: 'Ivy Invited is already past the invitation (stage: Applied)',
      },
    ]);
    const mail = await db.select().from(outboxMessage).where(eq(outboxMessage.to, email));
    expect(mail).toEqual([]);
  });

  it('needs a target program on the list', async () => {
    const list = await createList({ programId: null });
    await importCsv(list.id, goodCsv);
    const [entry] = (await getList(list.id)).entries;
    const res = await client.post(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}/invite`, {
      templateId: 'otp_x',
      recipients: [{ creatorId: entry.creatorId, recentPost: 'x' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('programId');
  });
});

describe('access', () => {
  it('lets a viewer read lists but not create, import or invite', async () => {
    const list = await createList();
    const viewer = await addMember(ctx, client, ws, 'viewer');
    expect((await viewer.client.get(`/api/v1/workspaces/${ws}/prospect-lists/${list.id}`)).status).toBe(200);
    const create = await viewer.client.post(`/api/v1/workspaces/${ws}/prospect-lists`, {
      name: 'Mine',
      source: 'crm',
    });
    expect(create.status).toBe(403);
    const imp = await viewer.client.request(
      'POST',
      `/api/v1/workspaces/${ws}/prospect-lists/${list.id}/import`,
      goodCsv,
    );
    expect(imp.status).toBe(403);
  });

  it('answers 404 for another workspace’s list', async () => {
    const list = await createList();
    const other = await signUp(ctx);
    const res = await other.client.get(`/api/v1/workspaces/${other.workspaceId}/prospect-lists/${list.id}`);
    expect(res.status).toBe(404);
    const imp = await other.client.request(
      'POST',
      `/api/v1/workspaces/${other.workspaceId}/prospect-lists/${list.id}/import`,
      goodCsv,
    );
    expect(imp.status).toBe(404);
  });

  it('audits list creation and imports', async () => {
    const list = await createList();
    await importCsv(list.id, goodCsv);
    const events = await ctx.services.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, list.id));
    expect(events.map((e) => e.action).sort()).toEqual(['prospect_list.created', 'prospect_list.imported']);
  });

  it('refuses a list with an unknown source, naming the field', async () => {
    const res = await client.post(`/api/v1/workspaces/${ws}/prospect-lists`, { name: 'X', source: 'magic' });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('source');
  });
});
