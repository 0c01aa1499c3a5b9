// Where the CLI reads its environment and writes its output; injected so tests run commands in-process.
import type { Services } from '../server/http/context';

/** A place to write text (process.stdout, or a buffer in tests). */
export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  /** Relative file arguments (`import creators ./people.csv`, `--out`) resolve against this. */
  cwd: string;
  /** Reads all of standard input (`--caption-file -`); tests pass their own. */
  readStdin?: () => Promise<string>;
}

export interface RunOptions {
  /** Services that are already open (tests): commands use them and leave them open. */
  services?: Services;
  /** Ends a running `troupe serve` (tests); otherwise SIGTERM or SIGINT does. */
  signal?: AbortSignal;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Writes `text` plus a newline. */
export function println(out: Output, text = ''): void {
  out.write(`${text}\n`);
}
