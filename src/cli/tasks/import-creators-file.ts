import { systemScope } from '../../server/lib/scope';
import { importCreatorsCsv } from '../../server/modules/people/creator-csv.service';
import type { CommandContext } from '../command';
import { println } from '../io';
import { resolveProgram, resolveWorkspace, withDatabase } from '../open';
import { readUserFile } from '../read-user-file';

export interface ImportCreatorsRequest {
  file: string;
  workspace: string;
  program: string | undefined;
  skipBadRows: boolean;
  dryRun: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function importCreatorsFile(
  request: ImportCreatorsRequest,
  ctx: CommandContext,
): Promise<number> {
  const { file, skipBadRows, dryRun } = request;
  const text = readUserFile(ctx.io.cwd, file);
  const { stdout, stderr } = ctx.io;

  return withDatabase(ctx, async ({ db }) => {
    const ws = await resolveWorkspace(db, request.workspace);
    const scope = systemScope(ws.id, 'Troupe CLI');
    const prg = request.program ? await resolveProgram(db, scope, request.program) : null;
    const result = await importCreatorsCsv(db, scope, text, {
      onError: skipBadRows ? 'skip' : 'abort',
      dryRun,
      programId: prg?.id,
    });
    const badRows = result.totalRows - result.validRows;
    println(
      stdout,
      `Checked ${plural(result.totalRows, 'row')} of ${file}: ${result.validRows} valid, ${badRows} with errors.`,
    );
    for (const e of result.errors) println(stdout, `  line ${e.line}, ${e.field}: ${e.message}`);

    const destination = `"${ws.name}"${prg ? ` and added them to "${prg.name}" as prospects` : ''}`;
    if (result.errors.some((e) => e.field === 'header')) {
      println(stderr, 'Nothing was written: the header row needs fixing (see above).');
      return 1;
    }
    if (result.totalRows === 0) {
      println(stdout, 'The file has no rows after the header; nothing to import.');
      return 0;
    }
    if (dryRun) {
      if (badRows > 0 && !skipBadRows) {
        println(
          stderr,
          'Dry run: with these errors nothing would be written. Fix them, or pass --skip-bad-rows.',
        );
        return 1;
      }
      if (result.validRows === 0) {
        println(stderr, 'Dry run: no row is valid, so nothing would be written.');
        return 1;
      }
      println(
        stdout,
        `Dry run: ${plural(result.validRows, 'creator')} would be imported into ${destination}; nothing was written.`,
      );
      return 0;
    }
    if (!result.written) {
      println(
        stderr,
        result.validRows === 0
          ? 'Nothing was written: no row is valid.'
          : `Nothing was written: ${plural(badRows, 'row has', 'rows have')} errors. Fix them and import again, or pass --skip-bad-rows to import the ${plural(result.validRows, 'valid row')}.`,
      );
      return 1;
    }
    const skipped = badRows > 0 ? `; skipped ${plural(badRows, 'row')} with errors` : '';
    println(stdout, `Imported ${plural(result.created, 'creator')} into ${destination}${skipped}.`);
    return 0;
  });
}
