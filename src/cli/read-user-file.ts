import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandError } from './errors';

/** Reads a file the user named (relative to `cwd`); the error says which file and why, without a stack trace. */
export function readUserFile(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CommandError(`Cannot read ${file}: ${why}.`);
  }
}
