// R5 committee review over HTTP: blind scoring, aggregate and spread, decisions under capacity, emails.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addToProgram, createCreator, createProgram } from '../factories';
import { addMember, createTestContext, signUp, TestClient, type TestContext } from '../harness';

const rubric = [
  { id: 'audience_fit', label: 'Audience fit', description: 'Matches our customers', weight: 3 },
  { id: 'content_quality', label: 'Content quality', description: '', weight: 1 },
];

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let reviewer: TestClient;
let reviewerName: string;
let secondReviewer: TestClient;
let viewer: TestClient;
let manager: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, workspaceId: ws } = await signUp(ctx, { name: 'Olive Owner' }));
  const r = await addMember(ctx, owner, ws, 'reviewer');
  reviewer = r.client;
  reviewerName = (await reviewer.get('/api/v1/me')).body.user.name;
  secondReviewer = (await addMember(ctx, owner, ws, 'reviewer')).client;
  viewer = (await addMember(ctx, owner, ws, 'viewer')).client;
  manager = (await addMember(ctx, owner, ws, 'manager')).client;
});
afterAll(async () => ctx.close());

async function setup(options: { capacity?: number | null; withRubric?: boolean; applicants?: number } = {}) {
  const program = await createProgram(owner, ws, {
    capacity: options.capacity ?? null,
    rubric: options.withRubric === false ? [] : rubric,
  });
  const applicants: Array<{ id: string; creatorId: string; email: string }> = [];
  for (let i = 0; i < (options.applicants ?? 1); i++) {
    const person = await createCreator(owner, ws);
    const amb = await addToProgram(owner, ws, program.id, person.id, 'applied');
    applicants.push({ id: amb.id, creatorId: person.id, email: person.email });
  }
  const base = `/api/v1/workspaces/${ws}/programs/${program.id}/committee`;
  return {
    program,
    applicants,
    base,
    applicantUrl: (id: string) => `${base}/applicants/${id}`,
  };
}

const queueItem = async (client: TestClient, base: string, ambassadorId: string) =>
  (await client.get(`${base}/queue`)).body.items.find(
    (i: { ambassadorId: string }) => i.ambassadorId === ambassadorId,
  );

describe('blind scoring', () => {
  it('hides the others’ scores, comments and aggregate until the caller has submitted, from both endpoints', async () => {
    const { applicants, base, applicantUrl } = await setup();
    const a = applicants[0]!;

    const first = await owner.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 5, content_quality: 1 },
      comment: 'Strong audience match, secret owner note',
    });
    expect(first.status).toBe(201);
    expect(first.body.revealed).toBe(true);

    // The reviewer has not scored yet: nothing of the owner's review leaks.
    const blind = await reviewer.get(applicantUrl(a.id));
    expect(blind.status).toBe(200);
    expect(blind.body).toMatchObject({
      myStatus: 'none',
      reviewCount: 1,
      revealed: false,
      myReview: null,
      reviews: [],
      aggregate: null,
      criteria: [],
    });
    expect(JSON.stringify(blind.body)).not.toContain('secret owner note');
    const blindItem = await queueItem(reviewer, base, a.id);
    expect(blindItem).toMatchObject({
      myStatus: 'none',
      reviewCount: 1,
      aggregate: null,
      stage: 'in_review',
    });
    // Nor through the audit timeline, which every member can read.
    const timeline = await reviewer.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain('secret owner note');
    expect(JSON.stringify(timeline.body)).not.toContain('audience_fit');

    // After submitting, the reviewer sees everything.
    const second = await reviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 1, content_quality: 5 },
      comment: 'Audience is mostly outside our markets',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      myStatus: 'submitted',
      reviewCount: 2,
      revealed: true,
      // weighted: owner (3·5 + 1·1)/4 = 4, reviewer (3·1 + 1·5)/4 = 2
      aggregate: { count: 2, mean: 3, min: 2, max: 4, stdDev: 1 },
      criteria: [
        { id: 'audience_fit', label: 'Audience fit', mean: 3, min: 1, max: 5, stdDev: 2, count: 2 },
        { id: 'content_quality', label: 'Content quality', mean: 3, min: 1, max: 5, stdDev: 2, count: 2 },
      ],
    });
    expect(second.body.myReview).toMatchObject({ reviewerName, weightedScore: 2, abstained: false });
    expect(
      second.body.reviews.map((r: { comment: string; weightedScore: number }) => [
        r.comment,
        r.weightedScore,
      ]),
    ).toEqual([
      ['Strong audience match, secret owner note', 4],
      ['Audience is mostly outside our markets', 2],
    ]);
    expect(second.body.reviews[0].scores).toEqual({ audience_fit: 5, content_quality: 1 });

    const revealedItem = await queueItem(reviewer, base, a.id);
    expect(revealedItem).toMatchObject({
      myStatus: 'submitted',
      reviewCount: 2,
      aggregate: { mean: 3, min: 2, max: 4, stdDev: 1 },
    });
    // A third member who has not reviewed is still blind, with the count of two.
    const third = await queueItem(secondReviewer, base, a.id);
    expect(third).toMatchObject({ myStatus: 'none', reviewCount: 2, aggregate: null });
  });

  it('moves Applied to In review on the first review only, and audits it', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    await reviewer.post(`${applicantUrl(a.id)}/review`, { scores: { audience_fit: 4, content_quality: 4 } });
    await secondReviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 3, content_quality: 3 },
    });
    const timeline = await owner.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
    // Events of one transaction share its timestamp, so compare counts rather than order.
    const actions = timeline.body.items.map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual([
      'ambassador.added',
      'ambassador.stage_changed',
      'committee.review_submitted',
      'committee.review_submitted',
      'creator.created',
    ]);
    const moved = timeline.body.items.find(
      (e: { action: string }) => e.action === 'ambassador.stage_changed',
    );
    expect(moved).toMatchObject({ before: { stage: 'applied' }, after: { stage: 'in_review' } });
  });
});

