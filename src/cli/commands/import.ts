// `troupe import creators`: a CSV of people (customers, CRM, search results) into a workspace (PRODUCT R2, I4).
import {
  type Command,
  entityArgument,
  isFlagSet,
  rejectExtraArguments,
  requiredOption,
  stringOption,
} from '../command';
import { UsageError } from '../errors';

/** The columns `importCreatorsCsv` reads (a test keeps this list equal to the service's). */
export const documentedCsvColumns =
  'name, email, phone, country, tags, notes, instagram, instagram_followers, tiktok, tiktok_followers, youtube, youtube_followers';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import creators from a CSV file, reporting every bad row by line',
  synopsis: 'import creators <file.csv> --workspace <id|slug>',
  help: `Usage: troupe import creators <file.csv> --workspace <id|slug> [options]

Imports creators (people and their social accounts) from a CSV file, such as a customer or CRM list.
Every row is checked first and each problem is reported with its line number. Unless --skip-bad-rows is
given, a single bad row means nothing is written; with it, the good rows are imported and the bad ones
listed. Emails and handles already in the workspace count as errors, so importing twice is safe.

Options:
  --workspace <id|slug>   The workspace to import into (required)
  --program <id|slug>     Also add every imported creator to this program as a prospect
  --skip-bad-rows         Import the valid rows even when some rows have errors
  --dry-run               Check the file and report what would happen; write nothing
  -h, --help              Show this help

CSV columns (a header row is required; only "name" must be present):
  ${documentedCsvColumns}
  Tags are separated by ";" or "|", handles may start with @, country is a two-letter code (US, DE).
  The id and programs columns of \`troupe export creators\` are ignored, so an export can be imported.

Exit status: 0 when the rows were imported (or a dry run found nothing wrong), 1 when errors meant
nothing was written, 2 when the command was called wrongly.

Example:
  troupe import creators customers.csv --workspace glow-co --program glow-circle-ambassadors
`,
  options: {
    workspace: { type: 'string' },
    program: { type: 'string' },
    'skip-bad-rows': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, ctx) {
    entityArgument('import', args, 'import creators <file.csv> --workspace <id|slug>');
    const file = args.positionals[1];
    if (file === undefined)
      throw new UsageError('import', 'missing the CSV file: `troupe import creators <file.csv>`');
    rejectExtraArguments('import', args, 2);
    const request = {
      file,
      workspace: requiredOption('import', args, 'workspace', 'id|slug'),
      program: stringOption(args, 'program'),
      skipBadRows: isFlagSet(args, 'skip-bad-rows'),
      dryRun: isFlagSet(args, 'dry-run'),
    };
    const { importCreatorsFile } = await import('../tasks/import-creators-file');
    return importCreatorsFile(request, ctx);
  },
};
