// The work of `troupe migrate`.
import type { CommandContext } from '../command';
import { println } from '../io';
import { describeDatabase, withDatabase } from '../open';

export async function migrateDatabase(ctx: CommandContext): Promise<number> {
  // withDatabase migrates whatever it opens; what is left is to say where.
  const where = await withDatabase(ctx, async (_database, env) => describeDatabase(env));
  println(ctx.io.stdout, `Migrated ${where}.`);
  return 0;
}
