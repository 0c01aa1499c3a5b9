// Creators (people) and their social accounts, scoped to one workspace.
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { program } from '../programs/programs.schema';
import type { Creator, CreatorInputParsed } from './people.contract';
import { ambassador, creator, socialAccount } from './people.schema';

type CreatorRow = typeof creator.$inferSelect;

/** Attaches social accounts and program memberships to creator rows (two queries, not N). */
export async function toCreators(db: Db | Tx, rows: CreatorRow[]): Promise<Creator[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const accounts = await db
    .select()
    .from(socialAccount)
    .where(inArray(socialAccount.creatorId, ids))
    .orderBy(desc(socialAccount.followers));
  const memberships = await db
    .select({
      creatorId: ambassador.creatorId,
      ambassadorId: ambassador.id,
      programId: ambassador.programId,
      programName: program.name,
      stage: ambassador.stage,
    })
    .from(ambassador)
    .innerJoin(program, eq(program.id, ambassador.programId))
    .where(inArray(ambassador.creatorId, ids))
    .orderBy(asc(program.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    country: r.country,
    notes: r.notes,
    tags: r.tags,
    socialAccounts: accounts
      .filter((a) => a.creatorId === r.id)
      .map((a) => ({ id: a.id, platform: a.platform, handle: a.handle, followers: a.followers, url: a.url })),
    programs: memberships.filter((m) => m.creatorId === r.id).map(({ creatorId: _c, ...m }) => m),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export interface CreatorFilter {
  q?: string | undefined;
  programId?: string | undefined;
  stage?: string | undefined;
  limit: number;
  offset: number;
}

function filterConditions(scope: WorkspaceScope, filter: Omit<CreatorFilter, 'limit' | 'offset'>): SQL[] {
  const conditions: SQL[] = [eq(creator.workspaceId, scope.workspaceId)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(
        ilike(creator.name, like),
        ilike(creator.email, like),
        sql`exists (select 1 from ${socialAccount} s where s.creator_id = ${creator.id} and s.handle ilike ${like})`,
      )!,
    );
  }
  if (filter.programId || filter.stage) {
    const inProgram = filter.programId ? sql`and a.program_id = ${filter.programId}` : sql``;
    const inStage = filter.stage ? sql`and a.stage = ${filter.stage}` : sql``;
    conditions.push(
      sql`exists (select 1 from ${ambassador} a where a.creator_id = ${creator.id} ${inProgram} ${inStage})`,
    );
  }
  return conditions;
}

export async function listCreators(
  db: Db,
  scope: WorkspaceScope,
  filter: CreatorFilter,
): Promise<{ items: Creator[]; total: number }> {
  const where = and(...filterConditions(scope, filter));
  const rows = await db
    .select()
    .from(creator)
    .where(where)
    .orderBy(asc(creator.name), asc(creator.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(creator).where(where);
  return { items: await toCreators(db, rows), total: total?.n ?? 0 };
}

export async function getCreatorRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
): Promise<CreatorRow> {
  const [row] = await db
    .select()
    .from(creator)
    .where(and(eq(creator.id, id), eq(creator.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('creator', id);
  return row;
}

export async function getCreatorOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<Creator> {
  const [result] = await toCreators(db, [await getCreatorRowOrThrow(db, scope, id)]);
  return result!;
}

/** Refuses an email or handle that another creator in the workspace already has, naming the holder. */
async function assertUnique(
  tx: Db | Tx,
  scope: WorkspaceScope,
  input: CreatorInputParsed,
  exceptId?: string,
) {
  const problems: Array<{ field: string; message: string }> = [];
  if (input.email) {
    const [other] = await tx
      .select({ id: creator.id, name: creator.name })
      .from(creator)
      .where(and(eq(creator.workspaceId, scope.workspaceId), sql`lower(${creator.email}) = ${input.email}`));
    if (other && other.id !== exceptId) {
      problems.push({ field: 'email', message: `already belongs to ${other.name} (${other.id})` });
    }
  }
  for (const [i, account] of input.socialAccounts.entries()) {
    const [other] = await tx
      .select({ creatorId: socialAccount.creatorId, name: creator.name })
      .from(socialAccount)
      .innerJoin(creator, eq(creator.id, socialAccount.creatorId))
      .where(
        and(
          eq(socialAccount.workspaceId, scope.workspaceId),
          eq(socialAccount.platform, account.platform),
          sql`lower(${socialAccount.handle}) = ${account.handle.toLowerCase()}`,
        ),
      );
    if (other && other.creatorId !== exceptId) {
      problems.push({
        field: `socialAccounts.${i}.handle`,
        message: `${account.platform} @${account.handle} already belongs to ${other.name}`,
      });
    }
  }
  if (problems.length > 0) {
    throw new AppError('conflict', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
  }
}

/** Inserts the social accounts of several creators in one statement (a CSV import batch). */
export async function insertSocialAccountsOfCreators(
  tx: Db | Tx,
  scope: WorkspaceScope,
  creators: Array<{ creatorId: string; accounts: CreatorInputParsed['socialAccounts'] }>,
): Promise<void> {
  const rows = creators.flatMap(({ creatorId, accounts }) =>
    accounts.map((a) => ({ id: newId('socialAccount'), workspaceId: scope.workspaceId, creatorId, ...a })),
  );
  if (rows.length > 0) await tx.insert(socialAccount).values(rows);
}

/** Inserts one creator's social accounts in one statement (used by create and update). */
export function insertSocialAccounts(
  tx: Db | Tx,
  scope: WorkspaceScope,
  creatorId: string,
  accounts: CreatorInputParsed['socialAccounts'],
): Promise<void> {
  return insertSocialAccountsOfCreators(tx, scope, [{ creatorId, accounts }]);
}

/** The creator table's columns from an input (everything but the social accounts). */
export function creatorColumns(input: CreatorInputParsed) {
  const { socialAccounts: _s, ...rest } = input;
  return rest;
}

export async function createCreator(
  db: Db,
  scope: WorkspaceScope,
  input: CreatorInputParsed,
): Promise<Creator> {
  const id = newId('creator');
  await db.transaction(async (tx) => {
    await assertUnique(tx, scope, input);
    await tx.insert(creator).values({ id, workspaceId: scope.workspaceId, ...creatorColumns(input) });
    await insertSocialAccounts(tx, scope, id, input.socialAccounts);
    await recordAudit(tx, scope, {
      action: 'creator.created',
      entityType: 'creator',
      entityId: id,
      creatorId: id,
      after: input,
    });
  });
  return getCreatorOrThrow(db, scope, id);
}

export async function updateCreator(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: CreatorInputParsed,
): Promise<Creator> {
  await db.transaction(async (tx) => {
    const before = await getCreatorOrThrow(tx, scope, id);
    await assertUnique(tx, scope, input, id);
    await tx
      .update(creator)
      .set({ ...creatorColumns(input), updatedAt: new Date() })
      .where(eq(creator.id, id));
    await tx.delete(socialAccount).where(eq(socialAccount.creatorId, id));
    await insertSocialAccounts(tx, scope, id, input.socialAccounts);
    const { programs: _p, createdAt: _c, updatedAt: _u, ...beforeFields } = before;
    await recordAudit(tx, scope, {
      action: 'creator.updated',
      entityType: 'creator',
      entityId: id,
      creatorId: id,
      before: beforeFields,
      after: input,
    });
  });
  return getCreatorOrThrow(db, scope, id);
}
