// `troupe vet`, in-process: text and JSON reports, pools, invalid input (exit 2), and --program against a
// real test database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { CreatorInput } from '../../src/core/vetting';
import { makeBenchCreator } from '../../src/core/vetting/perf';
import { vetCreator } from '../../src/core/vetting/report';
import { makeCreator, makePost } from '../../src/core/vetting/test-factories';
import { createProgram } from '../factories';
import { createTestContext, signUp, type TestContext } from '../harness';
import { bufferIo } from './buffer-io';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'troupe-vet-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return name;
}

async function troupe(...argv: string[]) {
  const b = bufferIo({ cwd: dir });
  const code = await run(argv, b.io);
  return { code, stdout: b.stdout(), stderr: b.stderr() };
}

/** `troupe` with the test database as its services (what --program reads). */
async function troupeWithDatabase(ctx: TestContext, ...argv: string[]) {
  const b = bufferIo({ cwd: dir });
  const code = await run(argv, b.io, { services: ctx.services });
  return { code, stdout: b.stdout(), stderr: b.stderr() };
}

/** Three creators whose posts are commented on by each other: a pod only the pool shows. */
function podMember(handle: string, others: string[]): CreatorInput {
  const posts = [0, 3, 6, 9].map((daysAgo) =>
    makePost(`${handle}-${daysAgo}`, daysAgo, {
      likes: 400,
      comments: 20,
      commentSamples: others.map((author) => ({ author, text: 'love this so much!' })),
    }),
  );
  return makeCreator({ handle, posts });
}

