// Draft submissions and their review (B2–B4): uploads checked by content and size with nothing stored on
// a refusal, the compliance result kept per round, approval blocked by a failing must rule unless a
// manager overrides with a reason, anchored comments, rounds, email over SMTP, and tenancy.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids';
import { auditEvent } from '../../src/server/modules/audit/audit.schema';
import { brief, briefVersion } from '../../src/server/modules/briefs/briefs.schema';
import { discountCode } from '../../src/server/modules/codes/codes.schema';
import { mediaFile, submission, submissionRound } from '../../src/server/modules/content/content.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { addMember, createTestContext, signUp, type TestClient, type TestContext } from '../harness';
import { signInAmbassador } from '../portal-helpers';

const toActive = ['invited', 'applied', 'accepted', 'onboarding', 'active'];
const limits = { maxImageBytes: 4_000, maxVideoBytes: 10_000, maxTotalBytes: 12_000, maxFiles: 3 };

let ctx: TestContext;
let smtp: SMTPServer;
const mails: Array<{ to: string; data: string }> = [];
let dataDir: string;
let owner: TestClient;
let manager: TestClient;
let reviewer: TestClient;
let amb: TestClient;
let ws: string;
let programId: string;
let ambassadorId: string;
let creatorId: string;

const pngBytes = (size = 100) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};
const mp4Bytes = (size = 200) => {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 0x18, ...[...'ftypisom'].map((c) => c.charCodeAt(0))]);
  return bytes;
};

function form(
  fields: Record<string, string>,
  files: Array<{ name: string; type: string; bytes: Uint8Array }> = [],
) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const f of files)
    body.append('media', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }), f.name);
  return body;
}

const goodFields = () => ({
  programId,
  platform: 'instagram',
  format: 'reel',
  caption: 'Morning routine with the new serum @glowco, code JANE15',
  plannedAt: '2030-06-01',
});

const storedFiles = () => {
  try {
    return readdirSync(join(dataDir, 'media', ws));
  } catch {
    return [];
  }
};

async function counts() {
  const db = ctx.services.database.db;
  return {
    submissions: (await db.select().from(submission).where(eq(submission.workspaceId, ws))).length,
    rounds: (await db.select().from(submissionRound).where(eq(submissionRound.workspaceId, ws))).length,
    media: (await db.select().from(mediaFile).where(eq(mediaFile.workspaceId, ws))).length,
    files: storedFiles().length,
  };
}

