// `troupe import creators` and `troupe export creators`, end to end against a real test database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { createProgram } from '../factories';
import { createTestContext, signUp, type TestContext } from '../harness';
import { bufferIo } from './buffer-io';

let ctx: TestContext;
let dir: string;
let workspace: { id: string; slug: string; name: string };
let programSlug: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { client, workspaceId } = await signUp(ctx, { workspaceName: 'Harbor Coffee' });
  const me = await client.get('/api/v1/me');
  workspace = me.body.workspaces.find((w: { id: string }) => w.id === workspaceId);
  programSlug = (await createProgram(client, workspaceId, { name: 'Harbor Regulars' })).slug;
  dir = mkdtempSync(join(tmpdir(), 'troupe-cli-'));
  writeFileSync(
    join(dir, 'people.csv'),
    [
      'name,email,country,tags,instagram,instagram_followers,tiktok,tiktok_followers',
      'Ada Brewer,ada@example.com,GB,coffee;latte art,ada.brews,12000,,',
      'No Email,not-an-email,US,,no.email,500,,',
      'Bo Roaster,bo@example.org,US,home roasting,,,@bo.roasts,"48,200"',
      'Bad Country,bc@example.com,Germany,,bc,10,,',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'wrong-header.csv'), 'full_name,mail\nAda,ada@example.com\n');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

async function troupe(...argv: string[]) {
  const b = bufferIo({ cwd: dir });
  const code = await run(argv, b.io, { services: ctx.services });
  return { code, stdout: b.stdout(), stderr: b.stderr() };
}

async function exported(...extra: string[]) {
  const { code, stdout } = await troupe('export', 'creators', '--workspace', workspace.slug, ...extra);
  expect(code).toBe(0);
  return parse(stdout, { columns: true }) as Array<Record<string, string>>;
}

describe('troupe import creators', () => {
  it('reports every bad row by line and writes nothing unless told to skip them', async () => {
    const { code, stdout, stderr } = await troupe(
      'import',
      'creators',
      'people.csv',
      '--workspace',
      workspace.slug,
    );
    expect(code).toBe(1);
    expect(stdout).toContain('Checked 4 rows of people.csv: 2 valid, 2 with errors.');
    expect(stdout).toContain('  line 3, email: must be a valid email address\n');
    expect(stdout).toContain(
      '  line 5, country: must be a two-letter ISO 3166 country code such as US or DE\n',
    );
    expect(stderr).toContain('Nothing was written: 2 rows have errors.');
    expect(stderr).toContain('--skip-bad-rows');
    expect(await exported()).toEqual([]);
  });

  it('checks without writing on --dry-run', async () => {
    const strict = await troupe(
      'import',
      'creators',
      'people.csv',
      '--workspace',
      workspace.slug,
      '--dry-run',
    );
    expect(strict.code).toBe(1);
    const lenient = await troupe(
      'import',
      'creators',
      'people.csv',
      '--workspace',
      workspace.slug,
      '--dry-run',
      '--skip-bad-rows',
    );
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain(
      'Dry run: 2 creators would be imported into "Harbor Coffee"; nothing was written.',
    );
    expect(await exported()).toEqual([]);
  });

  it('imports the good rows into a program with --skip-bad-rows', async () => {
    const { code, stdout } = await troupe(
      'import',
      'creators',
      join(dir, 'people.csv'),
      '--workspace',
      workspace.id,
      '--program',
      programSlug,
      '--skip-bad-rows',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Imported 2 creators into "Harbor Coffee" and added them to "Harbor Regulars" as prospects; skipped 2 rows with errors.',
    );
    const rows = await exported('--program', programSlug, '--stage', 'prospect');
    expect(rows.map((r) => [r.name, r.email, r.tiktok_followers, r.programs])).toEqual([
      ['Ada Brewer', 'ada@example.com', '', 'Harbor Regulars: prospect'],
      ['Bo Roaster', 'bo@example.org', '48200', 'Harbor Regulars: prospect'],
    ]);
  });

  it('refuses to import the same people twice', async () => {
    const { code, stdout } = await troupe('import', 'creators', 'people.csv', '--workspace', workspace.slug);
    expect(code).toBe(1);
    expect(stdout).toContain('line 2, email: ada@example.com already belongs to a creator in this workspace');
    expect(await exported()).toHaveLength(2);
  });

  it('names a broken header, a missing file, and an unknown workspace or program, without a stack trace', async () => {
    const header = await troupe('import', 'creators', 'wrong-header.csv', '--workspace', workspace.slug);
    expect(header.code).toBe(1);
    expect(header.stdout).toContain('line 1, header: missing column "name"');

    const missing = await troupe('import', 'creators', 'missing.csv', '--workspace', workspace.slug);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: Cannot read missing.csv: no such file.\n' });

    const noWorkspace = await troupe('import', 'creators', 'people.csv', '--workspace', 'nope');
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toMatch(
      /^error: No workspace with id or slug "nope"\. Workspaces: .*harbor-coffee/,
    );

    const noProgram = await troupe('export', 'creators', '--workspace', workspace.slug, '--program', 'nope');
    expect(noProgram.code).toBe(1);
    expect(noProgram.stderr).toContain(
      `No program with id or slug "nope" in this workspace. Programs: ${programSlug}.`,
    );
    for (const r of [header, missing, noWorkspace, noProgram]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('troupe export creators', () => {
  it('writes CSV to a file with --out and filters by stage', async () => {
    const { code, stdout } = await troupe(
      'export',
      'creators',
      '--workspace',
      workspace.slug,
      '--out',
      'all.csv',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote 2 creators to all.csv.\n');
    const rows = parse(readFileSync(join(dir, 'all.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.name)).toEqual(['Ada Brewer', 'Bo Roaster']);
    expect(rows[0]).toMatchObject({ country: 'GB', tags: 'coffee;latte art', instagram: 'ada.brews' });
    expect(await exported('--stage', 'active')).toEqual([]);
  });
});
