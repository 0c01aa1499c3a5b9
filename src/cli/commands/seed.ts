// `troupe seed --demo`: creates the demo workspace through the real services.
import { type Command, isFlagSet, rejectExtraArguments } from '../command';
import { UsageError } from '../errors';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Create the demo workspace "Glow & Co." with a program and 40 creators',
  synopsis: 'seed --demo',
  help: `Usage: troupe seed --demo

Creates the demo workspace "Glow & Co.": a manager account, the "Glow Circle Ambassadors" program
(objective, KPI targets, persona, tiers, cadence) and 40 creators spread over every pipeline stage, with
their audit history. Other data in the database is left alone. If the demo user already exists, nothing
is changed.

\`troupe serve\` does this by itself when the embedded database is empty.

Options:
  --demo       Seed the demo workspace (required; it is the only seed)
  -h, --help   Show this help
`,
  options: { demo: { type: 'boolean' } },
  async run(args, ctx) {
    rejectExtraArguments('seed', args);
    if (!isFlagSet(args, 'demo'))
      throw new UsageError('seed', 'missing --demo (the demo workspace is the only seed)');
    const { seedDemoWorkspace } = await import('../tasks/seed-demo-workspace');
    return seedDemoWorkspace(ctx);
  },
};
