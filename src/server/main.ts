// Composition root: env → database (+ migrations) → mail, auth, metrics → HTTP server; graceful shutdown.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Database, openDatabase } from './db/client';
import { type AppOptions, createApp } from './http/app';
import type { Services } from './http/context';
import { createMetrics } from './http/metrics';
import { startSweeps } from './jobs/sweeps';
import { baseUrlOf, type Env } from './lib/env';
import { createLogger, type Logger } from './lib/logger';
import { diskStorage, type MediaStorage, s3Storage } from './lib/storage';
import { createAuth } from './modules/auth/auth';
import { createMailer } from './modules/outbox/outbox.service';

/**
 * The auth secret: AUTH_SECRET if set, else one generated once and kept in the data directory,
 * so sessions survive restarts of an embedded install without any configuration.
 */
function authSecret(env: Env, logger: Logger): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = join(env.TROUPE_DATA_DIR, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (env.DATABASE_URL)
    logger.warn(
      'AUTH_SECRET is not set; generated one in the data directory. Set it when running several servers.',
    );
  mkdirSync(env.TROUPE_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

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

/** Starts the HTTP server; SIGTERM/SIGINT close it, then the database, then exit. */
export function startServer(
  services: Services,
  options: AppOptions & { handleSignals?: boolean; sweeps?: boolean } = {},
): Promise<RunningServer> {
  const app = createApp(services, options);
  const { env, logger } = services;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const stopSweeps = options.sweeps === false ? async () => {} : startSweeps(services);
      let stopping: Promise<void> | null = null;
      const stop = () => {
        stopping ??= new Promise<void>((done) => {
          server.close(() => done());
          // Idle keep-alive sockets would hold close() open; end them.
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        }).then(async () => {
          await stopSweeps();
          services.mailer.close();
          await services.database.close();
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
      const url = `http://localhost:${info.port}`;
      resolve({ url, port: info.port, stop });
    });
    // A port in use (EADDRINUSE) rejects instead of crashing the process.
    server.once('error', reject);
  });
}
