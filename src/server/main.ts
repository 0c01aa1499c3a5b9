// Composition root: env → database (+ migrations) → mail, auth, metrics → HTTP server; graceful shutdown.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { listenForLinkChanges, publishLinkChanges } from '../redirector/link-changes-pg';
import { createRedirector } from '../redirector/redirector';
import { type Database, openDatabase } from './db/client';
import { type AppOptions, createApp } from './http/app';
import type { Services } from './http/context';
import { createMetrics } from './http/metrics';
import { startSweeps } from './jobs/sweeps';
import { authSecret, clickSalt } from './lib/auth-secret';
import { baseUrlOf, type Env } from './lib/env';
import { createLogger, type Logger } from './lib/logger';
import { diskStorage, type MediaStorage, s3Storage } from './lib/storage';
import { createAuth } from './modules/auth/auth';
import { createMailer } from './modules/outbox/outbox.service';

/** Where uploaded media goes: the data directory, or the S3-compatible bucket the env names. */
function mediaStorageOf(env: Env): MediaStorage {
  if (env.MEDIA_STORAGE === 's3') {
    return s3Storage({
      endpoint: env.S3_ENDPOINT ?? '',
      bucket: env.S3_BUCKET ?? '',
      region: env.S3_REGION ?? '',
      accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    });
  }
  return diskStorage(join(env.TROUPE_DATA_DIR, 'media'));
}

/** Wires the services around an open database. */
export function createServices(
  env: Env,
  database: Database,
  logger: Logger = createLogger(env.LOG_LEVEL),
): Services {
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger });
  const auth = createAuth({
    db: database.db,
    logger: logger.child({ component: 'better-auth' }),
    baseUrl: baseUrlOf(env),
    secret: authSecret(env, logger),
  });
  const storage = mediaStorageOf(env);
  return { env, database, logger, mailer, auth, metrics: createMetrics(), storage };
}

export async function openServices(env: Env): Promise<Services> {
  const logger = createLogger(env.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TROUPE_DATA_DIR,
    onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ database: database.kind }, 'database ready, migrations applied');
  return createServices(env, database, logger);
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: the redirector answers `/l/<slug>` itself, everything else goes to the Hono app.
 * SIGTERM/SIGINT close HTTP, import the journaled clicks, then close the database and exit.
 */
export function startServer(
  services: Services,
  options: AppOptions & { handleSignals?: boolean; sweeps?: boolean } = {},
): Promise<RunningServer> {
  const app = createApp(services, options);
  const { env, logger } = services;
  const redirector = createRedirector({
    database: services.database,
    logger: logger.child({ component: 'redirector' }),
    salt: clickSalt(authSecret(env, logger)),
    trustProxy: env.TRUST_PROXY,
    journalDir: join(env.TROUPE_DATA_DIR, 'clicks'),
    registry: services.metrics.registry,
  });
  const honoListener = getRequestListener(app.fetch, { hostname: env.HOST });
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      if (!redirector.handle(req, res)) void honoListener(req, res);
    });
    server.listen(env.PORT, env.HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : env.PORT;
      const stopSweeps = options.sweeps === false ? async () => {} : startSweeps(services);
      // On PostgreSQL, link changes go out by NOTIFY and come in by LISTEN, so every process (other app
      // servers, a redirector of its own: `troupe serve --only redirector`) drops its cached links at once.
      const redirectorLogger = logger.child({ component: 'redirector' });
      const onPostgres = services.database.kind === 'postgres' && env.DATABASE_URL;
      const stopPublishing = onPostgres ? publishLinkChanges(services.database, redirectorLogger) : () => {};
      const listening = onPostgres
        ? listenForLinkChanges({
            databaseUrl: env.DATABASE_URL as string,
            onChange: () => redirector.cache.clear(),
            logger: redirectorLogger,
          })
        : null;
      let stopping: Promise<void> | null = null;
      const stop = () => {
        stopping ??= new Promise<void>((done) => {
          redirector.draining();
          server.close(() => done());
          // Idle keep-alive sockets would hold close() open; end them.
          server.closeIdleConnections();
        }).then(async () => {
          // Every redirect answered has its click recorded by now; import them before the database closes.
          // Should that fail, the rest is still closed (the clicks stay in the journal), then it is rethrown.
          try {
            await redirector.stop();
          } finally {
            await stopSweeps();
            stopPublishing();
            await (await listening)?.close();
            services.mailer.close();
            await services.database.close();
          }
          logger.info('stopped');
        });
        return stopping;
      };
      if (options.handleSignals !== false) {
        for (const signal of ['SIGTERM', 'SIGINT'] as const) {
          process.once(signal, () => {
            logger.info({ signal }, 'shutting down');
            stop().then(
              () => process.exit(0),
              (error: unknown) => {
                logger.error({ err: error }, 'shutdown failed');
                process.exit(1);
              },
            );
          });
        }
      }
      const url = `http://localhost:${port}`;
      resolve({ url, port, stop });
    });
    // A port in use (EADDRINUSE) rejects instead of crashing the process.
    server.once('error', reject);
  });
}
