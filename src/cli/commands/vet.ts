// `troupe vet`: vet a creator (or a pool of creators) from a JSON file, without a database (PRODUCT V1–V9).
import { type Command, isFlagSet, rejectExtraArguments, requiredOption } from '../command';

export const vetCommand: Command = {
  name: 'vet',
  summary: 'Vet a creator (or a pool) from a JSON file: score, verdict, flags',
  synopsis: 'vet --input <file.json|file.jsonl>',
  help: `Usage: troupe vet --input <file.json|file.jsonl> [options]

Vets creators from a file and prints the report: the score out of 100, the verdict (recommend, review
or reject), each check's key figures, and every flag with its evidence. No database is needed.

A .json file holds one creator (an array of creators is vetted as a pool). A .jsonl file holds one
creator per line and is vetted as a pool: each creator's report, plus groups of creators who comment
on each other or share commenters (engagement pods). Invalid input exits with code 2 and names the
field (posts.3.likes) and, in a .jsonl file, the line.

Options:
  --input <file>   The creator JSON or pool JSONL file (required)
  --pool           Read the file as JSONL (one creator per line) whatever its extension
  --json           Print the report as JSON instead of text
  -h, --help       Show this help

Coming with the API: --program <id|slug>, to check audience fit against a program's persona and
conflicts against its competitors (it needs the database).

Examples:
  troupe vet --input creator.json
  troupe vet --input pool.jsonl --json > pool-report.json
`,
  options: {
    input: { type: 'string', short: 'i' },
    pool: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, ctx) {
    rejectExtraArguments('vet', args);
    const request = {
      input: requiredOption('vet', args, 'input', 'file'),
      pool: isFlagSet(args, 'pool'),
      json: isFlagSet(args, 'json'),
    };
    const { vetFile } = await import('../tasks/vet-file');
    return vetFile(request, ctx);
  },
};
