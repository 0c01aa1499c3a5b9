// Committee writes: submitting scores, abstaining, the decision (with its email) and the program's rubric.
import { and, eq } from 'drizzle-orm';
import { isReviewableStage } from '../../../core/committee/review-stages';
import { validateScoreSheet, weightedScore } from '../../../core/committee/scoring';
import { type Stage, stageLabels } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import type { Mailer } from '../outbox/outbox.service';
import { applyStageChange } from '../people/ambassadors.service';
import type { Program, RubricCriterion } from '../programs/programs.contract';
import { program } from '../programs/programs.schema';
import { getProgramOrThrow, getProgramRowOrThrow } from '../programs/programs.service';
import { workspace } from '../workspaces/workspaces.schema';
import {
  type Applicant,
  type Decision,
  type DecisionInput,
  type DecisionResult,
  type ReviewInput,
  reviewableStages,
} from './committee.contract';
import { applicationReview } from './committee.schema';
import {
  aggregateOf,
  getApplicant,
  getApplicantRowOrThrow,
  reviewsOf,
  scored,
  seatsTakenIn,
} from './committee.service';

const reviewableList = reviewableStages.map((s) => `“${stageLabels[s]}”`).join(', ');

/** Locks the program (it serialises committee writes and stage changes) and the applicant, and checks both. */
async function lockForReview(tx: Tx, scope: WorkspaceScope, programId: string, ambassadorId: string) {
  const prg = await getProgramRowOrThrow(tx, scope, programId, { lock: true });
  const row = await getApplicantRowOrThrow(tx, scope, programId, ambassadorId, { lock: true });
  if (!isReviewableStage(row.a.stage)) {
    throw new AppError(
      'conflict',
      `${row.c.name} is in stage “${stageLabels[row.a.stage]}”; the committee reviews only applicants in ${reviewableList}.`,
    );
  }
  const [mine] = await tx
    .select()
    .from(applicationReview)
    .where(
      and(eq(applicationReview.ambassadorId, ambassadorId), eq(applicationReview.reviewerId, scope.userId)),
    );
  return { prg, ...row, mine };
}

function alreadyReviewed(name: string, mine: { abstained: boolean }): AppError {
  return new AppError(
    'conflict',
    mine.abstained
      ? `You abstained on ${name}, so you cannot score them now: you have already seen the others' scores.`
      : `You have already scored ${name}. Scores are final once submitted, so the committee's scoring stays blind.`,
  );
}

/** Submits the caller's scores, once; the first review moves the applicant from Applied to In review. */
export async function submitReview(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  ambassadorId: string,
  input: ReviewInput,
): Promise<Applicant> {
  await db.transaction(async (tx) => {
    const { prg, a, c, mine } = await lockForReview(tx, scope, programId, ambassadorId);
    if (prg.rubric.length === 0) {
      throw new AppError(
        'validation_failed',
        `${prg.name} has no rubric yet: add its criteria in the program editor before the committee scores.`,
        { problems: [{ field: 'rubric', message: 'the program has no rubric yet' }] },
      );
    }
    if (mine) throw alreadyReviewed(c.name, mine);
    const problems = validateScoreSheet(prg.rubric, input.scores);
    if (problems.length > 0) throw validationError(problems);
    const id = newId('applicationReview');
    const inserted = await tx
      .insert(applicationReview)
      .values({
        id,
        workspaceId: scope.workspaceId,
        ambassadorId,
        reviewerId: scope.userId,
        scores: input.scores,
        rubric: prg.rubric,
        weightedScore: weightedScore(prg.rubric, input.scores),
        comment: input.comment,
      })
      .onConflictDoNothing()
      .returning({ id: applicationReview.id });
    if (inserted.length === 0) throw alreadyReviewed(c.name, { abstained: false });
    if (a.stage === 'applied') {
      await applyStageChange(tx, scope, ambassadorId, {
        to: 'in_review',
        reason: 'First committee review submitted',
      });
    }
    // The audit trail is readable by the whole workspace, so it records that a review happened, never
    // the scores: they stay behind the blind rule.
    await recordAudit(tx, scope, {
      action: 'committee.review_submitted',
      entityType: 'application_review',
      entityId: id,
      creatorId: c.id,
      after: { programId: prg.id, programName: prg.name, ambassadorId },
    });
  });
  return getApplicant(db, scope, programId, ambassadorId);
}

/** A deciding manager's abstention: reveals the committee's scores and rules out scoring later. */
export async function abstain(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  ambassadorId: string,
  input: { comment: string },
): Promise<Applicant> {
  await db.transaction(async (tx) => {
    const { prg, c, mine } = await lockForReview(tx, scope, programId, ambassadorId);
    if (mine) throw alreadyReviewed(c.name, mine);
    const id = newId('applicationReview');
    const inserted = await tx
      .insert(applicationReview)
      .values({
        id,
        workspaceId: scope.workspaceId,
        ambassadorId,
        reviewerId: scope.userId,
        abstained: true,
        scores: {},
        rubric: prg.rubric,
        weightedScore: null,
        comment: input.comment,
      })
      .onConflictDoNothing()
      .returning({ id: applicationReview.id });
    if (inserted.length === 0) throw alreadyReviewed(c.name, { abstained: true });
    // Like a review's, an abstention's comment stays behind the blind rule: the member-readable audit
    // trail records only that there was one.
    await recordAudit(tx, scope, {
      action: 'committee.abstained',
      entityType: 'application_review',
      entityId: id,
      creatorId: c.id,
      after: {
        programId: prg.id,
        programName: prg.name,
        ambassadorId,
        ...(input.comment ? { hasComment: true } : {}),
      },
    });
  });
  return getApplicant(db, scope, programId, ambassadorId);
}

