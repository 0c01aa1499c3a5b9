// The environment a command runs with. Apart from open.ts so that the redirector process can read it
// without loading the app's services.
import { isAbsolute, resolve } from 'node:path';
import { type Env, loadEnv } from '../server/lib/env';
import type { CommandContext } from './command';
import { CommandError } from './errors';

/**
 * The environment for a command. One-shot commands log only warnings unless LOG_LEVEL says otherwise, and
 * TROUPE_DATA_DIR is resolved against the working directory so messages can name the real path.
 */
export function commandEnv(
  ctx: CommandContext,
  overrides: Record<string, string> = {},
  defaults: Record<string, string> = {},
): Env {
  let env: Env;
  try {
    env = loadEnv({ ...defaults, ...ctx.io.env, ...overrides });
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  const dataDir = isAbsolute(env.TROUPE_DATA_DIR)
    ? env.TROUPE_DATA_DIR
    : resolve(ctx.io.cwd, env.TROUPE_DATA_DIR);
  return { ...env, TROUPE_DATA_DIR: dataDir };
}
