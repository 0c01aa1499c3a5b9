// Briefs (B1): versioned per program (optionally per campaign label), the stale flag, the computed
// "what changed" between versions, and the current briefs an ambassador in an active stage may read.
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { diffBriefs } from '../../../core/briefs/diff';
import { seatStages } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { AmbassadorScope, WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import {
  type BriefContent,
  type BriefDetail,
  type BriefDiff,
  type BriefStaleness,
  type BriefSummary,
  type BriefVersion,
  briefContentSchema,
  briefCreateInputSchema,
  briefPublishInputSchema,
  defaultStaleAfterDays,
  type PortalBrief,
} from './briefs.contract';
import { brief, briefVersion } from './briefs.schema';

type BriefRow = typeof brief.$inferSelect;
type VersionRow = typeof briefVersion.$inferSelect;

const dayMs = 86_400_000;

/** Whole days from `since` to `now`, and whether that is past `staleAfterDays`. */
export function briefAge(since: Date, now: Date, staleAfterDays: number) {
  const ageDays = Math.max(0, Math.floor((now.getTime() - since.getTime()) / dayMs));
  return { ageDays, isStale: ageDays > staleAfterDays };
}

function toVersion(v: VersionRow): BriefVersion {
  return {
    version: v.version,
    content: v.content,
    changeNote: v.changeNote,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

function toSummary(b: BriefRow, current: VersionRow, staleAfterDays: number, now: Date): BriefSummary {
  const { ageDays, isStale } = briefAge(b.updatedAt, now, staleAfterDays);
  return {
    id: b.id,
    programId: b.programId,
    campaign: b.campaign,
    currentVersion: b.currentVersion,
    title: current.content.title,
    // An archived brief is no longer asked of anyone, so it is never flagged.
    isStale: b.archivedAt === null && isStale,
    ageDays,
    archivedAt: b.archivedAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
    current: toVersion(current),
  };
}

async function getBriefRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  programId: string,
  briefId: string,
  options: { lock?: boolean } = {},
): Promise<BriefRow> {
  const query = db
    .select()
    .from(brief)
    .where(
      and(eq(brief.id, briefId), eq(brief.programId, programId), eq(brief.workspaceId, scope.workspaceId)),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('brief', briefId);
  return row;
}

async function versionsOf(db: Db | Tx, briefIds: string[]): Promise<VersionRow[]> {
  if (briefIds.length === 0) return [];
  return db
    .select()
    .from(briefVersion)
    .where(inArray(briefVersion.briefId, briefIds))
    .orderBy(asc(briefVersion.version));
}

/** The briefs of a program with their current version; archived ones only when asked. */
export async function listBriefs(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  options: { staleAfterDays?: number; includeArchived?: boolean; now?: Date } = {},
): Promise<BriefSummary[]> {
  await getProgramRowOrThrow(db, scope, programId);
  const rows = await db
    .select({ b: brief, v: briefVersion })
    .from(brief)
    .innerJoin(
      briefVersion,
      and(eq(briefVersion.briefId, brief.id), eq(briefVersion.version, brief.currentVersion)),
    )
    .where(
      and(
        eq(brief.workspaceId, scope.workspaceId),
        eq(brief.programId, programId),
        options.includeArchived ? undefined : isNull(brief.archivedAt),
      ),
    )
    .orderBy(asc(brief.archivedAt), asc(brief.campaign), asc(brief.createdAt));
  const now = options.now ?? new Date();
  return rows.map((r) => toSummary(r.b, r.v, options.staleAfterDays ?? defaultStaleAfterDays, now));
}

/** One brief with every version, oldest first. */
export async function getBriefOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  programId: string,
  briefId: string,
  options: { staleAfterDays?: number; now?: Date } = {},
): Promise<BriefDetail> {
  const b = await getBriefRowOrThrow(db, scope, programId, briefId);
  const versions = await versionsOf(db, [b.id]);
  const current = versions.find((v) => v.version === b.currentVersion);
  if (!current) throw new AppError('internal', `Brief ${b.id} has no version ${b.currentVersion}.`);
  return {
    ...toSummary(b, current, options.staleAfterDays ?? defaultStaleAfterDays, options.now ?? new Date()),
    versions: versions.map(toVersion),
  };
}

function conflictForLiveBrief(campaign: string | null, existingId: string): AppError {
  const what = campaign ? `campaign “${campaign}”` : 'this program (its standing brief)';
  return new AppError(
    'conflict',
    `There is already a brief for ${what} (${existingId}); publish a new version of it instead.`,
    { problems: [{ field: 'campaign', message: 'already has a live brief' }] },
  );
}

/** Creates a brief at version 1. One live brief per program and campaign label (null: the standing one). */
export async function createBrief(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  input: unknown,
): Promise<BriefDetail> {
  const parsed = briefCreateInputSchema.parse(input);
  const id = await db.transaction(async (tx) => {
    // Locking the program serialises creations, so two concurrent requests cannot both add a live brief.
    await getProgramRowOrThrow(tx, scope, programId, { lock: true });
    const live = await tx
      .select({ id: brief.id, campaign: brief.campaign })
      .from(brief)
      .where(
        and(
          eq(brief.programId, programId),
          eq(brief.workspaceId, scope.workspaceId),
          isNull(brief.archivedAt),
        ),
      );
    const key = (c: string | null) => c?.toLocaleLowerCase() ?? null;
    const clash = live.find((b) => key(b.campaign) === key(parsed.campaign));
    if (clash) throw conflictForLiveBrief(parsed.campaign, clash.id);
    const briefId = newId('brief');
    const now = new Date();
    await tx.insert(brief).values({
      id: briefId,
      workspaceId: scope.workspaceId,
      programId,
      campaign: parsed.campaign,
      currentVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(briefVersion).values({
      id: newId('briefVersion'),
      workspaceId: scope.workspaceId,
      briefId,
      version: 1,
      content: parsed.content,
      changeNote: '',
      createdBy: scope.userId === 'system' ? null : scope.userId,
      createdAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'brief.created',
      entityType: 'brief',
      entityId: briefId,
      after: { programId, campaign: parsed.campaign, version: 1, title: parsed.content.title },
    });
    return briefId;
  });
  return getBriefOrThrow(db, scope, programId, id);
}

/** Publishes the whole content as the next version, with the author's change note (one transaction). */
export async function publishBriefVersion(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  briefId: string,
  input: unknown,
): Promise<BriefDetail> {
  const parsed = briefPublishInputSchema.parse(input);
  await db.transaction(async (tx) => {
    const b = await getBriefRowOrThrow(tx, scope, programId, briefId, { lock: true });
    if (b.archivedAt)
      throw new AppError('conflict', 'This brief is archived; create a new brief instead.', {
        problems: [{ field: 'briefId', message: 'is archived' }],
      });
    const version = b.currentVersion + 1;
    const now = new Date();
    await tx.insert(briefVersion).values({
      id: newId('briefVersion'),
      workspaceId: scope.workspaceId,
      briefId,
      version,
      content: parsed.content,
      changeNote: parsed.changeNote,
      createdBy: scope.userId === 'system' ? null : scope.userId,
      createdAt: now,
    });
    await tx.update(brief).set({ currentVersion: version, updatedAt: now }).where(eq(brief.id, briefId));
    await recordAudit(tx, scope, {
      action: 'brief.version_published',
      entityType: 'brief',
      entityId: briefId,
      before: { version: b.currentVersion },
      after: { version, title: parsed.content.title },
      reason: parsed.changeNote,
    });
  });
  return getBriefOrThrow(db, scope, programId, briefId);
}

/** The computed differences between two versions of a brief (either order). */
export async function diffBriefVersions(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  briefId: string,
  range: { from?: number | undefined; to?: number | undefined } = {},
): Promise<BriefDiff> {
  const b = await getBriefRowOrThrow(db, scope, programId, briefId);
  const to = range.to ?? b.currentVersion;
  const from = range.from ?? Math.max(1, to - 1);
  const versions = await versionsOf(db, [briefId]);
  const pick = (n: number, field: string) => {
    const v = versions.find((x) => x.version === n);
    if (!v)
      throw new AppError('not_found', `This brief has no version ${n}.`, {
        problems: [{ field, message: `no version ${n} (versions 1 to ${versions.length})` }],
      });
    return v.content;
  };
  return { from, to, changes: diffBriefs(pick(from, 'from'), pick(to, 'to')) };
}

/** Archives a brief: ambassadors stop seeing it and a new one may take its place. */
export async function archiveBrief(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  briefId: string,
): Promise<BriefDetail> {
  await db.transaction(async (tx) => {
    const b = await getBriefRowOrThrow(tx, scope, programId, briefId, { lock: true });
    if (b.archivedAt) return;
    await tx.update(brief).set({ archivedAt: new Date() }).where(eq(brief.id, briefId));
    await recordAudit(tx, scope, {
      action: 'brief.archived',
      entityType: 'brief',
      entityId: briefId,
      before: { archivedAt: null },
      after: { archivedAt: new Date().toISOString() },
    });
  });
  return getBriefOrThrow(db, scope, programId, briefId);
}

/** Per program of the workspace: how many live briefs there are and how many are stale. */
export async function briefStaleness(
  db: Db,
  scope: WorkspaceScope,
  options: { staleAfterDays?: number; now?: Date } = {},
): Promise<BriefStaleness> {
  const staleAfterDays = options.staleAfterDays ?? defaultStaleAfterDays;
  const now = options.now ?? new Date();
  const rows = await db
    .select({ programId: brief.programId, updatedAt: brief.updatedAt })
    .from(brief)
    .where(and(eq(brief.workspaceId, scope.workspaceId), isNull(brief.archivedAt)));
  const byProgram = new Map<string, { briefs: number; staleBriefs: number; oldestAgeDays: number }>();
  for (const r of rows) {
    const { ageDays, isStale } = briefAge(r.updatedAt, now, staleAfterDays);
    const entry = byProgram.get(r.programId) ?? { briefs: 0, staleBriefs: 0, oldestAgeDays: 0 };
    entry.briefs++;
    if (isStale) entry.staleBriefs++;
    entry.oldestAgeDays = Math.max(entry.oldestAgeDays, ageDays);
    byProgram.set(r.programId, entry);
  }
  return {
    staleAfterDays,
    items: [...byProgram].map(([programId, e]) => ({ programId, ...e })),
  };
}

/**
 * The content of a program's live standing brief (campaign null), for the compliance check; null when
 * the program has none. `workspaceId` must already be the caller's.
 */
export async function findStandingBriefContent(
  db: Db | Tx,
  workspaceId: string,
  programId: string,
): Promise<{ briefId: string; version: number; content: BriefContent } | null> {
  const [row] = await db
    .select({ id: brief.id, version: briefVersion.version, content: briefVersion.content })
    .from(brief)
    .innerJoin(
      briefVersion,
      and(eq(briefVersion.briefId, brief.id), eq(briefVersion.version, brief.currentVersion)),
    )
    .where(
      and(
        eq(brief.workspaceId, workspaceId),
        eq(brief.programId, programId),
        isNull(brief.campaign),
        isNull(brief.archivedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Stored content was validated on write; parsing again fills defaults added to the contract since.
  return { briefId: row.id, version: row.version, content: briefContentSchema.parse(row.content) };
}

/**
 * The current briefs of the ambassador's programs, for ambassadors holding a seat (accepted, onboarding,
 * active, paused) in a launched program, with what changed since `since` (default: the previous version).
 */
export async function listPortalBriefs(
  db: Db,
  scope: AmbassadorScope,
  options: { since?: number | undefined } = {},
): Promise<PortalBrief[]> {
  const rows = await db
    .select({ b: brief, programName: program.name })
    .from(ambassador)
    .innerJoin(program, eq(program.id, ambassador.programId))
    .innerJoin(brief, eq(brief.programId, program.id))
    .where(
      and(
        eq(ambassador.creatorId, scope.creatorId),
        eq(ambassador.workspaceId, scope.workspaceId),
        eq(brief.workspaceId, scope.workspaceId),
        inArray(ambassador.stage, [...seatStages]),
        ne(program.status, 'draft'),
        isNull(brief.archivedAt),
      ),
    )
    .orderBy(asc(program.name), asc(brief.campaign));
  const versions = await versionsOf(
    db,
    rows.map((r) => r.b.id),
  );
  return rows.map(({ b, programName }) => {
    const own = versions.filter((v) => v.briefId === b.id);
    const current = own.find((v) => v.version === b.currentVersion)!;
    const wanted = options.since ?? b.currentVersion - 1;
    const comparedWith = wanted >= 1 && wanted < b.currentVersion ? wanted : null;
    const base = comparedWith === null ? null : own.find((v) => v.version === comparedWith);
    return {
      briefId: b.id,
      programId: b.programId,
      programName,
      campaign: b.campaign,
      version: current.version,
      publishedAt: current.createdAt.toISOString(),
      content: current.content,
      changeNote: current.changeNote,
      comparedWith: base ? comparedWith : null,
      changes: base ? diffBriefs(base.content, current.content) : [],
      changeNotes: own
        .filter((v) => comparedWith !== null && v.version > comparedWith && v.changeNote !== '')
        .reverse()
        .map((v) => ({ version: v.version, changeNote: v.changeNote, createdAt: v.createdAt.toISOString() })),
    };
  });
}