const targetStage: Record<Decision, Stage> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  decline: 'declined',
};

function decisionEmail(input: {
  stage: Stage;
  creatorName: string;
  programName: string;
  brand: string;
  message: string;
}): { subject: string; text: string } {
  const { creatorName, programName, brand, message } = input;
  const personal = message ? `\n\nA note from the team:\n${message}` : '';
  const sign = `\n\n— ${brand}\n`;
  if (input.stage === 'accepted') {
    return {
      subject: `You're in: welcome to ${programName}`,
      text: `Hi ${creatorName},\n\nGood news: you have been accepted into ${programName}. We'll be in touch shortly with the next steps to get you started.${personal}${sign}`,
    };
  }
  if (input.stage === 'waitlisted') {
    return {
      subject: `You're on the waitlist for ${programName}`,
      text: `Hi ${creatorName},\n\nThank you for applying to ${programName}. The cohort is full for now, so we have put you on the waitlist; we'll contact you as soon as a seat opens up.${personal}${sign}`,
    };
  }
  return {
    subject: `Your application to ${programName}`,
    text: `Hi ${creatorName},\n\nThank you for applying to ${programName} and for the time you put into it. After careful review, we won't be moving forward with your application this time.${personal}${sign}`,
  };
}

/**
 * The committee's decision, under the pipeline's rules: accepting into a full program waitlists instead,
 * and the response says so. Stage change, audit and the decision email's outbox record commit together;
 * the email is delivered over SMTP after the commit, so a slow SMTP server never holds the program's lock.
 */
export async function decide(
  db: Db,
  mailer: Mailer,
  scope: WorkspaceScope,
  programId: string,
  ambassadorId: string,
  input: DecisionInput,
): Promise<DecisionResult> {
  const { outboxIds, ...decision } = await db.transaction(async (tx) => {
    const { prg, a, c, mine } = await lockForReview(tx, scope, programId, ambassadorId);
    if (!mine) {
      throw new AppError(
        'conflict',
        `Score ${c.name} or abstain before deciding, so the decision is made with the committee's scores in view.`,
      );
    }
    const reviews = await reviewsOf(tx, [a.id]);
    const aggregate = aggregateOf(reviews);
    const change = await applyStageChange(tx, scope, ambassadorId, {
      to: targetStage[input.decision],
      reason: `Committee decision: ${input.decision}`,
    });
    const stage: Stage = change.outcome === 'waitlisted' ? 'waitlisted' : targetStage[input.decision];
    // Any member reads the creator timeline, and no decision is final for blind scoring (a waitlisted
    // applicant is still scored, a declined one can return to review): the audit event never carries
    // the aggregate or any review's scores or comments, only how many reviews the decision rested on.
    await recordAudit(tx, scope, {
      action: 'committee.decided',
      entityType: 'ambassador',
      entityId: a.id,
      creatorId: c.id,
      before: { stage: change.from },
      after: {
        decision: input.decision,
        stage,
        programId: prg.id,
        programName: prg.name,
        reviewCount: scored(reviews).length,
      },
      reason: input.message,
    });
    let outboxIds: string[] = [];
    if (c.email) {
      const [ws] = await tx
        .select({ name: workspace.name })
        .from(workspace)
        .where(eq(workspace.id, scope.workspaceId));
      outboxIds = await mailer.record(tx, {
        workspaceIds: [scope.workspaceId],
        to: c.email,
        kind: 'committee.decision',
        ...decisionEmail({
          stage,
          creatorName: c.name,
          programName: prg.name,
          brand: ws?.name ?? prg.name,
          message: input.message,
        }),
      });
    }
    return {
      ambassadorId: a.id,
      decision: input.decision,
      stage,
      waitlistedBecauseFull: change.outcome === 'waitlisted',
      message: change.message,
      emailedTo: c.email,
      aggregate,
      capacity: prg.capacity,
      seatsTaken: await seatsTakenIn(tx, prg.id),
      outboxIds,
    };
  });
  await mailer.deliver(db, outboxIds);
  return decision;
}

/** Replaces the program's rubric. Past reviews keep the snapshot they were scored on. */
export async function updateRubric(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  rubric: RubricCriterion[],
): Promise<Program> {
  await db.transaction(async (tx) => {
    const prg = await getProgramRowOrThrow(tx, scope, programId, { lock: true });
    await tx
      .update(program)
      .set({ rubric, updatedAt: new Date() })
      .where(and(eq(program.id, programId), eq(program.workspaceId, scope.workspaceId)));
    await recordAudit(tx, scope, {
      action: 'program.rubric_updated',
      entityType: 'program',
      entityId: programId,
      before: { rubric: prg.rubric },
      after: { rubric },
    });
  });
  return getProgramOrThrow(db, scope, programId);
}
