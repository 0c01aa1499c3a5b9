// What a CLI command is, and how its arguments are parsed (node:util parseArgs) into friendly usage errors.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import type { CliIo, RunOptions } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface CommandContext {
  io: CliIo;
  options: RunOptions;
  /** The running command's name (`import`), for messages and locks. */
  commandName: string;
}

export interface Command {
  name: string;
  /** One line for `troupe --help`, after the synopsis. */
  summary: string;
  /** How it is called, for the overview: `import creators <file.csv> --workspace <id|slug>`. */
  synopsis: string;
  /** The full text of `troupe <name> --help`. */
  help: string;
  options: Record<string, OptionSpec>;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

const helpOption: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h' } };

/** The option a parseArgs message is about: its long name when it has one (`'-p, --port <value>'`). */
function quotedOption(message: string): string | null {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  return /--[\w-]+/.exec(quoted)?.[0] ?? /-[\w-]+/.exec(quoted)?.[0] ?? null;
}

/** Parses a command's arguments; unknown options and missing values become UsageErrors naming the option. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, ...helpOption },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = quotedOption(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(command.name, `unknown option ${option ?? message}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      const spec = command.options[option.replace(/^-+/, '')];
      throw new UsageError(
        command.name,
        spec?.type === 'boolean' ? `option ${option} takes no value` : `option ${option} needs a value`,
      );
    }
    throw new UsageError(command.name, message);
  }
}

/** The value of a string option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The value of a required string option; a UsageError names it when it is missing or empty. */
export function requiredOption(command: string, args: ParsedArgs, name: string, placeholder: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value.trim() === '')
    throw new UsageError(command, `missing --${name} <${placeholder}>`);
  return value.trim();
}

export function isFlagSet(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Refuses positional arguments beyond the first `max`, naming the first extra one. */
export function rejectExtraArguments(command: string, args: ParsedArgs, max = 0): void {
  const extra = args.positionals[max];
  if (extra !== undefined) throw new UsageError(command, `unexpected argument "${extra}"`);
}

/** The entity word after `import`/`export`: today only `creators`. */
export function entityArgument(command: string, args: ParsedArgs, example: string): 'creators' {
  const entity = args.positionals[0];
  if (entity === undefined)
    throw new UsageError(command, `missing what to ${command}: \`troupe ${example}\``);
  if (entity !== 'creators')
    throw new UsageError(command, `cannot ${command} "${entity}"; only creators can be ${command}ed`);
  return entity;
}
