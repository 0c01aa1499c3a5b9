// The work of `troupe serve --only redirector`: the /l/<slug> redirector as a process of its own on PostgreSQL,
// with /healthz and /metrics and nothing else. It never loads the app (Hono, better-auth, the services), so the
// hot path runs without the async hooks better-auth switches on. Link changes arrive by LISTEN/NOTIFY.
// A clean stop on SIGTERM/SIGINT: HTTP closed, journaled clicks imported, then the database.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type LinkChangesListener, listenForLinkChanges } from '../../redirector/link-changes-pg';
import { createRedirector, type Redirector } from '../../redirector/redirector';
import { type Database, fromPostgresUrl } from '../../server/db/client';
import { authSecret, clickSalt } from '../../server/lib/auth-secret';
import { createLogger, type Logger } from '../../server/lib/logger';
import { metricsAccess } from '../../server/lib/metrics-access';
import type { CommandContext } from '../command';
import { commandEnv } from '../command-env';
import { CommandError } from '../errors';
import { println } from '../io';
import { assertPortFree, untilStopped } from '../serving';

export interface ServeRedirectorRequest {
  port: number | undefined;
}

/** What any other address gets: this server has nothing else to show. */
const otherPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Not found</title></head><body><p>Not found. This server only answers tracked links (/l/…).</p></body></html>';

/** True when the error (or one of its causes: drizzle wraps the driver's) is PostgreSQL's "no such table". */
function isMissingTable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '42P01') return true;
  }
  return false;
}

/** Checks that the schema is there; the migrations are `troupe serve`'s to run, not this process's. */
async function assertMigrated(database: Database): Promise<void> {
  try {
    await database.db.execute(sql`select 1 from link limit 0`);
  } catch (error) {
    if (!isMissingTable(error)) throw error;
    throw new CommandError(
      'The database has no Troupe tables yet. Start `troupe serve` once first (it runs the migrations), then the redirector.',
    );
  }
}

export async function serveRedirector(request: ServeRedirectorRequest, ctx: CommandContext): Promise<number> {
  const env = commandEnv(ctx, request.port === undefined ? {} : { PORT: String(request.port) });
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new CommandError(
      '`troupe serve --only redirector` needs PostgreSQL (DATABASE_URL): the embedded database belongs to one ' +
        'process and cannot be shared with the app. Without DATABASE_URL, `troupe serve` answers /l/ links itself.',
    );
  }
  if (!env.AUTH_SECRET && !existsSync(join(env.TROUPE_DATA_DIR, 'auth-secret'))) {
    throw new CommandError(
      "Set AUTH_SECRET to the app server's (or share its TROUPE_DATA_DIR): visitor hashes are salted with it, " +
        "and a secret of its own would count each visitor apart from the app's clicks.",
    );
  }
  await assertPortFree(env.PORT, env.HOST);
  const logger = createLogger(env.LOG_LEVEL);
  const database = fromPostgresUrl(databaseUrl, 10, (error) =>
    logger.warn({ err: error }, 'idle database connection lost'),
  );
  const journalDir = join(env.TROUPE_DATA_DIR, 'clicks');
  // Each thing opened is closed by the finally around what follows it, in the reverse order: HTTP, then the
  // journaled clicks (imported), then the LISTEN connection, then the pool. A failed import at the stop is
  // logged and the rest is still closed, so the process never hangs on a connection left open.
  let stopFailed = false;
  try {
    await assertMigrated(database);
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'troupe_' });
    const redirectorLogger = logger.child({ component: 'redirector' });
    const redirector = createRedirector({
      database,
      logger: redirectorLogger,
      salt: clickSalt(authSecret(env, logger)),
      trustProxy: env.TRUST_PROXY,
      journalDir,
      registry,
    });
    let changes: LinkChangesListener | null = null;
    try {
      changes = await listenForLinkChanges({
        databaseUrl,
        onChange: () => redirector.cache.clear(),
        logger: redirectorLogger,
      });
      await serveUntilStopped(redirector, registry, env, logger, ctx);
    } finally {
      // Every redirect answered has its click in the journal by now; import them before the pool closes.
      try {
        await redirector.stop();
      } catch (error) {
        stopFailed = true;
        logger.error({ err: error, dir: journalDir }, 'stopping the redirector failed');
      }
      await changes?.close();
    }
  } finally {
    await database.close();
    if (stopFailed) {
      println(
        ctx.io.stderr,
        `error: the redirector did not stop cleanly, so some clicks may not be in the database yet. They stay in the click journal on disk (${journalDir}); the next start with this TROUPE_DATA_DIR imports them.`,
      );
    }
  }
  if (stopFailed) return 1;
  logger.info('stopped');
  println(ctx.io.stdout, 'Troupe redirector stopped.');
  return 0;
}

/** Answers HTTP until SIGTERM/SIGINT (or the caller's signal), then closes it, new redirects refused first. */
async function serveUntilStopped(
  redirector: Redirector,
  registry: Registry,
  env: ReturnType<typeof commandEnv>,
  logger: Logger,
  ctx: CommandContext,
): Promise<void> {
  let isDraining = false;
  const server = createServer((req, res) => {
    if (redirector.handle(req, res)) return;
    const path = (req.url ?? '/').split('?', 1)[0];
    const readable = req.method === 'GET' || req.method === 'HEAD';
    const close = isDraining ? { connection: 'close' } : {};
    if (readable && path === '/healthz') {
      const body = '{"ok":true}';
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...close });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (readable && path === '/metrics') {
      const access = metricsAccess(env.METRICS_TOKEN, {
        // A repeated request header arrives joined into one string (only set-cookie is an array).
        header: (name) => req.headers[name] as string | undefined,
        socketAddress: req.socket.remoteAddress,
      });
      if (!access.ok) {
        res.writeHead(access.status, {
          'content-type': 'text/plain; charset=utf-8',
          ...(access.status === 401 ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
          ...close,
        });
        res.end(req.method === 'HEAD' ? undefined : access.detail);
        return;
      }
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType, ...close });
          res.end(req.method === 'HEAD' ? undefined : text);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'collecting metrics failed');
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...close });
          res.end('Collecting metrics failed.');
        },
      );
      return;
    }
    res.writeHead(404, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...close,
    });
    res.end(req.method === 'HEAD' ? undefined : otherPage);
  });

  let listening = false;
  try {
    const port = await new Promise<number>((done, fail) => {
      // A port taken since the check (EADDRINUSE) rejects instead of crashing the process.
      server.once('error', fail);
      server.listen(env.PORT, env.HOST, () => {
        server.off('error', fail);
        const address = server.address();
        done(typeof address === 'object' && address ? address.port : env.PORT);
      });
    });
    listening = true;
    const { stdout } = ctx.io;
    println(stdout, `Troupe redirector is running at http://localhost:${port}`);
    println(stdout, 'Press Ctrl-C to stop.');
    const reason = await untilStopped(ctx.options.signal);
    logger.info({ signal: reason }, 'shutting down');
    println(stdout, `Stopping (${reason})…`);
  } finally {
    // The order of startServer's stop: no new redirects, then (in the caller) every answered click into
    // the database, then the connections.
    redirector.draining();
    isDraining = true;
    if (listening) {
      await new Promise<void>((done) => {
        server.close(() => done());
        // Idle keep-alive sockets would hold close() open; end them.
        server.closeIdleConnections();
      });
    }
  }
}
