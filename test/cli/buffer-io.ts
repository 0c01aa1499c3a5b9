// An in-memory CliIo: commands run in-process and tests read what they printed.
import type { CliIo } from '../../src/cli/io';

export interface BufferIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

export function bufferIo(options: { cwd?: string; env?: Record<string, string> } = {}): BufferIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
    },
    stdout: () => out,
    stderr: () => err,
  };
}
