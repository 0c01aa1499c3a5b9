// The CLI's argument handling, in-process and without a database: help, versions and usage errors (exit 2).
import { describe, expect, it } from 'vitest';
import { documentedCsvColumns } from '../../src/cli/commands/import';
import { run } from '../../src/cli/main';
import { creatorCsvColumns } from '../../src/server/modules/people/creator-csv.service';
import { bufferIo } from './buffer-io';

async function troupe(...argv: string[]) {
  const b = bufferIo();
  const code = await run(argv, b.io);
  return { code, stdout: b.stdout(), stderr: b.stderr() };
}

describe('troupe help', () => {
  it('lists every command with --help, -h and help', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const { code, stdout, stderr } = await troupe(flag);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const command of ['serve', 'migrate', 'seed --demo', 'import creators', 'export creators']) {
        expect(stdout).toContain(`  ${command}`);
      }
    }
  });

  it('shows a command’s options with `<command> --help` and `help <command>`', async () => {
    const viaFlag = await troupe('import', '--help');
    const viaHelp = await troupe('help', 'import');
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain('Usage: troupe import creators <file.csv> --workspace <id|slug>');
    expect(viaFlag.stdout).toContain('--skip-bad-rows');
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect((await troupe('serve', '-h')).stdout).toContain('--port <N>');
    expect((await troupe('export', '--help')).stdout).toContain('--stage <stage>');
  });

  it('documents exactly the CSV columns the importer reads', () => {
    expect(documentedCsvColumns.split(', ')).toEqual([...creatorCsvColumns]);
  });

  it('prints the version', async () => {
    const { code, stdout } = await troupe('--version');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('usage errors exit with 2, a one-line message and a hint', () => {
  const cases: Array<{ argv: string[]; message: string; hint: string }> = [
    { argv: [], message: 'troupe: missing the command', hint: 'Run `troupe --help`' },
    { argv: ['nonsense'], message: 'troupe: unknown command "nonsense"', hint: 'Run `troupe --help`' },
    { argv: ['serv'], message: 'did you mean "serve"?', hint: 'Run `troupe --help`' },
    { argv: ['--frobnicate'], message: 'troupe: unknown option --frobnicate', hint: 'Run `troupe --help`' },
    { argv: ['help', 'nonsense'], message: 'unknown command "nonsense"', hint: 'Run `troupe --help`' },
    {
      argv: ['serve', '--port', 'abc'],
      message: 'troupe serve: --port must be a whole number',
      hint: 'troupe serve --help',
    },
    {
      argv: ['serve', '--port'],
      message: 'troupe serve: option --port needs a value',
      hint: 'troupe serve --help',
    },
    {
      argv: ['serve', 'now'],
      message: 'troupe serve: unexpected argument "now"',
      hint: 'troupe serve --help',
    },
    {
      argv: ['migrate', '--force'],
      message: 'troupe migrate: unknown option --force',
      hint: 'troupe migrate --help',
    },
    { argv: ['seed'], message: 'troupe seed: missing --demo', hint: 'troupe seed --help' },
    {
      argv: ['seed', '--demo=yes'],
      message: 'troupe seed: option --demo takes no value',
      hint: 'troupe seed --help',
    },
    { argv: ['import'], message: 'troupe import: missing what to import', hint: 'troupe import --help' },
    {
      argv: ['import', 'orders', 'a.csv'],
      message: 'troupe import: cannot import "orders"',
      hint: 'troupe import --help',
    },
    {
      argv: ['import', 'creators'],
      message: 'troupe import: missing the CSV file',
      hint: 'troupe import --help',
    },
    {
      argv: ['import', 'creators', 'people.csv'],
      message: 'troupe import: missing --workspace <id|slug>',
      hint: 'troupe import --help',
    },
    {
      argv: ['import', 'creators', 'people.csv', '--workspace', 'w', '--skip-bad-row'],
      message: 'troupe import: unknown option --skip-bad-row',
      hint: 'troupe import --help',
    },
    {
      argv: ['export', 'creators'],
      message: 'troupe export: missing --workspace <id|slug>',
      hint: 'troupe export --help',
    },
    {
      argv: ['export', 'creators', '--workspace', 'w', '--stage', 'famous'],
      message: 'troupe export: unknown stage "famous"; expected one of prospect,',
      hint: 'troupe export --help',
    },
  ];

  for (const { argv, message, hint } of cases) {
    it(`troupe ${argv.join(' ') || '(nothing)'}`, async () => {
      const { code, stdout, stderr } = await troupe(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain(message);
      expect(lines[1]).toContain(hint);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
