// The embedded database (PGlite) behind client.ts's Database, in a module of its own so that a process
// on PostgreSQL never loads it.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, migrationsFolder } from './client';
import * as schema from './schema';

/** Wraps an existing PGlite instance (used by tests that start from a migrated snapshot). */
export function fromPglite(client: PGlite): Database {
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    migrate: async () => {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Opens (or creates) the embedded database in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  return fromPglite(await PGlite.create({ dataDir }));
}
