// Opens the database: embedded PGlite in a directory by default, PostgreSQL when a URL is given.
// Both speak the same SQL, so one schema and one set of migrations serve both (DESIGN: one dialect).
// PGlite (pglite.ts) is loaded only when it is used: a process on PostgreSQL saves ~30 MB of RSS.
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services accept `Db | Tx` where they can run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (for snapshots in tests). */
  pglite?: PGlite;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens PostgreSQL at `url` with a small pool. A connection that cannot be opened within 10 s fails the
 * query that asked for it, so an unreachable database gives errors (the click importer retries, a stop
 * finishes) rather than waits without end.
 */
export function fromPostgresUrl(url: string, poolSize = 10, onIdleError?: (error: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closed (restart, failover) is dropped by the pool; without a
  // listener the error would crash the process.
  pool.on('error', (error) => onIdleError?.(error));
  const nodeDb = drizzleNodePg(pool, { schema });
  return {
    kind: 'postgres',
    db: nodeDb as unknown as Db,
    migrate: async () => {
      await migrateNodePg(nodeDb, { migrationsFolder });
    },
    close: async () => {
      await pool.end();
    },
  };
}

/** Opens the configured database: PostgreSQL if `databaseUrl` is set, else PGlite in `dataDir`. */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  onIdleError?: (error: Error) => void;
}): Promise<Database> {
  if (options.databaseUrl) return fromPostgresUrl(options.databaseUrl, 10, options.onIdleError);
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir);
}
