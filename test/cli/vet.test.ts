// `troupe vet`, in-process and without a database: text and JSON reports, pools, and invalid input (exit 2).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { CreatorInput } from '../../src/core/vetting';
import { makeBenchCreator } from '../../src/core/vetting/perf';
import { vetCreator } from '../../src/core/vetting/report';
import { makeCreator, makePost } from '../../src/core/vetting/test-factories';
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
    expect(stdout).toContain('--program is coming with the API');
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