describe('submitting a review', () => {
  it('refuses a second submission with 409 and keeps the first scores', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    const first = await reviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 4, content_quality: 2 },
    });
    expect(first.status).toBe(201);
    const again = await reviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 1, content_quality: 1 },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('Scores are final once submitted');
    const after = await reviewer.get(applicantUrl(a.id));
    expect(after.body.myReview.scores).toEqual({ audience_fit: 4, content_quality: 2 });
    expect(after.body.reviews).toHaveLength(1);
  });

  it('accepts exactly one of two concurrent submissions by the same reviewer', async () => {
    const { applicants, base, applicantUrl } = await setup();
    const a = applicants[0]!;
    const body = { scores: { audience_fit: 3, content_quality: 3 } };
    const results = await Promise.all([
      reviewer.post(`${applicantUrl(a.id)}/review`, body),
      reviewer.post(`${applicantUrl(a.id)}/review`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await queueItem(owner, base, a.id)).toMatchObject({ stage: 'in_review', reviewCount: 1 });
  });

  it.each([
    [
      'a missing criterion',
      { scores: { audience_fit: 4 } },
      [{ field: 'scores.content_quality', message: 'is required: score “Content quality” from 1 to 5' }],
    ],
    [
      'a score out of range',
      { scores: { audience_fit: 6, content_quality: 2 } },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'a fractional score',
      { scores: { audience_fit: 2.5, content_quality: 2 } },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'an unknown criterion',
      { scores: { audience_fit: 4, content_quality: 2, reach: 5 } },
      [{ field: 'scores.reach', message: 'is not a criterion of this program’s rubric' }],
    ],
  ])('rejects %s with 422 naming the field and writes nothing', async (_, body, problems) => {
    const { applicants, base, applicantUrl } = await setup();
    const a = applicants[0]!;
    const res = await reviewer.post(`${applicantUrl(a.id)}/review`, body);
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual(problems);
    expect(await queueItem(owner, base, a.id)).toMatchObject({ stage: 'applied', reviewCount: 0 });
    expect((await reviewer.get(applicantUrl(a.id))).body.myStatus).toBe('none');
  });

  it('rejects a non-numeric score through the schema, naming the field', async () => {
    const { applicants, applicantUrl } = await setup();
    const res = await reviewer.post(`${applicantUrl(applicants[0]!.id)}/review`, {
      scores: { audience_fit: 'great', content_quality: 2 },
    });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].field).toBe('scores.audience_fit');
  });

  it('needs a rubric first (422 saying so)', async () => {
    const { applicants, applicantUrl } = await setup({ withRubric: false });
    const res = await reviewer.post(`${applicantUrl(applicants[0]!.id)}/review`, { scores: {} });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('has no rubric yet');
    expect(res.body.problems).toEqual([{ field: 'rubric', message: 'the program has no rubric yet' }]);
  });

  it('scores only applicants in Applied, In review or Waitlisted', async () => {
    const { program, base } = await setup({ applicants: 0 });
    const person = await createCreator(owner, ws);
    const prospect = await addToProgram(owner, ws, program.id, person.id, 'prospect');
    const res = await reviewer.post(`${base}/applicants/${prospect.id}/review`, {
      scores: { audience_fit: 4, content_quality: 2 },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('the committee reviews only applicants in');
    expect((await owner.get(`${base}/queue`)).body.items).toEqual([]);
  });

  it('refuses viewers (403) and other workspaces (404)', async () => {
    const { applicants, base, applicantUrl } = await setup();
    const a = applicants[0]!;
    const res = await viewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 4, content_quality: 2 },
    });
    expect(res.status).toBe(403);
    const viewerDecides = await viewer.post(`${applicantUrl(a.id)}/decision`, { decision: 'accept' });
    expect(viewerDecides.status).toBe(403);
    const reviewerDecides = await reviewer.post(`${applicantUrl(a.id)}/decision`, { decision: 'accept' });
    expect(reviewerDecides.status).toBe(403);
    const reviewerAbstains = await reviewer.post(`${applicantUrl(a.id)}/abstain`, {});
    expect(reviewerAbstains.status).toBe(403);

    const stranger = await signUp(ctx);
    expect((await stranger.client.get(`${base}/queue`)).status).toBe(404);
    expect((await stranger.client.get(applicantUrl(a.id))).status).toBe(404);
    const write = await stranger.client.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 4, content_quality: 2 },
    });
    expect(write.status).toBe(404);
    // An applicant of another program of the same workspace is not found under this one.
    const other = await setup();
    expect((await owner.get(other.applicantUrl(a.id))).status).toBe(404);
    expect((await owner.get(`${base}/queue`)).body.items).toHaveLength(1);
  });

  it('shows the latest vetting report score and verdict in the queue', async () => {
    const { applicants, base } = await setup();
    const a = applicants[0]!;
    const report = await owner.post(`/api/v1/workspaces/${ws}/vetting/reports`, {
      input: { platform: 'instagram', handle: 'someone', followers: 4200 },
      creatorId: a.creatorId,
    });
    expect(report.status).toBe(201);
    const item = await queueItem(reviewer, base, a.id);
    expect(item.vetting).toMatchObject({ reportId: report.body.id, score: report.body.score });
    expect(item.handles).toHaveLength(1);
  });
});

