// The `troupe` command line: parses argv, dispatches to a command, and turns errors into exit codes
// (0 ok, 1 the work failed, 2 the command was called wrongly). bin/troupe.mjs calls run().
import { applyPlainValidationMessages } from '../core/validation/messages';
import { AppError } from '../server/lib/app-error';
import { version } from '../server/lib/version';
import { type Command, parseCommandArgs } from './command';
import { checkCaptionCommand } from './commands/check-caption';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';
import { vetCommand } from './commands/vet';
import { CommandError, UsageError } from './errors';
import { type CliIo, println, processIo, type RunOptions } from './io';

export type { CliIo, RunOptions } from './io';

export const commands: readonly Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  importCommand,
  exportCommand,
  vetCommand,
  checkCaptionCommand,
];

export function overviewHelp(): string {
  const width = Math.max(...commands.map((c) => c.synopsis.length)) + 3;
  const lines = commands.map((c) => `  ${c.synopsis.padEnd(width)}${c.summary}`);
  return `Troupe ${version}: run a micro-influencer ambassador program.

Usage: troupe <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help       Show this help; \`troupe <command> --help\` shows a command's options
  -v, --version    Show the version

Environment:
  DATABASE_URL     PostgreSQL connection URL; without it Troupe uses its embedded database
  TROUPE_DATA_DIR  Directory of the embedded database and generated secrets (default ./data)
  PORT             Port of \`troupe serve\` (default 3000)
  LOG_LEVEL        fatal, error, warn, info, debug, trace or silent

Examples:
  troupe serve
  troupe import creators customers.csv --workspace glow-co --skip-bad-rows
  troupe export creators --workspace glow-co --stage active --out active.csv
  troupe vet --input creator.json
`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownCommand(name: string): UsageError {
  const closest = commands
    .map((c) => ({ name: c.name, distance: editDistance(name.toLowerCase(), c.name) }))
    .sort((x, y) => x.distance - y.distance)[0];
  const suggestion = closest && closest.distance <= 2 ? ` (did you mean "${closest.name}"?)` : '';
  return new UsageError(null, `unknown command "${name}"${suggestion}`);
}

function findCommand(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) throw unknownCommand(name);
  return command;
}

async function dispatch(argv: string[], io: CliIo, options: RunOptions): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(null, 'missing the command, e.g. `troupe serve`');
  if (first === '-h' || first === '--help') {
    io.stdout.write(overviewHelp());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    println(io.stdout, version);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    io.stdout.write(topic === undefined ? overviewHelp() : findCommand(topic).help);
    return 0;
  }
  if (first.startsWith('-'))
    throw new UsageError(null, `unknown option ${first} (options go after the command)`);
  const command = findCommand(first);
  const args = parseCommandArgs(command, rest);
  if (args.values.help === true) {
    io.stdout.write(command.help);
    return 0;
  }
  return command.run(args, { io, options, commandName: command.name });
}

/** Errors that mean the database cannot be reached or entered (network, authentication, no such database). */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  '28000',
  '28P01',
  '3D000',
]);

/** The error and its causes, outermost first (drizzle wraps driver errors in "Failed query: …"). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let e = error;
    e !== undefined && e !== null && chain.length < 5;
    e = (e as { cause?: unknown }).cause
  ) {
    chain.push(e);
  }
  return chain;
}

/** Prints what went wrong: the message for people, the stack only when LOG_LEVEL asks for debugging. */
function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    println(io.stderr, `troupe${error.command ? ` ${error.command}` : ''}: ${error.message}`);
    println(io.stderr, error.hint);
    return 2;
  }
  const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
  if (error instanceof CommandError) {
    println(io.stderr, `error: ${error.message}`);
    return 1;
  }
  if (error instanceof AppError) {
    println(io.stderr, `error: ${error.message}`);
    for (const p of error.problems) {
      if (!error.message.includes(p.message)) println(io.stderr, `  ${p.field}: ${p.message}`);
    }
    return 1;
  }
  const chain = causeChain(error);
  const unreachable = chain.find((e) => connectionCodes.has(String((e as { code?: unknown }).code)));
  if (unreachable) {
    println(io.stderr, `error: cannot use the database: ${messageOf(unreachable)}`);
    println(io.stderr, 'Is PostgreSQL running, and are DATABASE_URL’s host, port, user and database right?');
  } else {
    println(io.stderr, `error: ${messageOf(error)}`);
    for (const cause of chain.slice(1)) println(io.stderr, `  caused by: ${messageOf(cause)}`);
  }
  if (io.env.LOG_LEVEL === 'debug' || io.env.LOG_LEVEL === 'trace') {
    if (error instanceof Error && error.stack) println(io.stderr, error.stack);
  } else {
    println(io.stderr, 'Run with LOG_LEVEL=debug for the details.');
  }
  return 1;
}

/**
 * Runs the CLI in-process and returns the exit code; output goes to `io`.
 * @example process.exitCode = await run(process.argv.slice(2));
 * @example await run(['export', 'creators', '--workspace', 'glow-co'], io, { services }); // tests
 */
export async function run(
  argv: string[],
  io: CliIo = processIo(),
  options: RunOptions = {},
): Promise<number> {
  applyPlainValidationMessages();
  try {
    return await dispatch(argv, io, options);
  } catch (error) {
    return reportFailure(error, io);
  }
}
