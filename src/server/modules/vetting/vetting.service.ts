// Runs the pure vetting engine (core/vetting) for a workspace and stores each report with its input.
import { and, desc, eq, or } from 'drizzle-orm';
import type { CreatorInput } from '../../../core/vetting/input';
import { type VettingOptions, type VettingReport, vetCreator, vetPool } from '../../../core/vetting/report';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { systemScope, type WorkspaceScope } from '../../lib/scope';
import { getCreatorRowOrThrow } from '../people/creators.service';
import { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import type { StoredReport } from './vetting.contract';
import { vettingReport } from './vetting.schema';

type Row = typeof vettingReport.$inferSelect;

function toStored(r: Row): StoredReport {
  return {
    id: r.id,
    creatorId: r.creatorId,
    programId: r.programId,
    handle: r.handle,
    platform: r.platform,
    engineVersion: r.engineVersion,
    score: r.score,
    verdict: r.verdict,
    createdAt: r.createdAt.toISOString(),
    report: r.report as Record<string, unknown>,
  };
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
  db: Db,
  scope: WorkspaceScope,
  entries: Array<{ input: CreatorInput; report: VettingReport; creatorId: string | null }>,
  programId: string | undefined,
): Promise<StoredReport[]> {
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
  return rows.map(toStored);
}

export async function vetOne(
  db: Db,
  scope: WorkspaceScope,
  request: { input: CreatorInput; programId?: string | undefined; creatorId?: string | undefined },
): Promise<StoredReport> {
  if (request.creatorId) await getCreatorRowOrThrow(db, scope, request.creatorId);
  const report = vetCreator(request.input, await optionsFor(db, scope, request.programId));
  const [stored] = await store(
    db,
    scope,
    [{ input: request.input, report, creatorId: request.creatorId ?? null }],
    request.programId,
  );
  return stored!;
}

export async function vetMany(
  db: Db,
  scope: WorkspaceScope,
  request: { inputs: CreatorInput[]; programId?: string | undefined },
) {
  const pool = vetPool(request.inputs, await optionsFor(db, scope, request.programId));
  const reports = await store(
    db,
    scope,
    pool.reports.map((report, i) => ({ input: request.inputs[i]!, report, creatorId: null })),
    request.programId,
  );
  return { reports, podGroups: pool.podGroups as unknown as Array<Record<string, unknown>> };
}

export async function getReportOrThrow(db: Db, scope: WorkspaceScope, id: string): Promise<StoredReport> {
  const [row] = await db
    .select()
    .from(vettingReport)
    .where(and(eq(vettingReport.id, id), eq(vettingReport.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('vetting report', id);
  return toStored(row);
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
  return rows.map(toStored);
}
