// Programs: objective, KPI targets, persona, terms and tiers (PRODUCT P1–P3).
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { seatStages } from '../../../core/pipeline/stages';
import { slugify } from '../../../core/text/slug';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { slugWithSuffix } from '../../lib/slug';
import { recordAudit } from '../audit/audit.service';
import { ambassador } from '../people/people.schema';
import type { Program, ProgramInputParsed } from './programs.contract';
import { program, tier } from './programs.schema';

type ProgramRow = typeof program.$inferSelect;

async function toPrograms(db: Db | Tx, rows: ProgramRow[]): Promise<Program[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tiers = await db.select().from(tier).where(inArray(tier.programId, ids)).orderBy(asc(tier.rank));
  const counts = await db
    .select({ programId: ambassador.programId, stage: ambassador.stage, n: count() })
    .from(ambassador)
    .where(inArray(ambassador.programId, ids))
    .groupBy(ambassador.programId, ambassador.stage);
  return rows.map((r) => {
    const stageCounts: Record<string, number> = {};
    for (const c of counts) if (c.programId === r.id) stageCounts[c.stage] = c.n;
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      objective: r.objective,
      why: r.why,
      status: r.status,
      kpiTargets: r.kpiTargets,
      budgetMinor: r.budgetMinor,
      currency: r.currency,
      persona: r.persona,
      capacity: r.capacity,
      cadence: r.cadence,
      exclusivityDays: r.exclusivityDays,
      competitors: r.competitors,
      defaultUsageRights: r.defaultUsageRights,
      applicationForm: r.applicationForm,
      rubric: r.rubric,
      tiers: tiers
        .filter((t) => t.programId === r.id)
        .map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          followerMin: t.followerMin,
          followerMax: t.followerMax,
          rank: t.rank,
        })),
      seatsTaken: seatStages.reduce((sum, s) => sum + (stageCounts[s] ?? 0), 0),
      stageCounts,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function listPrograms(db: Db, scope: WorkspaceScope): Promise<Program[]> {
  const rows = await db
    .select()
    .from(program)
    .where(eq(program.workspaceId, scope.workspaceId))
    .orderBy(desc(program.createdAt));
  return toPrograms(db, rows);
}

/** Loads one program row of the scope's workspace, optionally locking it for the transaction. */
export async function getProgramRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ProgramRow> {
  const query = db
    .select()
    .from(program)
    .where(and(eq(program.id, id), eq(program.workspaceId, scope.workspaceId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('program', id);
  return row;
}

export async function getProgramOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<Program> {
  const row = await getProgramRowOrThrow(db, scope, id);
  const [result] = await toPrograms(db, [row]);
  return result!;
}

function columns(input: ProgramInputParsed) {
  const { tiers: _tiers, ...rest } = input;
  return rest;
}

async function writeTiers(tx: Tx, scope: WorkspaceScope, programId: string, input: ProgramInputParsed) {
  const existing = await tx.select({ id: tier.id }).from(tier).where(eq(tier.programId, programId));
  const existingIds = new Set(existing.map((t) => t.id));
  const keep = new Set<string>();
  for (const [rank, t] of input.tiers.entries()) {
    const values = {
      name: t.name,
      description: t.description,
      followerMin: t.followerMin,
      followerMax: t.followerMax,
      rank,
    };
    if (t.id && existingIds.has(t.id)) {
      keep.add(t.id);
      await tx.update(tier).set(values).where(eq(tier.id, t.id));
    } else {
      await tx
        .insert(tier)
        .values({ id: newId('tier'), workspaceId: scope.workspaceId, programId, ...values });
    }
  }
  const removed = [...existingIds].filter((id) => !keep.has(id));
  if (removed.length > 0) await tx.delete(tier).where(inArray(tier.id, removed));
}

async function uniqueProgramSlug(tx: Db | Tx, name: string): Promise<string> {
  const base = slugify(name);
  const [taken] = await tx.select({ id: program.id }).from(program).where(eq(program.slug, base));
  return taken ? slugWithSuffix(name) : base;
}

export async function createProgram(
  db: Db,
  scope: WorkspaceScope,
  input: ProgramInputParsed,
): Promise<Program> {
  const id = newId('program');
  await db.transaction(async (tx) => {
    const slug = await uniqueProgramSlug(tx, input.name);
    await tx.insert(program).values({ id, workspaceId: scope.workspaceId, slug, ...columns(input) });
    await writeTiers(tx, scope, id, input);
    await recordAudit(tx, scope, {
      action: 'program.created',
      entityType: 'program',
      entityId: id,
      after: input,
    });
  });
  return getProgramOrThrow(db, scope, id);
}

export async function updateProgram(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: ProgramInputParsed,
): Promise<Program> {
  await db.transaction(async (tx) => {
    const before = await getProgramRowOrThrow(tx, scope, id, { lock: true });
    if (input.capacity !== null) {
      const [seats] = await tx
        .select({ n: count() })
        .from(ambassador)
        .where(and(eq(ambassador.programId, id), inArray(ambassador.stage, [...seatStages])));
      if ((seats?.n ?? 0) > input.capacity) {
        throw new AppError(
          'validation_failed',
          `capacity: ${seats?.n} people already hold seats; capacity cannot be lower.`,
          {
            problems: [
              { field: 'capacity', message: `must be at least ${seats?.n}, the seats already taken` },
            ],
          },
        );
      }
    }
    await tx
      .update(program)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(program.id, id));
    await writeTiers(tx, scope, id, input);
    const { id: _id, workspaceId: _w, createdAt: _c, updatedAt: _u, slug: _s, ...beforeFields } = before;
    await recordAudit(tx, scope, {
      action: 'program.updated',
      entityType: 'program',
      entityId: id,
      before: beforeFields,
      after: columns(input),
    });
  });
  return getProgramOrThrow(db, scope, id);
}
