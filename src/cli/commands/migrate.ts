// `troupe migrate`: applies the committed migrations to the configured database.
import { type Command, rejectExtraArguments } from '../command';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply the database migrations (serve does this too)',
  synopsis: 'migrate',
  help: `Usage: troupe migrate

Applies the database migrations that have not run yet, then exits. \`troupe serve\` and every other
command migrate on their own; run this to upgrade a database ahead of a deploy.

Uses PostgreSQL when DATABASE_URL is set, else the embedded database in TROUPE_DATA_DIR (default ./data).

Options:
  -h, --help   Show this help
`,
  options: {},
  async run(args, ctx) {
    rejectExtraArguments('migrate', args);
    const { migrateDatabase } = await import('../tasks/migrate-database');
    return migrateDatabase(ctx);
  },
};
