// Ambassadors: a creator in a program, moved through the pipeline (PRODUCT R6). Every stage change is
// checked by core/pipeline, serialised per program (capacity), and audited in the same transaction.
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { checkTransition, type Stage, seatStages, stageLabels } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { tier } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { getCreatorRowOrThrow } from './creators.service';
import type { Ambassador, MoveStageResult } from './people.contract';
import { ambassador, creator, socialAccount } from './people.schema';

/**
 * Ambassadors matching `where`, each with their creator and the creator's biggest account. Two plain
 * indexed queries merged here: predictable on PGlite, which has no planner statistics until ANALYZE.
 */
async function findAmbassadors(db: Db | Tx, where: SQL): Promise<Ambassador[]> {
  const rows = await db
    .select({
      a: ambassador,
      c: { id: creator.id, name: creator.name, email: creator.email, country: creator.country },
    })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(where)
    .orderBy(asc(ambassador.stageChangedAt));
  const accounts = await db
    .select({
      creatorId: socialAccount.creatorId,
      handle: socialAccount.handle,
      platform: socialAccount.platform,
      followers: socialAccount.followers,
    })
    .from(socialAccount)
    .innerJoin(ambassador, eq(ambassador.creatorId, socialAccount.creatorId))
    .where(where);
  const top = new Map<string, (typeof accounts)[number]>();
  for (const account of accounts) {
    const best = top.get(account.creatorId);
    if (!best || (account.followers ?? -1) > (best.followers ?? -1)) top.set(account.creatorId, account);
  }
  return rows.map(({ a, c }) => {
    const account = top.get(a.creatorId);
    return {
      id: a.id,
      programId: a.programId,
      creatorId: a.creatorId,
      stage: a.stage,
      tierId: a.tierId,
      stageChangedAt: a.stageChangedAt.toISOString(),
      createdAt: a.createdAt.toISOString(),
      creator: {
        ...c,
        handle: account?.handle ?? null,
        platform: account?.platform ?? null,
        followers: account?.followers ?? null,
      },
    };
  });
}

export async function listAmbassadors(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
): Promise<Ambassador[]> {
  await getProgramRowOrThrow(db, scope, programId);
  return findAmbassadors(
    db,
    and(eq(ambassador.workspaceId, scope.workspaceId), eq(ambassador.programId, programId))!,
  );
}

export async function getAmbassadorOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
): Promise<Ambassador> {
  const [found] = await findAmbassadors(
    db,
    and(eq(ambassador.id, id), eq(ambassador.workspaceId, scope.workspaceId))!,
  );
  if (!found) throw notFound('ambassador', id);
  return found;
}

async function assertTierInProgram(tx: Db | Tx, programId: string, tierId: string | null) {
  if (!tierId) return;
  const [t] = await tx
    .select({ id: tier.id })
    .from(tier)
    .where(and(eq(tier.id, tierId), eq(tier.programId, programId)));
  if (!t) {
    throw new AppError('validation_failed', `tierId: no tier ${tierId} in this program`, {
      problems: [{ field: 'tierId', message: `no tier ${tierId} in this program` }],
    });
  }
}

/** Adds a creator to a program at an entry stage (prospect, invited or applied). */
export async function addAmbassador(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  input: { creatorId: string; stage: Stage; tierId: string | null },
): Promise<Ambassador> {
  const id = newId('ambassador');
  await db.transaction(async (tx) => {
    const prg = await getProgramRowOrThrow(tx, scope, programId);
    const person = await getCreatorRowOrThrow(tx, scope, input.creatorId);
    await assertTierInProgram(tx, programId, input.tierId);
    const [existing] = await tx
      .select({ id: ambassador.id, stage: ambassador.stage })
      .from(ambassador)
      .where(and(eq(ambassador.programId, programId), eq(ambassador.creatorId, input.creatorId)));
    if (existing) {
      throw new AppError(
        'conflict',
        `${person.name} is already in ${prg.name} (stage: ${stageLabels[existing.stage]}).`,
        { extra: { ambassadorId: existing.id } },
      );
    }
    await tx.insert(ambassador).values({
      id,
      workspaceId: scope.workspaceId,
      programId,
      creatorId: input.creatorId,
      stage: input.stage,
      tierId: input.tierId,
    });
    await recordAudit(tx, scope, {
      action: 'ambassador.added',
      entityType: 'ambassador',
      entityId: id,
      creatorId: input.creatorId,
      after: { programId, programName: prg.name, stage: input.stage },
    });
  });
  return getAmbassadorOrThrow(db, scope, id);
}

/** Moves an ambassador to another stage, enforcing the allowed transitions and the program's capacity. */
export async function moveAmbassadorStage(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: { to: Stage; reason: string },
): Promise<MoveStageResult> {
  const { from: _from, ...outcome } = await db.transaction((tx) => applyStageChange(tx, scope, id, input));
  return { ambassador: await getAmbassadorOrThrow(db, scope, id), ...outcome };
}

/**
 * The stage change itself, inside the caller's transaction (the committee's decision adds its own writes
 * to the same one). Returns the stage it started from, so callers can check it under the same lock.
 */
export async function applyStageChange(
  tx: Tx,
  scope: WorkspaceScope,
  id: string,
  input: { to: Stage; reason: string },
): Promise<{ outcome: 'moved' | 'waitlisted'; message: string; from: Stage }> {
  const where = and(eq(ambassador.id, id), eq(ambassador.workspaceId, scope.workspaceId));
  const [located] = await tx.select({ programId: ambassador.programId }).from(ambassador).where(where);
  if (!located) throw notFound('ambassador', id);
  // Lock the program row first: it serialises moves within the program, so two managers cannot both
  // take the last seat. Only then read (and lock) the ambassador, so the stage checked and audited as
  // `before` is the one a concurrent move left behind, not a stale one.
  const prg = await getProgramRowOrThrow(tx, scope, located.programId, { lock: true });
  const [current] = await tx.select().from(ambassador).where(where).for('update');
  if (!current) throw notFound('ambassador', id);
  const [seats] = await tx
    .select({ n: count() })
    .from(ambassador)
    .where(and(eq(ambassador.programId, prg.id), inArray(ambassador.stage, [...seatStages])));
  const check = checkTransition({
    from: current.stage,
    to: input.to,
    capacity: prg.capacity,
    seatsTaken: seats?.n ?? 0,
  });
  if (!check.ok)
    throw new AppError('illegal_transition', check.reason, {
      extra: { from: current.stage, to: input.to },
    });
  const waitlisted = 'waitlistedBecauseFull' in check;
  await tx
    .update(ambassador)
    .set({ stage: check.to, stageChangedAt: new Date() })
    .where(eq(ambassador.id, id));
  const reason = waitlisted ? [input.reason, check.reason].filter(Boolean).join(' — ') : input.reason;
  await recordAudit(tx, scope, {
    action: 'ambassador.stage_changed',
    entityType: 'ambassador',
    entityId: id,
    creatorId: current.creatorId,
    before: { stage: current.stage },
    after: { stage: check.to, programId: prg.id, programName: prg.name },
    reason,
  });
  return waitlisted
    ? { outcome: 'waitlisted' as const, message: check.reason, from: current.stage }
    : {
        outcome: 'moved' as const,
        message: `Moved from ${stageLabels[current.stage]} to ${stageLabels[check.to]}.`,
        from: current.stage,
      };
}
