// Prepares a migrated database once per run; each test file then starts from a copy of it:
// a PGlite data-dir snapshot (~0.4 s to load) or, on PostgreSQL, a database cloned from a template.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPostgresUrl } from '../src/server/db/client';
import { fromPglite } from '../src/server/db/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'pglite'; snapshotPath: string }
      | { kind: 'postgres'; url: string; template: string; prefix: string };
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const template = `troupe_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const database = fromPostgresUrl(withDatabase(postgresUrl, template), 1);
    await database.migrate();
    await database.close();
    project.provide('testDb', { kind: 'postgres', url: postgresUrl, template, prefix: `troupe_t_${runId}_` });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`troupe_t_${runId}_%`, template],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'troupe-test-'));
  const client = await PGlite.create();
  const database = fromPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('none');
  const snapshotPath = join(dir, 'migrated.tar');
  writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDb', { kind: 'pglite', snapshotPath });
  return () => rmSync(dir, { recursive: true, force: true });
}