describe('abstaining', () => {
  it('reveals the scores to a deciding manager and rules out scoring later', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    await reviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 4, content_quality: 4 },
      comment: 'Good fit',
    });
    const res = await manager.post(`${applicantUrl(a.id)}/abstain`, { comment: 'I decide, not score' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      myStatus: 'abstained',
      revealed: true,
      reviewCount: 1,
      aggregate: { count: 1, mean: 4 },
    });
    expect(res.body.reviews.map((r: { abstained: boolean }) => r.abstained)).toEqual([false, true]);
    const score = await manager.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 5, content_quality: 5 },
    });
    expect(score.status).toBe(409);
    expect(score.body.detail).toContain('You abstained');
    expect((await manager.post(`${applicantUrl(a.id)}/abstain`, {})).status).toBe(409);
  });
});

describe('the audit trail stays blind', () => {
  it('records an abstention without its comment, for a reviewer who has not scored', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    await owner.post(`${applicantUrl(a.id)}/review`, { scores: { audience_fit: 5, content_quality: 5 } });
    const res = await manager.post(`${applicantUrl(a.id)}/abstain`, {
      comment: 'Owner scored 5s, I would pick them',
    });
    expect(res.status).toBe(201);
    expect((await reviewer.get(applicantUrl(a.id))).body).toMatchObject({
      myStatus: 'none',
      revealed: false,
    });
    const timeline = await reviewer.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).not.toContain('I would pick them');
    const abstained = timeline.body.items.find((e: { action: string }) => e.action === 'committee.abstained');
    expect(abstained).toMatchObject({ after: { ambassadorId: a.id, hasComment: true }, reason: '' });
  });

  it('keeps the aggregate out of a decline, which can return to review', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    await reviewer.post(`${applicantUrl(a.id)}/review`, {
      scores: { audience_fit: 2, content_quality: 3 },
      comment: 'secret reviewer note',
    });
    await manager.post(`${applicantUrl(a.id)}/abstain`, {});
    const res = await manager.post(`${applicantUrl(a.id)}/decision`, { decision: 'decline' });
    expect(res.status).toBe(200);
    // The decider still gets the aggregate in the response…
    expect(res.body).toMatchObject({ stage: 'declined', aggregate: { count: 1, mean: 2.25 } });
    // …but the applicant goes back to review, where secondReviewer has not scored yet.
    const back = await owner.post(`/api/v1/workspaces/${ws}/ambassadors/${a.id}/stage`, {
      to: 'in_review',
      reason: 'Second look',
    });
    expect(back.status).toBe(200);
    expect((await secondReviewer.get(applicantUrl(a.id))).body).toMatchObject({
      myStatus: 'none',
      aggregate: null,
    });
    const timeline = await secondReviewer.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
    expect(timeline.status).toBe(200);
    const decided = timeline.body.items.find((e: { action: string }) => e.action === 'committee.decided');
    expect(decided).toMatchObject({
      before: { stage: 'in_review' },
      after: { decision: 'decline', stage: 'declined', programName: expect.any(String), reviewCount: 1 },
    });
    expect(decided.after).not.toHaveProperty('aggregate');
    const text = JSON.stringify(timeline.body);
    for (const leak of ['aggregate', '"mean"', 'stdDev', 'audience_fit', 'secret reviewer note'])
      expect(text).not.toContain(leak);
    // The mean as a JSON value, not as digits of a timestamp such as "…T18:01:42.253Z".
    expect(text).not.toMatch(/[:,[]2\.25[,\]}]/);
  });
});

