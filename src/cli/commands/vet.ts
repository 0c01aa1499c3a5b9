// `troupe vet`: vet a creator (or a pool of creators) from a JSON file, optionally against a program (PRODUCT V1–V9).
import { type Command, isFlagSet, rejectExtraArguments, requiredOption, stringOption } from '../command';

export const vetCommand: Command = {
  name: 'vet',
  summary: 'Vet a creator (or a pool) from a JSON file: score, verdict, flags',
  synopsis: 'vet --input <file.json|file.jsonl> [--program <id|slug>]',
  help: `Usage: troupe vet --input <file.json|file.jsonl> [options]

Vets creators from a file and prints the report: the score out of 100, the verdict (recommend, review
or reject), each check's key figures, and every flag with its evidence. No database is needed unless
--program is given; nothing is written either way.

A .json file holds one creator (an array of creators is vetted as a pool). A .jsonl file holds one
creator per line and is vetted as a pool: each creator's report, plus groups of creators who comment
on each other or share commenters (engagement pods). Invalid input exits with code 2 and names the
field (posts.3.likes) and, in a .jsonl file, the line.

Options:
  --input <file>          The creator JSON or pool JSONL file (required)
  --program <id|slug>     Vet against this program, as the API does: audience fit against its
                          persona, sponsored posts for its competitors within its exclusivity window
                          (reads the database: TROUPE_DATA_DIR or DATABASE_URL)
  --pool                  Read the file as JSONL (one creator per line) whatever its extension
  --json                  Print the report as JSON instead of text
  -h, --help              Show this help

Exit status: 0 when the report was printed, 2 for invalid input or an unknown program.

Examples:
  troupe vet --input creator.json
  troupe vet --input creator.json --program glow-circle-ambassadors
  troupe vet --input pool.jsonl --json > pool-report.json
`,
  options: {
    input: { type: 'string', short: 'i' },
    program: { type: 'string' },
    pool: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, ctx) {
    rejectExtraArguments('vet', args);
    const request = {
      input: requiredOption('vet', args, 'input', 'file'),
      program: stringOption(args, 'program'),
      pool: isFlagSet(args, 'pool'),
      json: isFlagSet(args, 'json'),
    };
    const { vetFile } = await import('../tasks/vet-file');
    return vetFile(request, ctx);
  },
};
