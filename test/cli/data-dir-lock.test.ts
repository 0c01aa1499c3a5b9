// Only one process at a time may open an embedded database directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/cli/data-dir-lock';
import { run } from '../../src/cli/main';
import { bufferIo } from './buffer-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'troupe-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => join(dir, 'troupe.lock');
const holdAs = (pid: number) =>
  writeFileSync(lockFile(), JSON.stringify({ pid, command: 'serve', since: '2026-04-01T09:00:00.000Z' }));

describe('the embedded database lock', () => {
  it('is taken and released by this process', () => {
    const lock = lockDataDir(dir, 'import');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'import',
    });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a directory another live process holds, and the command exits 1 without opening it', async () => {
    holdAs(process.ppid);
    expect(() => lockDataDir(dir, 'import')).toThrow(
      `in use by another Troupe process (pid ${process.ppid}: troupe serve`,
    );

    const b = bufferIo({ env: { TROUPE_DATA_DIR: dir } });
    expect(await run(['migrate'], b.io)).toBe(1);
    expect(b.stderr()).toContain(
      `error: The embedded database in ${dir} is in use by another Troupe process`,
    );
    expect(b.stderr()).toContain('use PostgreSQL (DATABASE_URL)');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    holdAs(gone);
    const lock = lockDataDir(dir, 'serve');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