async function submit(
  fields: Record<string, string> = goodFields(),
  files = [{ name: 'shot.png', type: 'image/png', bytes: pngBytes() }],
) {
  const res = await amb.post('/api/v1/portal/submissions', form(fields, files));
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  dataDir = mkdtempSync(join(tmpdir(), 'troupe-content-'));
  ctx = await createTestContext({
    env: {
      TROUPE_DATA_DIR: dataDir,
      PUBLIC_URL: 'https://troupe.example.com',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
    },
    uploadLimits: limits,
  });
  ({ client: owner, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Co' }));
  ({ client: manager } = await addMember(ctx, owner, ws, 'manager'));
  ({ client: reviewer } = await addMember(ctx, owner, ws, 'reviewer'));
  const prg = await createProgram(owner, ws, { competitors: ['Glossier'] });
  programId = prg.id;
  const person = await createCreator(owner, ws, { name: 'Jane Doe', email: 'jane@example.com' });
  creatorId = person.id;
  const seat = await addToProgram(owner, ws, programId, person.id);
  ambassadorId = seat.id;
  await walk(owner, ws, seat.id, toActive);
  const db = ctx.services.database.db;
  const briefId = newId('brief');
  await db.insert(brief).values({ id: briefId, workspaceId: ws, programId, currentVersion: 2 });
  for (const version of [1, 2]) {
    await db.insert(briefVersion).values({
      id: newId('briefVersion'),
      workspaceId: ws,
      briefId,
      version,
      content: {
        title: `Spring launch v${version}`,
        summary: '',
        mustInclude: {
          productNames: [],
          mentions: ['@glowco'],
          keyClaims: [],
          legalLines: [],
          trackingLinkOrCode: true,
        },
        mustAvoid: { competitors: [], themes: [], words: ['cheap'] },
        disclosure: { markers: [], instagramWithinFirstCharacters: null },
        formats: [],
        startsOn: null,
        endsOn: null,
        freedomNotes: '',
      },
    });
  }
  await db
    .insert(discountCode)
    .values({ id: newId('discountCode'), workspaceId: ws, programId, ambassadorId, code: 'JANE15' });
  ({ client: amb } = await signInAmbassador(ctx, 'jane@example.com'));
});

afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('submitting a draft', () => {
  it('stores the round with its compliance result, the brief version and the media under a generated key', async () => {
    const created = await submit();
    expect(created).toMatchObject({
      status: 'in_review',
      currentRound: 1,
      platform: 'instagram',
      format: 'reel',
    });
    const [round] = created.rounds;
    expect(round.briefVersion).toBe(2);
    expect(round.compliance.passed).toBe(false);
    const byId = Object.fromEntries(round.compliance.rules.map((r: { id: string }) => [r.id, r]));
    expect(byId['disclosure.present']).toMatchObject({ passed: false, severity: 'must' });
    expect(byId['mention.required.0']).toMatchObject({ passed: true });
    const { start, end } = byId['mention.required.0'].span;
    expect(created.caption.slice(start, end)).toBe('@glowco');
    expect(byId['tracking.present']).toMatchObject({ passed: true });
    expect(created.failingMustRules).toContain('disclosure.present');
    expect(round.media).toHaveLength(1);
    expect(round.media[0]).toMatchObject({
      originalName: 'shot.png',
      contentType: 'image/png',
      sizeBytes: 100,
    });
    const [row] = await ctx.services.database.db
      .select()
      .from(mediaFile)
      .where(eq(mediaFile.id, round.media[0].id));
    expect(row?.storageKey).toBe(`${ws}/${round.media[0].id}.png`);
    expect(storedFiles()).toContain(`${round.media[0].id}.png`);
  });

  it('checks a caption live before submitting, storing nothing', async () => {
    const before = await counts();
    const res = await amb.post('/api/v1/portal/compliance/check', {
      programId,
      platform: 'instagram',
      caption: '#ad Loving @glowco, so cheap! Code JANE15. Better than Glossier',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ passed: false, briefVersion: 2, briefTitle: 'Spring launch v2' });
    const failing = res.body.rules
      .filter((r: { passed: boolean }) => !r.passed)
      .map((r: { id: string }) => r.id);
    expect(failing.map((id: string) => id.replace(/\.\d+$/, '')).sort()).toEqual([
      'competitor.mention',
      'forbidden.term',
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a file whose content is not an image',
      {
        name: 'x.png',
        type: 'image/png',
        bytes: new TextEncoder().encode('<html><script>alert(1)</script>'),
      },
      422,
      'media[0]',
    ],
    ['a PNG declared as JPEG', { name: 'x.jpg', type: 'image/jpeg', bytes: pngBytes() }, 422, 'media[0]'],
    ['an oversize image', { name: 'big.png', type: 'image/png', bytes: pngBytes(4_001) }, 413, 'media[0]'],
  ])('refuses %s and stores nothing', async (_name, file, status, field) => {
    const before = await counts();
    const res = await amb.post('/api/v1/portal/submissions', form(goodFields(), [file]));
    expect(res.status).toBe(status);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses too many files, too much in total, an unknown platform, an empty caption and a foreign program', async () => {
    const before = await counts();
    const png = { name: 'p.png', type: 'image/png', bytes: pngBytes() };
    const cases: Array<[FormData, number, string]> = [
      [form(goodFields(), [png, png, png, png]), 422, 'media'],
      [
        form(goodFields(), [
          { name: 'a.mp4', type: 'video/mp4', bytes: mp4Bytes(9_000) },
          { name: 'b.mp4', type: 'video/mp4', bytes: mp4Bytes(9_000) },
        ]),
        413,
        'media',
      ],
      [form({ ...goodFields(), platform: 'myspace' }, [png]), 422, 'platform'],
      [form({ ...goodFields(), caption: '   ' }, [png]), 422, 'caption'],
      [form({ ...goodFields(), programId: 'prg_elsewhere' }, [png]), 422, 'programId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await amb.post('/api/v1/portal/submissions', body);
      expect({ field, status: res.status }).toEqual({ field, status });
      expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    }
    const json = await amb.post('/api/v1/portal/submissions', goodFields());
    expect(json.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('serves media with the stored type, a safe file name and nosniff', async () => {
    const created = await submit(goodFields(), [
      { name: '../../etc/"evil"<b>.png', type: 'image/png', bytes: pngBytes(64) },
    ]);
    const media = created.rounds[0].media[0];
    expect(media.originalName).toBe('"evil"<b>.png');
    for (const [client, path] of [
      [amb, `/api/v1/portal/media/${media.id}`],
      [reviewer, `/api/v1/workspaces/${ws}/media/${media.id}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `inline; filename="_evil__b_.png"; filename*=UTF-8''${encodeURIComponent('"evil"<b>.png')}`,
      );
    }
  });

  it('keeps a caption with markup exactly as written', async () => {
    const caption = '#ad <script>alert("x")</script> @glowco JANE15';
    const created = await submit({ ...goodFields(), caption }, []);
    const detail = await reviewer.get(`/api/v1/workspaces/${ws}/submissions/${created.id}`);
    expect(detail.body.caption).toBe(caption);
    expect(detail.body.rounds[0].media).toEqual([]);
  });
});

describe('reviewing', () => {
  it('lists the queue oldest first with the 24-hour SLA and the compliance summary', async () => {
    const res = await reviewer.get(
      `/api/v1/workspaces/${ws}/submissions?status=in_review&programId=${programId}`,
    );
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{
      submittedAt: string;
      sla: { dueAt: string; isOverdue: boolean; hoursLeft: number };
    }>;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const times = items.map((i) => i.submittedAt);
    expect([...times].sort()).toEqual(times);
    const first = items[0]!;
    expect(new Date(first.sla.dueAt).getTime() - new Date(first.submittedAt).getTime()).toBe(24 * 3_600_000);
    expect(first.sla).toMatchObject({ isOverdue: false });
    expect(first.sla.hoursLeft).toBeGreaterThan(23);
    const none = await reviewer.get(`/api/v1/workspaces/${ws}/submissions?status=approved`);
    expect(none.body.items).toEqual([]);
  });

  it('blocks approval while a must rule fails; a reviewer cannot override; a manager can, with a reason, audited', async () => {
    const created = await submit();
    const path = `/api/v1/workspaces/${ws}/submissions/${created.id}/decision`;
    const blocked = await reviewer.post(path, { decision: 'approve' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('disclosure.present');
    expect(blocked.body.failingRules).toContain('disclosure.present');
    const reviewerOverride = await reviewer.post(path, {
      decision: 'approve',
      overrideReason: 'Legal said fine',
    });
    expect(reviewerOverride.status).toBe(403);
    const noReason = await manager.post(path, { decision: 'approve', overrideReason: 'ok' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.problems[0].field).toBe('overrideReason');
    const still = await reviewer.get(`/api/v1/workspaces/${ws}/submissions/${created.id}`);
    expect(still.body.status).toBe('in_review');

    const approved = await manager.post(path, {
      decision: 'approve',
      overrideReason: 'Disclosure is in the paid-partnership label',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.rounds[0]).toMatchObject({
      decision: 'approved',
      overrideReason: 'Disclosure is in the paid-partnership label',
    });
    const [event] = await ctx.services.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, 'submission.approved_with_override')),
      );
    expect(event?.reason).toBe('Disclosure is in the paid-partnership label');
    expect((event?.after as { rulesOverridden?: string[] } | undefined)?.rulesOverridden).toContain(
      'disclosure.present',
    );
    const again = await manager.post(path, { decision: 'approve' });
    expect(again.status).toBe(409);
  });

  it('requests changes with anchored comments, mails the ambassador, takes a resubmission as a new round, then approves', async () => {
    const created = await submit();
    const base = `/api/v1/workspaces/${ws}/submissions/${created.id}`;
    const caption: string = created.caption;

    const empty = await reviewer.post(`${base}/decision`, { decision: 'request_changes' });
    expect(empty.status).toBe(422);
    expect(empty.body.problems[0].field).toBe('note');

    const outside = await reviewer.post(`${base}/comments`, {
      body: 'x',
      spanStart: 5,
      spanEnd: caption.length + 1,
    });
    expect(outside.status).toBe(422);
    const reversed = await reviewer.post(`${base}/comments`, { body: 'x', spanStart: 9, spanEnd: 3 });
    expect(reversed.status).toBe(422);
    const wrongQuote = await reviewer.post(`${base}/comments`, {
      body: 'x',
      spanStart: 0,
      spanEnd: 7,
      quote: 'Evening',
    });
    expect(wrongQuote.status).toBe(422);
    expect(wrongQuote.body.problems[0].field).toBe('quote');
    const viewer = (await addMember(ctx, owner, ws, 'viewer')).client;
    expect((await viewer.post(`${base}/comments`, { body: 'x' })).status).toBe(403);

    const anchored = await reviewer.post(`${base}/comments`, {
      body: 'Start with #ad so the disclosure shows before “more”.',
      spanStart: 0,
      spanEnd: 15,
      quote: 'Morning routine',
    });
    expect(anchored.status).toBe(201);
    expect(anchored.body).toMatchObject({ spanStart: 0, spanEnd: 15, quote: 'Morning routine' });

    mails.length = 0;
    const changes = await reviewer.post(`${base}/decision`, {
      decision: 'request_changes',
      note: 'Nearly there.',
    });
    expect(changes.status).toBe(200);
    expect(changes.body.status).toBe('changes_requested');
    await expect.poll(() => mails.length).toBeGreaterThan(0);
    expect(mails[0]?.to).toBe('jane@example.com');
    expect(mails[0]?.data.replace(/=\r?\n/g, '')).toContain(
      `https://troupe.example.com/portal/content/${created.id}`,
    );

    const seen = await amb.get(`/api/v1/portal/submissions/${created.id}`);
    expect(seen.body.status).toBe('changes_requested');
    expect(seen.body.rounds[0].comments[0]).toMatchObject({
      body: 'Start with #ad so the disclosure shows before “more”.',
      quote: 'Morning routine',
      authorName: null,
    });
    expect(seen.body.sla).toBeNull();

    const fixed = `#ad ${caption}`;
    const resubmitted = await amb.post(
      `/api/v1/portal/submissions/${created.id}/rounds`,
      form({ caption: fixed }),
    );
    expect(resubmitted.status).toBe(201);
    expect(resubmitted.body).toMatchObject({ status: 'in_review', currentRound: 2, compliancePassed: true });
    expect(resubmitted.body.rounds).toHaveLength(2);
    expect(resubmitted.body.rounds[1].media[0]).toMatchObject({ carriedFromRound: 1 });
    expect(resubmitted.body.rounds[0].caption).toBe(caption);

    const twice = await amb.post(`/api/v1/portal/submissions/${created.id}/rounds`, form({ caption: fixed }));
    expect(twice.status).toBe(409);

    mails.length = 0;
    const approved = await reviewer.post(`${base}/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', currentRound: 2 });
    expect(approved.body.rounds.map((r: { decision: string }) => r.decision)).toEqual([
      'changes_requested',
      'approved',
    ]);
    await expect.poll(() => mails.length).toBeGreaterThan(0);
    expect(mails[0]?.data).toContain('is approved');
  });

  it('says so when the brief wants tracking but nothing was issued (a should rule, not a blocker)', async () => {
    const person = await createCreator(owner, ws, { email: 'sam@example.com' });
    await walk(owner, ws, (await addToProgram(owner, ws, programId, person.id)).id, toActive);
    const { client: sam } = await signInAmbassador(ctx, 'sam@example.com');
    const res = await sam.post('/api/v1/portal/compliance/check', {
      programId,
      platform: 'instagram',
      caption: '#ad my routine with @glowco',
    });
    expect(res.body.passed).toBe(true);
    expect(res.body.rules.find((r: { id: string }) => r.id === 'tracking.present')).toMatchObject({
      passed: false,
      severity: 'should',
    });
  });
});

describe('campaign briefs', () => {
  const campaignContent = (version: number) => ({
    title: `Holiday gift sets v${version}`,
    mustInclude: { mentions: ['@glowco', '#glowgifts'], productNames: version > 1 ? ['Gift Box'] : [] },
    mustAvoid: { words: ['free'] },
  });
  const briefsOf = (prg: string) => `/api/v1/workspaces/${ws}/programs/${prg}/briefs`;
  let campaignId: string;
  let standingId: string;

  beforeAll(async () => {
    const made = await owner.post(briefsOf(programId), {
      campaign: 'Holiday 2026',
      content: campaignContent(1),
    });
    expect(made.status).toBe(201);
    campaignId = made.body.id;
    const [standing] = await ctx.services.database.db
      .select({ id: brief.id })
      .from(brief)
      .where(and(eq(brief.programId, programId), isNull(brief.campaign)));
    standingId = standing!.id;
  });

  const campaignCaption = '#ad Gifting season with @glowco #glowgifts, use JANE15';

  it('the portal lists the program’s current briefs, standing and campaign', async () => {
    const res = await amb.get('/api/v1/portal/briefs');
    const mine = res.body.items.filter((b: { programId: string }) => b.programId === programId);
    expect(mine.map((b: { briefId: string; campaign: string | null }) => [b.briefId, b.campaign])).toEqual(
      expect.arrayContaining([
        [standingId, null],
        [campaignId, 'Holiday 2026'],
      ]),
    );
  });

  it('checks a draft live against the campaign brief when given one, else the standing brief', async () => {
    const withCampaign = await amb.post('/api/v1/portal/compliance/check', {
      programId,
      briefId: campaignId,
      platform: 'instagram',
      caption: campaignCaption,
    });
    expect(withCampaign.status).toBe(200);
    expect(withCampaign.body).toMatchObject({
      passed: true,
      briefVersion: 1,
      briefTitle: 'Holiday gift sets v1',
    });
    const ids = withCampaign.body.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('mention.required.1');
    const standing = await amb.post('/api/v1/portal/compliance/check', {
      programId,
      platform: 'instagram',
      caption: campaignCaption,
    });
    expect(standing.body).toMatchObject({ briefVersion: 2, briefTitle: 'Spring launch v2' });
    const free = await amb.post('/api/v1/portal/compliance/check', {
      programId,
      briefId: campaignId,
      platform: 'instagram',
      caption: `${campaignCaption} free shipping`,
    });
    expect(free.body.passed).toBe(false);
    expect(free.body.rules.find((r: { id: string }) => r.id.startsWith('forbidden.term'))).toMatchObject({
      passed: false,
    });
  });

  it('a campaign brief adds to the standing brief: its forbidden words, mentions and tracking still apply', async () => {
    const check = (caption: string) =>
      amb.post('/api/v1/portal/compliance/check', {
        programId,
        briefId: campaignId,
        platform: 'instagram',
        caption,
      });
    // The standing brief forbids "cheap" (the campaign only "free").
    const cheap = await check(`${campaignCaption} so cheap`);
    expect(cheap.body.passed).toBe(false);
    expect(cheap.body.briefTitle).toBe('Holiday gift sets v1');
    const forbidden = cheap.body.rules.filter(
      (r: { id: string; passed: boolean }) => r.id.startsWith('forbidden.term') && !r.passed,
    );
    expect(forbidden.map((r: { message: string }) => r.message).join(' ')).toContain('cheap');
    // The standing brief asks for the tracking code (the campaign does not).
    const untracked = await check('#ad Gifting season with @glowco #glowgifts');
    expect(untracked.body.passed).toBe(false);
    expect(untracked.body.rules.find((r: { id: string }) => r.id === 'tracking.present')).toMatchObject({
      passed: false,
      severity: 'must',
    });
    // @glowco is required by both but checked once; the campaign's #glowgifts is added.
    const mentions = untracked.body.rules.filter((r: { id: string }) => r.id.startsWith('mention.required'));
    expect(mentions).toHaveLength(2);
    // The program's competitors still apply.
    const rival = await check(`${campaignCaption} better than Glossier`);
    expect(
      rival.body.rules.find(
        (r: { id: string; passed: boolean }) => r.id.startsWith('competitor.mention') && !r.passed,
      ),
    ).toBeTruthy();
  });

  it('stores the campaign brief on the submission, checks its rounds against it and resubmissions against its current version', async () => {
    const created = await submit({ ...goodFields(), briefId: campaignId, caption: campaignCaption });
    expect(created.briefId).toBe(campaignId);
    expect(created.rounds[0]).toMatchObject({ briefVersion: 1, compliance: { passed: true } });
    const [row] = await ctx.services.database.db
      .select({ briefId: submission.briefId })
      .from(submission)
      .where(eq(submission.id, created.id));
    expect(row!.briefId).toBe(campaignId);
    const queued = await reviewer.get(`/api/v1/workspaces/${ws}/submissions/${created.id}`);
    expect(queued.body.briefId).toBe(campaignId);

    // The campaign's brief changes while the draft is in review: the resubmission meets the new version.
    const v2 = await owner.post(`${briefsOf(programId)}/${campaignId}/versions`, {
      content: campaignContent(2),
      changeNote: 'Show the Gift Box.',
    });
    expect(v2.status).toBe(201);
    const changes = await reviewer.post(`/api/v1/workspaces/${ws}/submissions/${created.id}/decision`, {
      decision: 'request_changes',
      note: 'Please show the Gift Box.',
    });
    expect(changes.status).toBe(200);
    const again = await amb.post(
      `/api/v1/portal/submissions/${created.id}/rounds`,
      form({ caption: `${campaignCaption} — the Gift Box` }),
    );
    expect(again.status).toBe(201);
    expect(again.body.briefId).toBe(campaignId);
    expect(again.body.rounds[1]).toMatchObject({ briefVersion: 2, compliance: { passed: true } });
    // v2 adds the product name to the required mentions (v1 had two).
    expect(again.body.rounds[1].compliance.rules.map((r: { id: string }) => r.id)).toContain(
      'mention.required.2',
    );
    expect(again.body.rounds[0].compliance.rules.map((r: { id: string }) => r.id)).not.toContain(
      'mention.required.2',
    );
  });

  it('without a briefId keeps the standing brief', async () => {
    const created = await submit({ ...goodFields(), briefId: '' });
    expect(created.briefId).toBe(standingId);
    expect(created.rounds[0].briefVersion).toBe(2);
  });

  it('refuses a brief that is not a live brief of this program, naming briefId, and stores nothing', async () => {
    const otherProgram = await createProgram(owner, ws, { name: 'Other program' });
    const elsewhere = await owner.post(briefsOf(otherProgram.id), {
      campaign: 'Elsewhere',
      content: campaignContent(1),
    });
    const archived = await owner.post(briefsOf(programId), {
      campaign: 'Summer 2026',
      content: campaignContent(1),
    });
    expect((await owner.post(`${briefsOf(programId)}/${archived.body.id}/archive`, {})).status).toBeLessThan(
      300,
    );
    const { client: stranger, workspaceId: strangerWs } = await signUp(ctx, { workspaceName: 'Stranger Co' });
    const strangerProgram = await createProgram(stranger, strangerWs, { name: 'Theirs' });
    const foreign = await stranger.post(
      `/api/v1/workspaces/${strangerWs}/programs/${strangerProgram.id}/briefs`,
      {
        campaign: 'Theirs',
        content: campaignContent(1),
      },
    );
    expect(foreign.status).toBe(201);
    const before = await counts();
    for (const briefId of [elsewhere.body.id, archived.body.id, foreign.body.id, 'brf_nope']) {
      const res = await amb.post(
        '/api/v1/portal/submissions',
        form({ ...goodFields(), briefId }, [{ name: 'p.png', type: 'image/png', bytes: pngBytes() }]),
      );
      expect({ briefId, status: res.status }).toEqual({ briefId, status: 422 });
      expect(res.body.problems).toEqual([
        { field: 'briefId', message: 'is not a current brief of this program' },
      ]);
      const check = await amb.post('/api/v1/portal/compliance/check', {
        programId,
        briefId,
        platform: 'instagram',
        caption: campaignCaption,
      });
      expect(check.status).toBe(422);
      expect(check.body.problems[0].field).toBe('briefId');
    }
    expect(await counts()).toEqual(before);
  });

  it('falls back to the standing brief when a submission’s campaign brief is archived before a resubmission', async () => {
    const made = await owner.post(briefsOf(programId), {
      campaign: 'Flash sale',
      content: campaignContent(1),
    });
    const created = await submit({ ...goodFields(), briefId: made.body.id, caption: campaignCaption });
    expect(created.rounds[0].briefVersion).toBe(1);
    await owner.post(`${briefsOf(programId)}/${made.body.id}/archive`, {});
    await reviewer.post(`/api/v1/workspaces/${ws}/submissions/${created.id}/decision`, {
      decision: 'request_changes',
      note: 'The sale is over; follow the standing brief.',
    });
    const again = await amb.post(
      `/api/v1/portal/submissions/${created.id}/rounds`,
      form({ caption: campaignCaption }),
    );
    expect(again.status).toBe(201);
    expect(again.body.briefId).toBe(standingId);
    expect(again.body.rounds[1].briefVersion).toBe(2);
  });
});

describe('tenancy', () => {
  it('keeps submissions and media from other workspaces and other ambassadors', async () => {
    const created = await submit();
    const mediaId = created.rounds[0].media[0].id;
    const { client: stranger, workspaceId: otherWs } = await signUp(ctx, { workspaceName: 'Elsewhere' });
    expect((await stranger.get(`/api/v1/workspaces/${otherWs}/submissions/${created.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/workspaces/${otherWs}/media/${mediaId}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/workspaces/${ws}/media/${mediaId}`)).status).toBe(404);
    const list = await stranger.get(`/api/v1/workspaces/${otherWs}/submissions`);
    expect(list.body.items).toEqual([]);

    const other = await createCreator(owner, ws, { email: 'other@example.com' });
    await walk(owner, ws, (await addToProgram(owner, ws, programId, other.id)).id, toActive);
    const { client: otherAmb } = await signInAmbassador(ctx, 'other@example.com');
    expect((await otherAmb.get(`/api/v1/portal/submissions/${created.id}`)).status).toBe(404);
    expect((await otherAmb.get(`/api/v1/portal/media/${mediaId}`)).status).toBe(404);
    expect((await otherAmb.get('/api/v1/portal/submissions')).body.items).toEqual([]);
    const sneaky = await otherAmb.post(
      `/api/v1/portal/submissions/${created.id}/rounds`,
      form({ caption: 'mine now' }),
    );
    expect(sneaky.status).toBe(404);
    expect((await owner.get(`/api/v1/portal/submissions`)).status).toBe(401);
    expect((await amb.get(`/api/v1/workspaces/${ws}/submissions`)).status).toBe(403);
    const mine = await amb.get('/api/v1/portal/submissions');
    expect(mine.body.items.every((i: { creatorId: string }) => i.creatorId === creatorId)).toBe(true);
  });
});

describe('the demo workspace', () => {
  it('shows drafts in every review state, one overdue, with media stored', async () => {
    const { seedDemo } = await import('../../src/server/db/seed/demo');
    const demoCtx = await createTestContext();
    try {
      const demo = await seedDemo(demoCtx.services);
      const { systemScope } = await import('../../src/server/lib/scope');
      const { listSubmissions, getSubmission } = await import(
        '../../src/server/modules/content/content-review.service'
      );
      const scope = systemScope(demo.workspaceId);
      const items = await listSubmissions(demoCtx.services.database.db, scope, {});
      // The library demo adds published pieces (and two approved ones waiting for their URL).
      const count = (status: string) => items.filter((i) => i.status === status).length;
      expect([count('changes_requested'), count('in_review')]).toEqual([1, 1]);
      expect(count('approved')).toBeGreaterThanOrEqual(2);
      expect(items.find((i) => i.status === 'in_review')?.sla?.isOverdue).toBe(true);
      const changes = items.find((i) => i.status === 'changes_requested');
      const detail = await getSubmission(demoCtx.services.database.db, scope, changes?.id ?? '');
      expect(detail.rounds[0]?.comments.map((c) => c.quote)).toEqual(['Link in bio for 15% off!', '#ad']);
      const media = detail.rounds[0]?.media[0];
      const bytes = await demoCtx.services.storage.get(`${demo.workspaceId}/${media?.id}.png`);
      expect(bytes?.subarray(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    } finally {
      await demoCtx.close();
    }
  });
});
