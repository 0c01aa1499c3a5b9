// One process at a time per embedded database: PGlite does not lock its directory, and two processes
// writing the same files (say `troupe import` while `troupe serve` runs) would corrupt it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError } from './errors';

interface LockOwner {
  pid: number;
  command: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/troupe.lock` for this process, or throws a CommandError naming the process that holds
 * it. A lock left by a process that is gone (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'troupe.lock');
  const mine: LockOwner = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new CommandError(
          `The embedded database in ${dataDir} is in use by another Troupe process (pid ${owner.pid}: troupe ${owner.command}, since ${owner.since}). Stop it first, or use PostgreSQL (DATABASE_URL) to run commands next to a running server.`,
        );
      }
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new CommandError(`Could not take the lock ${file}; try again.`);
}
