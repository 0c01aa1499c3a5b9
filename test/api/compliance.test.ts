// POST /api/v1/compliance/check: the documented shape, a program's brief and competitors, inline briefs
// and raw rules, tenancy, and errors that name the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../factories';
import { createTestContext, signUp, TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let owner: TestClient;
let ws: string;
let programId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, workspaceId: ws } = await signUp(ctx));
  programId = (await createProgram(owner, ws, { competitors: ['Lumina'] })).id;
  await owner.post(`/api/v1/workspaces/${ws}/programs/${programId}/briefs`, {
    content: {
      title: 'Spring glow',
      mustInclude: { productNames: ['Glow Serum'], mentions: ['@glowco'] },
      mustAvoid: { words: ['cure'] },
    },
  });
});
afterAll(async () => ctx.close());

const check = (body: unknown, client = owner) => client.post('/api/v1/compliance/check', body);

describe('POST /api/v1/compliance/check', () => {
  it('checks disclosure alone with no brief, in the documented shape', async () => {
    const res = await check({ platform: 'instagram', caption: 'My new favourite serum #ad' });
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(true);
    for (const rule of res.body.rules) {
      expect(Object.keys(rule).sort()).toEqual(
        expect.arrayContaining(['id', 'message', 'passed', 'severity']),
      );
    }
    const disclosure = res.body.rules.find((r: { id: string }) => r.id === 'disclosure.present');
    expect(disclosure).toMatchObject({ passed: true, severity: 'must', span: { start: 23, end: 26 } });
    expect(res.body.checkedAgainst.source).toBe('defaults');
  });

  it('uses the program’s standing brief and competitors', async () => {
    const caption = 'This Glow Serum is a cure, better than Lumina. @glowco #ad';
    const res = await check({ programId, platform: 'instagram', caption });
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(false);
    expect(res.body.checkedAgainst).toMatchObject({ programId, version: 1, source: 'program' });
    const failed = res.body.rules.filter((r: { passed: boolean }) => !r.passed);
    const forbidden = failed.find((r: { id: string }) => r.id.startsWith('forbidden.term'));
    expect(caption.slice(forbidden.span.start, forbidden.span.end)).toBe('cure');
    const competitor = failed.find((r: { id: string }) => r.id.startsWith('competitor.mention'));
    expect(competitor.severity).toBe('should');
  });

  it('takes an inline brief (with the program’s competitors) or raw rules', async () => {
    const inline = await check({
      programId,
      brief: { title: 'Draft', mustInclude: { mentions: ['#glowcircle'] } },
      platform: 'tiktok',
      caption: '#ad loving it #glowcircle, unlike Lumina',
    });
    expect(inline.body.checkedAgainst.source).toBe('inline');
    expect(inline.body.rules.some((r: { id: string }) => r.id.startsWith('competitor.mention'))).toBe(true);
    const raw = await check({
      rules: { requiredMentions: ['@brand'] },
      platform: 'other',
      caption: 'hello #sponsored',
    });
    expect(raw.body.passed).toBe(false);
    expect(raw.body.checkedAgainst.source).toBe('rules');
  });

  it('says when a required tracking link cannot be checked', async () => {
    const res = await check({
      brief: { title: 'T', mustInclude: { trackingLinkOrCode: true } },
      platform: 'instagram',
      caption: '#ad use JANE15',
    });
    expect(res.body.rules.at(-1)).toMatchObject({
      id: 'tracking.present',
      severity: 'should',
      passed: false,
    });
    expect(res.body.rules.at(-1).message).toContain('each ambassador’s drafts are checked');
    expect(res.body.rules.at(-1).message).not.toContain('`tracking`');
    const withCode = await check({
      brief: { title: 'T', mustInclude: { trackingLinkOrCode: true } },
      tracking: { codes: ['JANE15'] },
      platform: 'instagram',
      caption: '#ad use JANE15',
    });
    expect(withCode.body.passed).toBe(true);
  });

  it('names the field of invalid input and stores nothing', async () => {
    const platform = await check({ platform: 'myspace', caption: 'hi #ad' });
    expect(platform.status).toBe(422);
    expect(platform.headers.get('content-type')).toContain('application/problem+json');
    expect(platform.body.problems[0].field).toBe('platform');
    const empty = await check({ platform: 'instagram', caption: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.problems[0]).toEqual({ field: 'caption', message: 'caption must not be empty' });
    const both = await check({ programId, rules: {}, platform: 'instagram', caption: 'x' });
    expect(both.body.problems[0].field).toBe('rules');
  });

  it('refuses strangers and programs of other workspaces', async () => {
    const anonymous = await check({ platform: 'instagram', caption: 'x' }, new TestClient(ctx.app));
    expect(anonymous.status).toBe(401);
    const { client: other, workspaceId: otherWs } = await signUp(ctx);
    const res = await check({ programId, platform: 'instagram', caption: 'x #ad' }, other);
    expect(res.status).toBe(404);
    expect(res.body.problems[0].field).toBe('programId');
    const narrowed = await check({ programId, workspaceId: otherWs, platform: 'instagram', caption: 'x' });
    expect(narrowed.status).toBe(404);
  });
});
