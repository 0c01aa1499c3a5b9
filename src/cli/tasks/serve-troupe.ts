// The work of `troupe serve`: the server (and with --dev the Vite dev server), the demo on a fresh embedded
// database, and a clean stop on SIGTERM/SIGINT: HTTP closed, then the database; the process then exits on its own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findDemoUser, hasAnyWorkspace, seedDemo } from '../../server/db/seed/demo';
import type { Services } from '../../server/http/context';
import { openServices, startServer } from '../../server/main';
import type { CommandContext } from '../command';
import { commandEnv } from '../command-env';
import { lockDataDir } from '../data-dir-lock';
import { printDemoSignIn } from '../demo-text';
import { CommandError } from '../errors';
import { println } from '../io';
import { assertPortFree, untilStopped } from '../serving';

export interface ServeRequest {
  port: number | undefined;
  isDev: boolean;
}

const viteConfigFile = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));
/** The port vite.config.ts proxies /api to. */
const viteProxyPort = 3000;

/**
 * Starts the Vite dev server from the repo's vite.config.ts. Vite installs handlers that exit the process
 * on SIGTERM (and when stdin ends); those are removed so that serve stops Vite, HTTP and the database in
 * order and exits with 0.
 */
async function startVite(ctx: CommandContext, apiPort: number): Promise<{ close(): Promise<void> }> {
  const { createServer } = await import('vite');
  const sigtermBefore = process.listeners('SIGTERM');
  const stdinEndBefore = process.stdin.listeners('end');
  const devServer = await createServer({ configFile: viteConfigFile });
  for (const l of process.listeners('SIGTERM')) if (!sigtermBefore.includes(l)) process.off('SIGTERM', l);
  for (const l of process.stdin.listeners('end'))
    if (!stdinEndBefore.includes(l)) process.stdin.off('end', l as () => void);
  try {
    await devServer.listen();
  } catch (error) {
    await devServer.close();
    throw error;
  }
  const url = devServer.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
  println(ctx.io.stdout, `Web app with hot reload (Vite) at ${url}`);
  if (apiPort !== viteProxyPort) {
    println(
      ctx.io.stdout,
      `  note: Vite proxies /api to port ${viteProxyPort}, but Troupe is on port ${apiPort}.`,
    );
  }
  return devServer;
}

/** The caller's services (tests) on the requested port; the caller keeps them open and closes them. */
function borrow(services: Services, port: number | undefined): Services {
  return {
    ...services,
    env: { ...services.env, PORT: port ?? services.env.PORT },
    database: { ...services.database, close: async () => {} },
    mailer: { ...services.mailer, close: () => {} },
  };
}

export async function serveTroupe(request: ServeRequest, ctx: CommandContext): Promise<number> {
  if (request.isDev && !existsSync(viteConfigFile)) {
    throw new CommandError(`--dev needs the Vite config at ${viteConfigFile}, which does not exist.`);
  }
  const borrowed = ctx.options.services;
  if (borrowed) return serveUntilStopped(borrow(borrowed, request.port), request, ctx);
  const env = commandEnv(ctx, request.port === undefined ? {} : { PORT: String(request.port) });
  await assertPortFree(env.PORT, env.HOST);
  const lock = env.DATABASE_URL ? null : lockDataDir(env.TROUPE_DATA_DIR, ctx.commandName);
  try {
    return await serveUntilStopped(await openServices(env), request, ctx);
  } finally {
    lock?.release();
  }
}

async function serveUntilStopped(
  services: Services,
  request: ServeRequest,
  ctx: CommandContext,
): Promise<number> {
  const { stdout } = ctx.io;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let vite: { close(): Promise<void> } | null = null;
  try {
    const { db } = services.database;
    if (services.database.kind === 'pglite' && !(await hasAnyWorkspace(db))) {
      const started = performance.now();
      const demo = await seedDemo(services);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      println(
        stdout,
        `The embedded database was empty: seeded the demo workspace "${demo.workspaceName}" in ${seconds} s.`,
      );
    }
    server = await startServer(services, { handleSignals: false });
    println(stdout, `Troupe is running at ${server.url}`);
    if (await findDemoUser(db)) printDemoSignIn(stdout);
    else if (!(await hasAnyWorkspace(db))) {
      println(
        stdout,
        `No workspaces yet: sign up at ${server.url} to create one, or run \`troupe seed --demo\`.`,
      );
    }

    if (request.isDev) vite = await startVite(ctx, server.port);
    println(stdout, 'Press Ctrl-C to stop.');
    const reason = await untilStopped(ctx.options.signal);
    println(stdout, `Stopping (${reason})…`);
  } finally {
    await vite?.close();
    // stop() closes HTTP, mail and the database; without a server, close those here.
    if (server) await server.stop();
    else {
      services.mailer.close();
      await services.database.close();
    }
  }
  println(stdout, 'Troupe stopped.');
  return 0;
}
