// `troupe check-caption`, in-process: the readable table, --json in the API's shape, stdin, exit codes
// (0 passed, 1 a must rule failed, 2 invalid input naming the option), and --program against a real
// test database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { createProgram } from '../factories';
import { createTestContext, signUp, type TestContext } from '../harness';
import { bufferIo } from './buffer-io';

let dir: string;
let ctx: TestContext;
let programSlug: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'troupe-check-'));
  ctx = await createTestContext();
  const { client, workspaceId } = await signUp(ctx);
  const program = await createProgram(client, workspaceId, { name: 'Glow Circle', competitors: ['Lumina'] });
  programSlug = program.slug;
  await client.post(`/api/v1/workspaces/${workspaceId}/programs/${program.id}/briefs`, {
    content: { title: 'Spring', mustInclude: { mentions: ['@glowco'] }, mustAvoid: { words: ['cure'] } },
  });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return name;
}

async function troupe(argv: string[], options: { stdin?: string; withDatabase?: boolean } = {}) {
  const b = bufferIo({ cwd: dir });
  const io = options.stdin === undefined ? b.io : { ...b.io, readStdin: async () => options.stdin! };
  const code = await run(argv, io, options.withDatabase ? { services: ctx.services } : {});
  return { code, stdout: b.stdout(), stderr: b.stderr() };
}

describe('troupe check-caption', () => {
  it('prints a readable table and exits 0 when every must rule passes', async () => {
    const f = file('ok.txt', 'Loving my new serum #ad\n');
    const { code, stdout } = await troupe(['check-caption', '--platform', 'instagram', '--caption-file', f]);
    expect(code).toBe(0);
    expect(stdout).toContain('Caption check (instagram, default rules): PASSED');
    expect(stdout).toMatch(/✓ must\s+disclosure\.present/);
    expect(stdout).toContain('“#ad”');
  });

  it('exits 1 when a must rule fails, and prints the API shape with --json', async () => {
    const f = file('buried.txt', `${'Such a lovely morning with my coffee and the sun. '.repeat(4)}#ad`);
    const { code, stdout } = await troupe([
      'check-caption',
      '--platform',
      'instagram',
      '--caption-file',
      f,
      '--json',
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['passed', 'rules']);
    expect(json.passed).toBe(false);
    expect(json.rules.find((r: { id: string }) => r.id === 'disclosure.placement')).toMatchObject({
      passed: false,
      severity: 'must',
    });
  });

  it('reads standard input with --caption-file -', async () => {
    const { code, stdout } = await troupe(['check-caption', '--platform', 'tiktok', '--caption-file', '-'], {
      stdin: '#sponsored morning routine',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('PASSED');
  });

  it('checks against a program’s brief and competitors', async () => {
    const f = file('brief.txt', '#ad this is a cure, better than Lumina');
    const { code, stdout } = await troupe(
      ['check-caption', '--platform', 'instagram', '--caption-file', f, '--program', programSlug],
      { withDatabase: true },
    );
    expect(code).toBe(1);
    expect(stdout).toContain(`${programSlug}: brief v1`);
    expect(stdout).toMatch(/✗ must\s+mention\.required\.0/);
    expect(stdout).toMatch(/✗ must\s+forbidden\.term/);
    expect(stdout).toMatch(/✗ should\s+competitor\.mention/);
  });

  const invalid: Array<{ name: string; argv: () => string[]; says: string }> = [
    {
      name: 'an unknown platform',
      argv: () => ['--platform', 'myspace', '--caption-file', file('a.txt', 'x #ad')],
      says: '--platform: "myspace" is not a platform',
    },
    {
      name: 'an empty caption',
      argv: () => ['--platform', 'instagram', '--caption-file', file('empty.txt', '  \n')],
      says: '--caption-file: caption must not be empty',
    },
    { name: 'a missing platform', argv: () => ['--caption-file', 'a.txt'], says: 'missing --platform' },
    {
      name: 'an unknown program',
      argv: () => ['--platform', 'instagram', '--caption-file', file('b.txt', 'x #ad'), '--program', 'nope'],
      says: '--program: no program with id or slug "nope"',
    },
  ];
  for (const c of invalid) {
    it(`exits 2 for ${c.name}, naming the option`, async () => {
      const { code, stderr, stdout } = await troupe(['check-caption', ...c.argv()], { withDatabase: true });
      expect(code).toBe(2);
      expect(stderr).toContain(c.says);
      expect(stdout).toBe('');
    });
  }
});