describe('troupe vet --input creator.json', () => {
  it('prints a readable report with the score, verdict, sections and flags', async () => {
    const creator = makeBenchCreator();
    const expected = vetCreator(creator);
    const { code, stdout, stderr } = await troupe(
      'vet',
      '--input',
      file('creator.json', JSON.stringify(creator)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${expected.handle} (instagram)`);
    expect(stdout).toContain(`Score ${expected.score}/100, verdict: ${expected.verdict}`);
    for (const section of ['Engagement', 'Comments', 'Followers', 'Growth', 'Consistency', 'Alignment']) {
      expect(stdout).toMatch(new RegExp(`^${section} `, 'm'));
    }
    expect(stdout).toContain('no program persona to compare with (vet with --program <id|slug>)');
    for (const flag of expected.flags) expect(stdout).toContain(`[${flag.code}]`);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('prints the report as JSON with --json', async () => {
    const creator = makeBenchCreator(7);
    const { code, stdout } = await troupe(
      'vet',
      '--input',
      file('seven.json', JSON.stringify(creator)),
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(JSON.parse(JSON.stringify(vetCreator(creator))));
    expect(typeof report.score).toBe('number');
    expect(['recommend', 'review', 'reject']).toContain(report.verdict);
    expect(report.sections.comments.items.length).toBeGreaterThan(0);
  });

  it('exits with 2 and names the field when the creator is invalid', async () => {
    const bad = file('bad.json', JSON.stringify({ ...makeCreator(), followers: 'lots' }));
    const { code, stdout, stderr } = await troupe('vet', '--input', bad);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('troupe vet: bad.json: followers: followers is required and must be a number');
    expect(stderr).toContain('troupe vet --help');
  });

  it('names nested fields by their path', async () => {
    const creator = makeCreator({ posts: [makePost('a', 1), makePost('b', 2)] });
    const json = JSON.parse(JSON.stringify(creator));
    json.posts[1].likes = -3;
    const { code, stderr } = await troupe('vet', '--input', file('nested.json', JSON.stringify(json)));
    expect(code).toBe(2);
    expect(stderr).toContain('posts.1.likes: posts.likes must not be negative');
  });

  it('exits with 2 on a file that is not JSON, and with 1 on a missing file', async () => {
    const notJson = await troupe('vet', '--input', file('broken.json', '{"handle": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('broken.json is not valid JSON');
    const missing = await troupe('vet', '--input', 'nowhere.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read nowhere.json: no such file.');
  });

  it('exits with 2 without --input', async () => {
    const { code, stderr } = await troupe('vet');
    expect(code).toBe(2);
    expect(stderr).toContain('missing --input <file>');
  });
});

describe('troupe vet --input pool.jsonl', () => {
  const pool = [
    podMember('ana', ['bea', 'cleo']),
    podMember('bea', ['ana', 'cleo']),
    podMember('cleo', ['ana', 'bea']),
    makeBenchCreator(3),
  ];
  const jsonl = `${pool.map((c) => JSON.stringify(c)).join('\n')}\n`;

  it('prints each creator’s report and the pod groups as JSON', async () => {
    const { code, stdout, stderr } = await troupe('vet', '--input', file('pool.jsonl', jsonl), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.reports.map((r: { handle: string }) => r.handle)).toEqual(pool.map((c) => c.handle));
    expect(report.podGroups).toHaveLength(1);
    expect(report.podGroups[0].members).toEqual(['ana', 'bea', 'cleo']);
    expect(report.reports[0].flags.map((f: { code: string }) => f.code)).toContain('pods.pool-group');
  });

  it('prints one line per creator and the pod groups as text', async () => {
    const { code, stdout } = await troupe('vet', '--input', file('pool-text.jsonl', jsonl));
    expect(code).toBe(0);
    expect(stdout).toContain('4 creators vetted:');
    expect(stdout).toMatch(/^ {2}ana +instagram +\d+\/100 {2}\w+/m);
    expect(stdout).toContain('Pod groups (1):');
    expect(stdout).toContain('  ana, bea, cleo');
  });

  it('reads any file as JSONL with --pool, skipping blank lines', async () => {
    const name = file('pool.txt', `\n${JSON.stringify(pool[0])}\n\n${JSON.stringify(pool[1])}\n`);
    const { code, stdout } = await troupe('vet', '--input', name, '--pool', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reports).toHaveLength(2);
  });

  it('exits with 2 and names the line of an invalid creator', async () => {
    const lines = [JSON.stringify(pool[0]), JSON.stringify({ ...makeCreator(), followers: 'lots' })];
    const { code, stdout, stderr } = await troupe('vet', '--input', file('bad.jsonl', lines.join('\n')));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.jsonl line 2: followers: followers is required and must be a number');
  });

  it('exits with 2 and names the line that is not JSON', async () => {
    const lines = [JSON.stringify(pool[0]), JSON.stringify(pool[1]), '{oops'];
    const { code, stderr } = await troupe('vet', '--input', file('broken.jsonl', lines.join('\n')));
    expect(code).toBe(2);
    expect(stderr).toContain('broken.jsonl line 3: not valid JSON');
  });
});

describe('troupe vet --program', () => {
  let ctx: TestContext;
  let program: { id: string; slug: string };
  const persona = {
    countries: ['US', 'CA'],
    ageBands: ['25-34'],
    niches: ['skincare'],
    followerMin: 10_000,
    followerMax: 100_000,
    minEngagementRate: null,
    platforms: ['instagram'],
  };
  // The bench creator's sponsored posts name Glossier, The Ordinary or CeraVe every 15 days.
  const competitors = ['Glossier', 'The Ordinary', 'CeraVe'];
  const creator = makeBenchCreator();
  const expected = vetCreator(creator, { persona, competitors, exclusivityDays: 30 });

  beforeAll(async () => {
    ctx = await createTestContext();
    const { client, workspaceId } = await signUp(ctx, { workspaceName: 'Glow Co' });
    program = await createProgram(client, workspaceId, {
      name: 'Glow Circle',
      persona,
      competitors,
      exclusivityDays: 30,
    });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('vets against the program’s persona, competitors and exclusivity window, found by slug', async () => {
    const input = file('program.json', JSON.stringify(creator));
    const { code, stdout, stderr } = await troupeWithDatabase(
      ctx,
      'vet',
      '--input',
      input,
      '--program',
      program.slug,
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(report.sections.alignment.figures.hasPersona).toBe(true);
    const inWindow = report.sections.conflicts.figures.conflicts.filter(
      (c: { isInWindow: boolean }) => c.isInWindow,
    );
    // Sponsored posts on days 60 and 75 fall in the last 30 days before the latest post (day 89).
    expect(inWindow.map((c: { postId: string }) => c.postId)).toEqual(['post_60', 'post_75']);
    expect(report.flags.map((f: { code: string }) => f.code)).toContain('conflicts.competitor-in-window');
  });

  it('finds the program by id too, and prints the persona fit as text', async () => {
    const input = file('program-text.json', JSON.stringify(creator));
    const { code, stdout } = await troupeWithDatabase(ctx, 'vet', '--input', input, '--program', program.id);
    expect(code).toBe(0);
    expect(stdout).toContain(`Score ${expected.score}/100, verdict: ${expected.verdict}`);
    expect(stdout).not.toContain('no program persona');
    expect(stdout).toMatch(/^Alignment +countries [\d.]+ %, ages/m);
  });

  it('vets a pool against the program', async () => {
    const pool = [makeBenchCreator(3), creator];
    const input = file('program-pool.jsonl', pool.map((c) => JSON.stringify(c)).join('\n'));
    const { code, stdout } = await troupeWithDatabase(
      ctx,
      'vet',
      '--input',
      input,
      '--program',
      program.slug.toUpperCase(),
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.reports).toHaveLength(2);
    for (const r of report.reports) expect(r.sections.alignment.figures.hasPersona).toBe(true);
    expect(report.reports[1]).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('exits with 2 and names the program when there is no such program', async () => {
    const input = file('unknown-program.json', JSON.stringify(creator));
    const { code, stdout, stderr } = await troupeWithDatabase(
      ctx,
      'vet',
      '--input',
      input,
      '--program',
      'no-such-program',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('troupe vet: --program: no program with id or slug "no-such-program"');
  });

  it('exits with 2 and names the field or line of invalid input before reading the program', async () => {
    const bad = file('bad-program.json', JSON.stringify({ ...makeCreator(), handle: 42 }));
    const single = await troupeWithDatabase(ctx, 'vet', '--input', bad, '--program', program.slug);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('bad-program.json: handle:');
    const lines = [JSON.stringify(creator), JSON.stringify({ ...makeCreator(), posts: [{ id: 'x' }] })];
    const badPool = file('bad-program.jsonl', lines.join('\n'));
    const pool = await troupeWithDatabase(ctx, 'vet', '--input', badPool, '--program', 'no-such-program');
    expect(pool.code).toBe(2);
    expect(pool.stderr).toContain('bad-program.jsonl line 2: posts.0.postedAt:');
  });
});
