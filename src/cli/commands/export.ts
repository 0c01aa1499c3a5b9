// `troupe export creators`: a workspace's creators as CSV, for spreadsheets and BI (PRODUCT I4).
import { type Stage, stages } from '../../core/pipeline/stages';
import { type Command, entityArgument, rejectExtraArguments, requiredOption, stringOption } from '../command';
import { UsageError } from '../errors';

function isStage(value: string): value is Stage {
  return (stages as readonly string[]).includes(value);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export creators as CSV, optionally one program or stage',
  synopsis: 'export creators --workspace <id|slug>',
  help: `Usage: troupe export creators --workspace <id|slug> [options]

Writes the workspace's creators as CSV to standard output (or to a file with --out): the columns that
\`troupe import creators\` reads, plus each creator's id and their programs with stages. Cells that start
with = + - or @ get a leading ' so spreadsheets do not run them as formulas (an import removes it).

Options:
  --workspace <id|slug>   The workspace to export from (required)
  --program <id|slug>     Only creators in this program
  --stage <stage>         Only creators at this pipeline stage (in --program, if given)
  --out <file.csv>        Write to this file instead of standard output
  -h, --help              Show this help

Stages: ${stages.join(', ')}

Example:
  troupe export creators --workspace glow-co --program glow-circle-ambassadors --stage active --out active.csv
`,
  options: {
    workspace: { type: 'string' },
    program: { type: 'string' },
    stage: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, ctx) {
    entityArgument('export', args, 'export creators --workspace <id|slug>');
    rejectExtraArguments('export', args, 1);
    const stage = stringOption(args, 'stage');
    if (stage !== undefined && !isStage(stage)) {
      throw new UsageError('export', `unknown stage "${stage}"; expected one of ${stages.join(', ')}`);
    }
    const out = stringOption(args, 'out');
    if (out !== undefined && out.trim() === '')
      throw new UsageError('export', 'option --out needs a file name');
    const request = {
      workspace: requiredOption('export', args, 'workspace', 'id|slug'),
      program: stringOption(args, 'program'),
      stage,
      out,
    };
    const { exportCreatorsFile } = await import('../tasks/export-creators-file');
    return exportCreatorsFile(request, ctx);
  },
};
