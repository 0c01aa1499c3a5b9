// The CLI's two kinds of expected failure: wrong usage (exit 2) and work the user can fix (exit 1).

export class UsageError extends Error {
  /** The command whose usage was wrong (`import`), or null for the top level. */
  readonly command: string | null;

  constructor(command: string | null, message: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }

  /** What to run next, e.g. "Run `troupe import --help` for usage." */
  get hint(): string {
    return this.command
      ? `Run \`troupe ${this.command} --help\` for usage.`
      : 'Run `troupe --help` to see the commands.';
  }
}

/** The work could not be done for a reason the user can fix (a missing file, a busy port): exit code 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
