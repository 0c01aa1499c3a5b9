// Opening and closing what a one-shot command needs, and finding workspaces and programs by id or slug.
import { pino } from 'pino';
import { type Database, type Db, openDatabase } from '../server/db/client';
import type { Services } from '../server/http/context';
import { AppError } from '../server/lib/app-error';
import type { Env } from '../server/lib/env';
import type { WorkspaceScope } from '../server/lib/scope';
import { createServices } from '../server/main';
import type { Program } from '../server/modules/programs/programs.contract';
import { listPrograms } from '../server/modules/programs/programs.service';
import { findWorkspaceByIdOrSlug, listWorkspaceSlugs } from '../server/modules/workspaces/workspaces.service';
import type { CommandContext } from './command';
import { commandEnv } from './command-env';
import { lockDataDir } from './data-dir-lock';

/** Where the database is, for messages; a PostgreSQL password is never printed. */
export function describeDatabase(env: Env): string {
  if (!env.DATABASE_URL) return `the embedded database (PGlite) in ${env.TROUPE_DATA_DIR}`;
  try {
    const url = new URL(env.DATABASE_URL);
    if (url.password) url.password = '***';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/**
 * Opens and migrates the configured database for one command, holding the embedded database's lock,
 * runs `fn`, then closes everything again.
 */
async function withOwnDatabase<T>(
  ctx: CommandContext,
  fn: (database: Database, env: Env) => Promise<T>,
): Promise<T> {
  const env = commandEnv(ctx, {}, { LOG_LEVEL: 'warn' });
  const lock = env.DATABASE_URL ? null : lockDataDir(env.TROUPE_DATA_DIR, ctx.commandName);
  try {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TROUPE_DATA_DIR });
    try {
      await database.migrate();
      return await fn(database, env);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}

/** Runs `fn` with the migrated database: the caller's (tests) as is, or one opened here and closed after. */
export async function withDatabase<T>(
  ctx: CommandContext,
  fn: (database: Database, env: Env) => Promise<T>,
): Promise<T> {
  const borrowed = ctx.options.services;
  if (borrowed) return fn(borrowed.database, borrowed.env);
  return withOwnDatabase(ctx, fn);
}

/** Like withDatabase, with the full services (auth, mail); logs go to stderr so stdout stays clean. */
export async function withServices<T>(
  ctx: CommandContext,
  fn: (services: Services) => Promise<T>,
): Promise<T> {
  const borrowed = ctx.options.services;
  if (borrowed) return fn(borrowed);
  return withOwnDatabase(ctx, async (database, env) => {
    const stderrLogger = pino(
      { level: env.LOG_LEVEL, base: { service: 'troupe' } },
      pino.destination({ fd: 2, sync: true }),
    );
    const services = createServices(env, database, stderrLogger);
    try {
      return await fn(services);
    } finally {
      services.mailer.close();
    }
  });
}

export interface WorkspaceRef {
  id: string;
  name: string;
  slug: string;
}

/** Finds a workspace by id or slug; the error lists the workspaces there are. */
export async function resolveWorkspace(db: Db, idOrSlug: string): Promise<WorkspaceRef> {
  const found = await findWorkspaceByIdOrSlug(db, idOrSlug);
  if (found) return found;
  const known = await listWorkspaceSlugs(db, 11);
  const list =
    known.length === 0
      ? 'There are no workspaces yet: sign up in the web app, or run `troupe seed --demo`.'
      : `Workspaces: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}.`;
  throw new AppError('not_found', `No workspace with id or slug "${idOrSlug}". ${list}`);
}

/** Finds a program of the scope's workspace by id or slug; the error lists the workspace's programs. */
export async function resolveProgram(db: Db, scope: WorkspaceScope, idOrSlug: string): Promise<Program> {
  const programs = await listPrograms(db, scope);
  const found = programs.find((p) => p.id === idOrSlug || p.slug === idOrSlug.toLowerCase());
  if (found) return found;
  const list =
    programs.length === 0
      ? 'This workspace has no programs yet.'
      : `Programs: ${programs.map((p) => p.slug).join(', ')}.`;
  throw new AppError('not_found', `No program with id or slug "${idOrSlug}" in this workspace. ${list}`);
}