describe('deciding', () => {
  it('accepts within capacity, waitlists when full, and emails each creator', async () => {
    const { applicants, applicantUrl } = await setup({ capacity: 1, applicants: 2 });
    const [a, b] = [applicants[0]!, applicants[1]!];
    for (const x of [a, b]) {
      await owner.post(`${applicantUrl(x.id)}/review`, { scores: { audience_fit: 4, content_quality: 3 } });
    }
    const accept = await owner.post(`${applicantUrl(a.id)}/decision`, {
      decision: 'accept',
      message: 'We loved your reels.',
    });
    expect(accept.status).toBe(200);
    expect(accept.body).toMatchObject({
      decision: 'accept',
      stage: 'accepted',
      waitlistedBecauseFull: false,
      emailedTo: a.email,
      capacity: 1,
      seatsTaken: 1,
      aggregate: { mean: 3.75 },
    });

    const full = await owner.post(`${applicantUrl(b.id)}/decision`, { decision: 'accept' });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ stage: 'waitlisted', waitlistedBecauseFull: true, seatsTaken: 1 });
    expect(full.body.message).toContain('The program is full (1 of 1 seats taken)');

    const outbox = await owner.get(`/api/v1/workspaces/${ws}/outbox`);
    const toA = outbox.body.items.find((m: { to: string }) => m.to === a.email);
    const toB = outbox.body.items.find((m: { to: string }) => m.to === b.email);
    expect(toA).toMatchObject({ kind: 'committee.decision' });
    expect(toA.subject).toContain("You're in");
    expect(toA.text).toContain('We loved your reels.');
    expect(toB.subject).toContain('waitlist');

    const timeline = await owner.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
    const decided = timeline.body.items.find((e: { action: string }) => e.action === 'committee.decided');
    expect(decided).toMatchObject({
      after: { decision: 'accept', stage: 'accepted', reviewCount: 1 },
      reason: 'We loved your reels.',
    });
    expect(decided.after).not.toHaveProperty('aggregate');
    // Decided applicants leave the queue (accepted), the waitlisted one stays.
    const { base } = { base: applicantUrl('').replace(/\/applicants\/$/, '') };
    const queue = (await owner.get(`${base}/queue`)).body.items.map(
      (i: { ambassadorId: string }) => i.ambassadorId,
    );
    expect(queue).toEqual([b.id]);
  });

  it('declines with a declined email, and refuses a decision before the decider has reviewed', async () => {
    const { applicants, applicantUrl } = await setup();
    const a = applicants[0]!;
    const early = await manager.post(`${applicantUrl(a.id)}/decision`, { decision: 'decline' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('or abstain before deciding');
    await manager.post(`${applicantUrl(a.id)}/abstain`, {});
    const bad = await manager.post(`${applicantUrl(a.id)}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(422);
    expect(bad.body.problems[0].field).toBe('decision');
    const res = await manager.post(`${applicantUrl(a.id)}/decision`, { decision: 'decline' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'declined', aggregate: null });
    const outbox = await owner.get(`/api/v1/workspaces/${ws}/outbox`);
    const mail = outbox.body.items.find((m: { to: string }) => m.to === a.email);
    expect(mail.text).toContain("we won't be moving forward");
    const again = await manager.post(`${applicantUrl(a.id)}/decision`, { decision: 'accept' });
    expect(again.status).toBe(409);
  });

  it('records the email with the decision (both or neither) and delivers it after the commit', async () => {
    const { applicants, base, applicantUrl } = await setup();
    const a = applicants[0]!;
    await owner.post(`${applicantUrl(a.id)}/review`, { scores: { audience_fit: 4, content_quality: 4 } });
    const { mailer } = ctx.services;
    const send = vi.spyOn(mailer, 'send');
    const deliver = vi.spyOn(mailer, 'deliver');
    const record = vi.spyOn(mailer, 'record').mockRejectedValueOnce(new Error('outbox unavailable'));
    try {
      const failed = await owner.post(`${applicantUrl(a.id)}/decision`, { decision: 'accept' });
      expect(failed.status).toBe(500);
      // The email could not be recorded, so the decision rolled back with it.
      expect(await queueItem(owner, base, a.id)).toMatchObject({ stage: 'in_review' });
      const timeline = await owner.get(`/api/v1/workspaces/${ws}/creators/${a.creatorId}/timeline`);
      expect(timeline.body.items.map((e: { action: string }) => e.action)).not.toContain('committee.decided');
      expect(deliver).not.toHaveBeenCalled();

      const ok = await owner.post(`${applicantUrl(a.id)}/decision`, { decision: 'accept' });
      expect(ok.status).toBe(200);
      expect(record).toHaveBeenCalledTimes(2);
      expect(record.mock.calls[1]![0]).not.toBe(ctx.services.database.db);
      expect(record.mock.calls[1]![1]).toMatchObject({ to: a.email, kind: 'committee.decision' });
      const ids = await record.mock.results[1]!.value;
      expect(deliver).toHaveBeenCalledExactlyOnceWith(ctx.services.database.db, ids);
      expect(send).not.toHaveBeenCalled();
      const outbox = await owner.get(`/api/v1/workspaces/${ws}/outbox`);
      expect(outbox.body.items.filter((m: { to: string }) => m.to === a.email)).toHaveLength(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('rubric', () => {
  it('is replaced through the committee route (managers only) and past reviews keep their snapshot', async () => {
    const { program, applicants, base, applicantUrl } = await setup();
    await reviewer.post(`${applicantUrl(applicants[0]!.id)}/review`, {
      scores: { audience_fit: 4, content_quality: 2 },
    });
    const next = [{ id: 'professionalism', label: 'Professionalism', description: '', weight: 1 }];
    expect((await reviewer.put(`${base}/rubric`, { rubric: next })).status).toBe(403);
    const bad = await owner.put(`${base}/rubric`, { rubric: [{ id: 'Bad Id', label: '', weight: 0 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'rubric.0.id',
      'rubric.0.label',
      'rubric.0.weight',
    ]);
    const res = await owner.put(`${base}/rubric`, { rubric: next });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: program.id, rubric: next });
    const seen = await reviewer.get(applicantUrl(applicants[0]!.id));
    expect(seen.body.myReview.rubric.map((c: { id: string }) => c.id)).toEqual([
      'audience_fit',
      'content_quality',
    ]);
    expect(seen.body.program.rubric).toEqual(next);
  });

  it('survives a program PUT that leaves the rubric out', async () => {
    const { program, base } = await setup();
    const before = (await owner.get(base.replace('/committee', ''))).body;
    const {
      id: _i,
      slug: _s,
      seatsTaken: _t,
      stageCounts: _c,
      createdAt: _a,
      updatedAt: _u,
      ...input
    } = before;
    const { rubric, applicationForm, ...withoutSections } = input;
    const res = await owner.put(base.replace('/committee', ''), { ...withoutSections, name: 'Renamed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: program.id, name: 'Renamed', rubric, applicationForm });
    expect(rubric.length).toBeGreaterThan(0);
  });
});

describe('demo data', () => {
  it('gives the demo program a rubric and reviews the demo manager has not seen yet', async () => {
    const { seedDemo } = await import('../../src/server/db/seed/demo');
    const demo = await seedDemo(ctx.services);
    const client = new TestClient(ctx.app);
    const signin = await client.post('/api/auth/sign-in/email', {
      email: demo.email,
      password: demo.password,
    });
    expect(signin.status).toBe(200);
    const queue = await client.get(
      `/api/v1/workspaces/${demo.workspaceId}/programs/${demo.programId}/committee/queue`,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.program.rubric).toHaveLength(5);
    const reviewed = queue.body.items.filter((i: { reviewCount: number }) => i.reviewCount > 0);
    expect(reviewed.map((i: { reviewCount: number }) => i.reviewCount)).toEqual([2, 2, 1]);
    expect(
      reviewed.every(
        (i: { aggregate: unknown; myStatus: string }) => i.aggregate === null && i.myStatus === 'none',
      ),
    ).toBe(true);
  });
});
