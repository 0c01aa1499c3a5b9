// Prospect lists (PRODUCT R2/R3): create, update, delete, and a list's entries with their stage and vetting.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import type { ListInput, ProspectEntry, ProspectList, ProspectListDetail } from './prospects.contract';
import { prospectList, prospectListEntry } from './prospects.schema';

export type ListRow = typeof prospectList.$inferSelect;

export async function getListRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<ListRow> {
  const [row] = await db
    .select()
    .from(prospectList)
    .where(and(eq(prospectList.id, id), eq(prospectList.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('prospect list', id);
  return row;
}

async function toLists(db: Db | Tx, rows: ListRow[]): Promise<ProspectList[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({ listId: prospectListEntry.listId, n: count() })
    .from(prospectListEntry)
    .where(inArray(prospectListEntry.listId, ids))
    .groupBy(prospectListEntry.listId);
  const programIds = [...new Set(rows.flatMap((r) => (r.programId ? [r.programId] : [])))];
  const programs =
    programIds.length > 0
      ? await db
          .select({ id: program.id, name: program.name })
          .from(program)
          .where(inArray(program.id, programIds))
      : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    source: r.source,
    programId: r.programId,
    programName: programs.find((p) => p.id === r.programId)?.name ?? null,
    entryCount: counts.find((c) => c.listId === r.id)?.n ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listProspectLists(db: Db, scope: WorkspaceScope): Promise<ProspectList[]> {
  const rows = await db
    .select()
    .from(prospectList)
    .where(eq(prospectList.workspaceId, scope.workspaceId))
    .orderBy(desc(prospectList.createdAt));
  return toLists(db, rows);
}

export async function createProspectList(
  db: Db,
  scope: WorkspaceScope,
  input: ListInput,
): Promise<ProspectList> {
  const id = newId('prospectList');
  await db.transaction(async (tx) => {
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx.insert(prospectList).values({ id, workspaceId: scope.workspaceId, ...input });
    await recordAudit(tx, scope, {
      action: 'prospect_list.created',
      entityType: 'prospect_list',
      entityId: id,
      after: input,
    });
  });
  const [list] = await toLists(db, [await getListRowOrThrow(db, scope, id)]);
  return list!;
}

export async function updateProspectList(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: ListInput,
): Promise<ProspectList> {
  await db.transaction(async (tx) => {
    const before = await getListRowOrThrow(tx, scope, id);
    if (input.programId) await getProgramRowOrThrow(tx, scope, input.programId);
    await tx.update(prospectList).set(input).where(eq(prospectList.id, id));
    await recordAudit(tx, scope, {
      action: 'prospect_list.updated',
      entityType: 'prospect_list',
      entityId: id,
      before: { name: before.name, source: before.source, programId: before.programId },
      after: input,
    });
  });
  const [list] = await toLists(db, [await getListRowOrThrow(db, scope, id)]);
  return list!;
}

/** Deletes a list and its entries; the creators stay in the workspace. */
export async function deleteProspectList(db: Db, scope: WorkspaceScope, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getListRowOrThrow(tx, scope, id);
    await tx.delete(prospectList).where(eq(prospectList.id, id));
    await recordAudit(tx, scope, {
      action: 'prospect_list.deleted',
      entityType: 'prospect_list',
      entityId: id,
      before: { name: before.name },
    });
  });
}

export async function listEntries(
  db: Db | Tx,
  scope: WorkspaceScope,
  list: ListRow,
): Promise<ProspectEntry[]> {
  const rows = await db
    .select({
      creatorId: creator.id,
      name: creator.name,
      email: creator.email,
      country: creator.country,
      source: prospectListEntry.source,
      addedAt: prospectListEntry.addedAt,
    })
    .from(prospectListEntry)
    .innerJoin(creator, eq(creator.id, prospectListEntry.creatorId))
    .where(and(eq(prospectListEntry.listId, list.id), eq(prospectListEntry.workspaceId, scope.workspaceId)))
    .orderBy(asc(prospectListEntry.addedAt), asc(creator.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.creatorId);
  const accounts = await db
    .select({
      creatorId: socialAccount.creatorId,
      platform: socialAccount.platform,
      handle: socialAccount.handle,
      followers: socialAccount.followers,
    })
    .from(socialAccount)
    .where(inArray(socialAccount.creatorId, ids));
  const memberships = list.programId
    ? await db
        .select({ id: ambassador.id, creatorId: ambassador.creatorId, stage: ambassador.stage })
        .from(ambassador)
        .where(and(eq(ambassador.programId, list.programId), inArray(ambassador.creatorId, ids)))
    : [];
  const reports = await db
    .select({
      id: vettingReport.id,
      creatorId: vettingReport.creatorId,
      score: vettingReport.score,
      verdict: vettingReport.verdict,
      createdAt: vettingReport.createdAt,
    })
    .from(vettingReport)
    .where(and(eq(vettingReport.workspaceId, scope.workspaceId), inArray(vettingReport.creatorId, ids)))
    .orderBy(desc(vettingReport.createdAt));
  return rows.map((r) => {
    const top = accounts
      .filter((a) => a.creatorId === r.creatorId)
      .sort((a, b) => (b.followers ?? -1) - (a.followers ?? -1))[0];
    const membership = memberships.find((m) => m.creatorId === r.creatorId);
    const report = reports.find((v) => v.creatorId === r.creatorId);
    return {
      creatorId: r.creatorId,
      name: r.name,
      email: r.email,
      country: r.country,
      platform: top?.platform ?? null,
      handle: top?.handle ?? null,
      followers: top?.followers ?? null,
      source: r.source,
      addedAt: r.addedAt.toISOString(),
      ambassadorId: membership?.id ?? null,
      stage: membership?.stage ?? null,
      vetting: report
        ? {
            reportId: report.id,
            score: report.score,
            verdict: report.verdict,
            createdAt: report.createdAt.toISOString(),
          }
        : null,
    };
  });
}

export async function getProspectListOrThrow(
  db: Db,
  scope: WorkspaceScope,
  id: string,
): Promise<ProspectListDetail> {
  const row = await getListRowOrThrow(db, scope, id);
  const [list] = await toLists(db, [row]);
  return { ...list!, entries: await listEntries(db, scope, row) };
}
