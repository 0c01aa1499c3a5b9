// Runs the pure vetting engine (core/vetting) for a workspace and stores each report with its input;
// reviewers' flag overrides are applied on every read (core/vetting/overrides).
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { CreatorInput } from '../../../core/vetting/input';
import { applyOverrides, hasFlagKey } from '../../../core/vetting/overrides';
import { type VettingOptions, type VettingReport, vetCreator, vetPool } from '../../../core/vetting/report';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { systemScope, type WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { user } from '../auth/auth.schema';
import { getCreatorRowOrThrow } from '../people/creators.service';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import type { FlagOverrideInput, ReportDetail, StoredFlagOverride, StoredReport } from './vetting.contract';
import { vettingFlagOverride, vettingReport } from './vetting.schema';

type Row = typeof vettingReport.$inferSelect;

/** The report as reviewers see it: overrides applied, the engine's score and verdict kept beside. */
function toStored(r: Row, overrides: StoredFlagOverride[] = []): StoredReport {
  const reviewed = applyOverrides(
    r.report as VettingReport,
    overrides.map((o) => ({ flagKey: o.flagKey, reason: o.reason, by: o.by, at: o.createdAt })),
  );
  return {
    id: r.id,
    creatorId: r.creatorId,
    programId: r.programId,
    handle: r.handle,
    platform: r.platform,
    engineVersion: r.engineVersion,
    score: reviewed.score,
    verdict: reviewed.verdict,
    originalScore: reviewed.originalScore,
    originalVerdict: reviewed.originalVerdict,
    overrides,
    createdAt: r.createdAt.toISOString(),
    report: reviewed as unknown as Record<string, unknown>,
  };
}

function toDetail(r: Row, overrides: StoredFlagOverride[] = []): ReportDetail {
  return { ...toStored(r, overrides), input: r.input as Record<string, unknown> };
}

/** Overrides of the given reports, oldest first, with each reviewer's name. */
async function overridesOf(
  db: Db | Tx,
  scope: WorkspaceScope,
  reportIds: string[],
): Promise<Map<string, StoredFlagOverride[]>> {
  const byReport = new Map<string, StoredFlagOverride[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select({
      id: vettingFlagOverride.id,
      reportId: vettingFlagOverride.reportId,
      flagKey: vettingFlagOverride.flagKey,
      reason: vettingFlagOverride.reason,
      by: user.name,
      createdAt: vettingFlagOverride.createdAt,
    })
    .from(vettingFlagOverride)
    .leftJoin(user, eq(user.id, vettingFlagOverride.userId))
    .where(
      and(
        eq(vettingFlagOverride.workspaceId, scope.workspaceId),
        inArray(vettingFlagOverride.reportId, reportIds),
      ),
    )
    .orderBy(vettingFlagOverride.createdAt, vettingFlagOverride.id);
  for (const row of rows) {
    const list = byReport.get(row.reportId) ?? [];
    list.push({ ...row, by: row.by ?? '', createdAt: row.createdAt.toISOString() });
    byReport.set(row.reportId, list);
  }
  return byReport;
}

/** The engine options a program implies: its persona, competitors and exclusivity window. */
async function optionsFor(db: Db, scope: WorkspaceScope, programId?: string): Promise<VettingOptions> {
  if (!programId) return {};
  const prg = await getProgramRowOrThrow(db, scope, programId);
  return {
    persona: prg.persona,
    competitors: prg.competitors,
    ...(prg.exclusivityDays !== null ? { exclusivityDays: prg.exclusivityDays } : {}),
  };
}

/**
 * A program found by id or slug in any workspace (slugs are unique across workspaces) and the engine
 * options it implies, or null: for `troupe vet --program`, which has no workspace scope to start from.
 */
export async function findProgramVettingOptions(
  db: Db,
  idOrSlug: string,
): Promise<{ program: { id: string; name: string; workspaceId: string }; options: VettingOptions } | null> {
  const [found] = await db
    .select({ id: program.id, name: program.name, workspaceId: program.workspaceId })
    .from(program)
    .where(or(eq(program.id, idOrSlug), eq(program.slug, idOrSlug.toLowerCase())));
  if (!found) return null;
  return { program: found, options: await optionsFor(db, systemScope(found.workspaceId), found.id) };
}

async function store(
  db: Db | Tx,
  scope: WorkspaceScope,
  entries: Array<{ input: CreatorInput; report: VettingReport; creatorId: string | null }>,
  programId: string | undefined,
): Promise<Row[]> {
  const rows = await db
    .insert(vettingReport)
    .values(
      entries.map(({ input, report, creatorId }) => ({
        id: newId('vettingReport'),
        workspaceId: scope.workspaceId,
        creatorId,
        programId: programId ?? null,
        handle: report.handle,
        platform: report.platform,
        engineVersion: report.engineVersion,
        score: report.score,
        verdict: report.verdict,
        input,
        report,
      })),
    )
    .returning();
  return rows;
}

export async function vetOne(
  db: Db,
  scope: WorkspaceScope,
  request: { input: CreatorInput; programId?: string | undefined; creatorId?: string | undefined },
): Promise<ReportDetail> {
  if (request.creatorId) await getCreatorRowOrThrow(db, scope, request.creatorId);
  const report = vetCreator(request.input, await optionsFor(db, scope, request.programId));
  const row = await db.transaction(async (tx) => {
    const [stored] = await store(
      tx,
      scope,
      [{ input: request.input, report, creatorId: request.creatorId ?? null }],
      request.programId,
    );
    await recordAudit(tx, scope, {
      action: 'vetting.report_created',
      entityType: 'vetting_report',
      entityId: stored!.id,
      creatorId: stored!.creatorId,
      after: {
        handle: report.handle,
        score: report.score,
        verdict: report.verdict,
        programId: stored!.programId,
      },
    });
    return stored!;
  });
  return toDetail(row);
}

export async function vetMany(
  db: Db,
  scope: WorkspaceScope,
  request: { inputs: CreatorInput[]; programId?: string | undefined },
) {
  const pool = vetPool(request.inputs, await optionsFor(db, scope, request.programId));
  const rows = await store(
    db,
    scope,
    pool.reports.map((report, i) => ({ input: request.inputs[i]!, report, creatorId: null })),
    request.programId,
  );
  return {
    reports: rows.map((r) => toStored(r)),
    podGroups: pool.podGroups as unknown as Array<Record<string, unknown>>,
  };
}

async function getReportRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(vettingReport)
    .where(and(eq(vettingReport.id, id), eq(vettingReport.workspaceId, scope.workspaceId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('vetting report', id);
  return row;
}

/** One report with its input, reviewers' overrides applied. */
export async function getReportOrThrow(db: Db, scope: WorkspaceScope, id: string): Promise<ReportDetail> {
  const row = await getReportRowOrThrow(db, scope, id);
  return toDetail(row, (await overridesOf(db, scope, [id])).get(id));
}

/**
 * Sets one flag of a report aside with the reviewer's reason (V9). The stored score and verdict become the
 * reviewed ones (the engine's stay in the report JSON); audited on the creator's timeline.
 */
export async function overrideFlag(
  db: Db,
  scope: WorkspaceScope,
  reportId: string,
  input: FlagOverrideInput,
): Promise<ReportDetail> {
  return db.transaction(async (tx) => {
    const row = await getReportRowOrThrow(tx, scope, reportId, true);
    const report = row.report as VettingReport;
    if (!hasFlagKey(report, input.flagKey)) {
      throw validationError([{ field: 'flagKey', message: `names no flag of report ${reportId}` }]);
    }
    const existing = (await overridesOf(tx, scope, [reportId])).get(reportId) ?? [];
    if (existing.some((o) => o.flagKey === input.flagKey)) {
      throw new AppError('conflict', `Flag ${input.flagKey} is already overridden; restore it first.`, {
        problems: [{ field: 'flagKey', message: 'is already overridden' }],
      });
    }
    await tx.insert(vettingFlagOverride).values({
      id: newId('vettingFlagOverride'),
      workspaceId: scope.workspaceId,
      reportId,
      flagKey: input.flagKey,
      reason: input.reason,
      userId: scope.userId === 'system' ? null : scope.userId,
    });
    return rescore(tx, scope, row, 'vetting.flag_overridden', input.flagKey, input.reason);
  });
}

/** Removes an override, so the flag counts again. */
export async function restoreFlag(
  db: Db,
  scope: WorkspaceScope,
  reportId: string,
  overrideId: string,
): Promise<ReportDetail> {
  return db.transaction(async (tx) => {
    const row = await getReportRowOrThrow(tx, scope, reportId, true);
    const [removed] = await tx
      .delete(vettingFlagOverride)
      .where(
        and(
          eq(vettingFlagOverride.id, overrideId),
          eq(vettingFlagOverride.reportId, reportId),
          eq(vettingFlagOverride.workspaceId, scope.workspaceId),
        ),
      )
      .returning();
    if (!removed) throw notFound('flag override', overrideId);
    return rescore(tx, scope, row, 'vetting.flag_restored', removed.flagKey, '', removed.reason);
  });
}

/** Stores the reviewed score and verdict after an override changed, and audits the change. */
async function rescore(
  tx: Tx,
  scope: WorkspaceScope,
  row: Row,
  action: 'vetting.flag_overridden' | 'vetting.flag_restored',
  flagKey: string,
  reason: string,
  previousReason?: string,
): Promise<ReportDetail> {
  const overrides = (await overridesOf(tx, scope, [row.id])).get(row.id) ?? [];
  const detail = toDetail(row, overrides);
  const flag = (
    detail.report.flags as Array<{ key: string; code: string; severity: string; message: string }>
  ).find((f) => f.key === flagKey);
  const [updated] = await tx
    .update(vettingReport)
    .set({ score: detail.score, verdict: detail.verdict })
    .where(eq(vettingReport.id, row.id))
    .returning();
  await recordAudit(tx, scope, {
    action,
    entityType: 'vetting_report',
    entityId: row.id,
    creatorId: row.creatorId,
    before: { score: row.score, verdict: row.verdict, ...(previousReason ? { reason: previousReason } : {}) },
    after: {
      score: detail.score,
      verdict: detail.verdict,
      flagKey,
      code: flag?.code,
      severity: flag?.severity,
      message: flag?.message,
      handle: row.handle,
    },
    reason,
  });
  return toDetail(updated!, overrides);
}

export async function listReports(
  db: Db,
  scope: WorkspaceScope,
  filter: { creatorId?: string | undefined },
): Promise<StoredReport[]> {
  const rows = await db
    .select()
    .from(vettingReport)
    .where(
      and(
        eq(vettingReport.workspaceId, scope.workspaceId),
        filter.creatorId ? eq(vettingReport.creatorId, filter.creatorId) : undefined,
      ),
    )
    .orderBy(desc(vettingReport.createdAt))
    .limit(100);
  const overrides = await overridesOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toStored(r, overrides.get(r.id)));
}
