// The work of `troupe export creators`: CSV to stdout, or to a file with a one-line receipt.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Stage } from '../../core/pipeline/stages';
import { systemScope } from '../../server/lib/scope';
import { exportCreatorsCsv } from '../../server/modules/people/creator-csv.service';
import type { CommandContext } from '../command';
import { CommandError } from '../errors';
import { println } from '../io';
import { resolveProgram, resolveWorkspace, withDatabase } from '../open';

export interface ExportCreatorsRequest {
  workspace: string;
  program: string | undefined;
  stage: Stage | undefined;
  out: string | undefined;
}

export async function exportCreatorsFile(
  request: ExportCreatorsRequest,
  ctx: CommandContext,
): Promise<number> {
  return withDatabase(ctx, async ({ db }) => {
    const ws = await resolveWorkspace(db, request.workspace);
    const scope = systemScope(ws.id, 'Troupe CLI');
    const prg = request.program ? await resolveProgram(db, scope, request.program) : null;
    const csv = await exportCreatorsCsv(db, scope, { programId: prg?.id, stage: request.stage });
    if (request.out === undefined) {
      ctx.io.stdout.write(csv);
      return 0;
    }
    try {
      writeFileSync(resolve(ctx.io.cwd, request.out), csv);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const why =
        code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
      throw new CommandError(`Cannot write ${request.out}: ${why}.`);
    }
    const rows = (parse(csv) as unknown[]).length - 1;
    println(ctx.io.stdout, `Wrote ${rows} ${rows === 1 ? 'creator' : 'creators'} to ${request.out}.`);
    return 0;
  });
}
