// Link changes across processes on PostgreSQL: an app process sends NOTIFY troupe_links_changed after each
// change to links or tracking settings (see changes.ts), and every process that redirects (app servers and
// a redirector of its own, `troupe serve --only redirector`) LISTENs on a dedicated connection and empties
// its link cache. Should that connection drop, it reconnects with a growing delay and empties the cache
// once more: notifications sent while it was away are lost. A connection that went silent without closing
// (half-open: a failover, a dropped NAT entry) is found by TCP keep-alive after 10 s idle and by a
// `select 1` every 30 s that must answer within 5 s; either way it counts as lost. The cache's time to live
// stays the backstop.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../server/db/client';
import type { Logger } from '../server/lib/logger';
import { onLinksChanged } from './changes';

/** The channel; notifications carry no payload (a change empties the whole cache). */
export const linkChangesChannel = 'troupe_links_changed';

/**
 * Sends a NOTIFY on every change this process makes to links or tracking settings, for redirectors in
 * other processes. Fire and forget: a failure is logged (those redirectors then catch up within their
 * cache's time to live). Returns the function that stops publishing.
 */
export function publishLinkChanges(database: Database, logger: Logger): () => void {
  return onLinksChanged(() => {
    database.db.execute(sql`select pg_notify(${linkChangesChannel}, '')`).then(
      () => {},
      (error: unknown) =>
        logger.warn(
          { err: error },
          'could not notify other processes that links changed; their redirectors catch up within 30 s',
        ),
    );
  });
}

export interface LinkChangesListenerOptions {
  databaseUrl: string;
  /** Called on each notification, and after each (re)connection since changes may have been missed. */
  onChange(): void;
  logger: Logger;
  /** The first delay before reconnecting (default 250 ms); it doubles after each failure. */
  minDelayMs?: number;
  /** The longest delay between attempts (default 10 s). */
  maxDelayMs?: number;
  /** How often the listening connection is checked with `select 1` (default 30 s). */
  healthCheckIntervalMs?: number;
  /** How long that check may take before the connection counts as lost (default 5 s). */
  healthCheckTimeoutMs?: number;
}

export interface LinkChangesListener {
  /** Ends the connection (or the wait for the next attempt) and its checks; no onChange call follows. */
  close(): Promise<void>;
}

/** Shown in pg_stat_activity, so an operator can tell this connection from the pool's. */
const applicationName = 'troupe-redirector-listen';

/**
 * LISTENs for link changes on a connection of its own (not from the pool, which would hand it back).
 * Resolves after the first attempt to connect; when that fails, it is logged and retried like a lost
 * connection.
 */
export async function listenForLinkChanges(
  options: LinkChangesListenerOptions,
): Promise<LinkChangesListener> {
  const { logger, onChange } = options;
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const checkEvery = options.healthCheckIntervalMs ?? 30_000;
  const checkWithin = options.healthCheckTimeoutMs ?? 5_000;
  let delay = minDelay;
  /** The listening connection, or the one being opened. */
  let client: pg.Client | null = null;
  /** The wait before the next attempt to connect. */
  let timer: NodeJS.Timeout | null = null;
  /** The periodic check of the listening connection. */
  let healthTimer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> | null = null;
  let closed = false;
  let failed = false;

  function retry(error: unknown) {
    if (closed) return;
    failed = true;
    logger.warn(
      { err: error, retryInMs: delay },
      'the connection that listens for link changes failed; reconnecting',
    );
    timer = setTimeout(() => {
      timer = null;
      attempt = connect();
    }, delay);
    // The server (or the caller's own work) keeps the process alive, never this wait.
    timer.unref();
    delay = Math.min(delay * 2, maxDelay);
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: options.databaseUrl,
      keepAlive: true,
      // The OS default is about 2 h of silence before the first probe; a half-open connection would go
      // unnoticed that long.
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      application_name: applicationName,
    });
    client = c;
    let lastError: unknown;
    // Without a listener, an 'error' event would crash the process.
    c.on('error', (error) => {
      lastError = error;
    });
    try {
      await c.connect();
      await c.query(`listen ${linkChangesChannel}`);
    } catch (error) {
      if (client === c) client = null;
      c.end().catch(() => {});
      retry(error);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    let gone = false;
    const lost = (error?: unknown) => {
      if (gone) return;
      gone = true;
      if (healthTimer) clearInterval(healthTimer);
      healthTimer = null;
      if (client === c) client = null;
      // With the check's query still pending, end() destroys the socket rather than waiting on it.
      c.end().catch(() => {});
      retry(error ?? lastError ?? new Error('the connection ended'));
    };
    c.on('notification', (message) => {
      if (message.channel === linkChangesChannel) onChange();
    });
    c.on('error', () => lost());
    c.on('end', () => lost());
    let checking = false;
    healthTimer = setInterval(() => {
      if (checking || gone || closed) return;
      checking = true;
      let deadline: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, fail) => {
        deadline = setTimeout(
          () => fail(new Error(`the connection did not answer select 1 within ${checkWithin} ms`)),
          checkWithin,
        );
        deadline.unref();
      });
      Promise.race([c.query('select 1'), timedOut])
        .then(
          () => {},
          (error: unknown) => {
            if (!closed) lost(error);
          },
        )
        .finally(() => {
          clearTimeout(deadline);
          checking = false;
        });
    }, checkEvery);
    healthTimer.unref();
    delay = minDelay;
    if (failed) logger.info('listening for link changes again');
    failed = false;
    onChange();
  }

  attempt = connect();
  await attempt;
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (healthTimer) clearInterval(healthTimer);
      healthTimer = null;
      // Ending a connection still being opened makes that attempt fail at once.
      const c = client;
      client = null;
      await c?.end().catch(() => {});
      await attempt;
    },
  };
}
