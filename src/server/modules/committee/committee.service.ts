// Committee review (PRODUCT R5, seed 001 "be selective"): reviewers score applicants on the program's rubric
// without seeing each other's scores until they have submitted (or, for a deciding manager, abstained);
// a manager then accepts, waitlists or declines under the pipeline's capacity rule, and the creator is told.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { isReviewableStage } from '../../../core/committee/review-stages';
import {
  aggregateReviews,
  criterionSpreads,
  round2,
  validateScoreSheet,
  weightedScore,
} from '../../../core/committee/scoring';
import { type Stage, seatStages, stageLabels } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { user } from '../auth/auth.schema';
import type { Mailer } from '../outbox/outbox.service';
import { applyStageChange } from '../people/ambassadors.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import type { Program, RubricCriterion } from '../programs/programs.contract';
import { program } from '../programs/programs.schema';
import { getProgramOrThrow, getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import { workspace } from '../workspaces/workspaces.schema';
import {
  type Applicant,
  type Decision,
  type DecisionInput,
  type DecisionResult,
  type Queue,
  type Review,
  type ReviewInput,
  type ReviewStatus,
  reviewableStages,
  type Spread,
} from './committee.contract';
import { applicationReview } from './committee.schema';

type ProgramRow = typeof program.$inferSelect;
type ReviewRow = typeof applicationReview.$inferSelect & { reviewerName: string };

const reviewableList = reviewableStages.map((s) => `“${stageLabels[s]}”`).join(', ');

async function seatsTakenIn(db: Db | Tx, programId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(ambassador)
    .where(and(eq(ambassador.programId, programId), inArray(ambassador.stage, [...seatStages])));
  return row?.n ?? 0;
}

async function committeeProgram(db: Db | Tx, prg: ProgramRow) {
  return {
    id: prg.id,
    name: prg.name,
    capacity: prg.capacity,
    seatsTaken: await seatsTakenIn(db, prg.id),
    rubric: prg.rubric,
  };
}

async function reviewsOf(db: Db | Tx, ambassadorIds: string[]): Promise<ReviewRow[]> {
  if (ambassadorIds.length === 0) return [];
  const rows = await db
    .select({ r: applicationReview, reviewerName: user.name })
    .from(applicationReview)
    .innerJoin(user, eq(user.id, applicationReview.reviewerId))
    .where(inArray(applicationReview.ambassadorId, ambassadorIds))
    .orderBy(asc(applicationReview.submittedAt));
  return rows.map(({ r, reviewerName }) => ({ ...r, reviewerName }));
}

function toReview(r: ReviewRow): Review {
  return {
    id: r.id,
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerName,
    abstained: r.abstained,
    scores: r.scores,
    rubric: r.rubric,
    weightedScore: r.weightedScore === null ? null : round2(r.weightedScore),
    comment: r.comment,
    submittedAt: r.submittedAt.toISOString(),
  };
}

const scored = (reviews: ReviewRow[]) => reviews.filter((r) => !r.abstained);
const aggregateOf = (reviews: ReviewRow[]): Spread | null => aggregateReviews(scored(reviews));
const statusOf = (mine: ReviewRow | undefined): ReviewStatus =>
  !mine ? 'none' : mine.abstained ? 'abstained' : 'submitted';

async function handlesOf(db: Db | Tx, creatorIds: string[]) {
  if (creatorIds.length === 0) return new Map<string, Applicant['creator']['handles']>();
  const rows = await db
    .select({
      creatorId: socialAccount.creatorId,
      platform: socialAccount.platform,
      handle: socialAccount.handle,
      followers: socialAccount.followers,
      url: socialAccount.url,
    })
    .from(socialAccount)
    .where(inArray(socialAccount.creatorId, creatorIds))
    .orderBy(desc(socialAccount.followers));
  const map = new Map<string, Applicant['creator']['handles']>();
  for (const { creatorId, ...h } of rows) map.set(creatorId, [...(map.get(creatorId) ?? []), h]);
  return map;
}

/** The newest vetting report of each creator (score and verdict only; the report page has the rest). */
async function latestVetting(db: Db | Tx, scope: WorkspaceScope, creatorIds: string[]) {
  const map = new Map<string, NonNullable<Applicant['vetting']>>();
  if (creatorIds.length === 0) return map;
  const rows = await db
    .selectDistinctOn([vettingReport.creatorId], {
      creatorId: vettingReport.creatorId,
      reportId: vettingReport.id,
      score: vettingReport.score,
      verdict: vettingReport.verdict,
      createdAt: vettingReport.createdAt,
    })
    .from(vettingReport)
    .where(
      and(eq(vettingReport.workspaceId, scope.workspaceId), inArray(vettingReport.creatorId, creatorIds)),
    )
    .orderBy(vettingReport.creatorId, desc(vettingReport.createdAt));
  for (const r of rows) {
    if (r.creatorId)
      map.set(r.creatorId, {
        reportId: r.reportId,
        score: r.score,
        verdict: r.verdict,
        createdAt: r.createdAt.toISOString(),
      });
  }
  return map;
}

/** The program's applicants in review, each with the caller's status and, once revealed, the aggregate. */
export async function getQueue(db: Db, scope: WorkspaceScope, programId: string): Promise<Queue> {
  const prg = await getProgramRowOrThrow(db, scope, programId);
  const rows = await db
    .select({ a: ambassador, creatorName: creator.name })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(
      and(
        eq(ambassador.workspaceId, scope.workspaceId),
        eq(ambassador.programId, programId),
        inArray(ambassador.stage, [...reviewableStages]),
      ),
    )
    .orderBy(asc(ambassador.stageChangedAt));
  const creatorIds = rows.map((r) => r.a.creatorId);
  const [reviews, handles, vetting] = [
    await reviewsOf(
      db,
      rows.map((r) => r.a.id),
    ),
    await handlesOf(db, creatorIds),
    await latestVetting(db, scope, creatorIds),
  ];
  return {
    program: await committeeProgram(db, prg),
    items: rows.map(({ a, creatorName }) => {
      const mine = reviews.filter((r) => r.ambassadorId === a.id);
      const me = mine.find((r) => r.reviewerId === scope.userId);
      return {
        ambassadorId: a.id,
        creatorId: a.creatorId,
        creatorName,
        handles: handles.get(a.creatorId) ?? [],
        stage: a.stage,
        stageChangedAt: a.stageChangedAt.toISOString(),
        vetting: vetting.get(a.creatorId) ?? null,
        myStatus: statusOf(me),
        reviewCount: scored(mine).length,
        // The blind rule: nothing of the others' scores until the caller has committed their own view.
        aggregate: me ? aggregateOf(mine) : null,
      };
    }),
  };
}

async function getApplicantRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  programId: string,
  ambassadorId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select({ a: ambassador, c: creator })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(
      and(
        eq(ambassador.id, ambassadorId),
        eq(ambassador.workspaceId, scope.workspaceId),
        eq(ambassador.programId, programId),
      ),
    );
  const [row] = options.lock ? await query.for('update', { of: ambassador }) : await query;
  if (!row) throw notFound('applicant in this program', ambassadorId);
  return row;
}

/** One applicant for the committee: before the caller has reviewed, only their own status and a count. */
export async function getApplicant(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  ambassadorId: string,
): Promise<Applicant> {
  const prg = await getProgramRowOrThrow(db, scope, programId);
  const { a, c } = await getApplicantRowOrThrow(db, scope, programId, ambassadorId);
  const reviews = await reviewsOf(db, [a.id]);
  const handles = await handlesOf(db, [c.id]);
  const vetting = await latestVetting(db, scope, [c.id]);
  const me = reviews.find((r) => r.reviewerId === scope.userId);
  const revealed = me !== undefined;
  return {
    program: await committeeProgram(db, prg),
    ambassadorId: a.id,
    stage: a.stage,
    creator: {
      id: c.id,
      name: c.name,
      email: c.email,
      country: c.country,
      notes: c.notes,
      handles: handles.get(c.id) ?? [],
    },
    vetting: vetting.get(c.id) ?? null,
    myStatus: statusOf(me),
    reviewCount: scored(reviews).length,
    revealed,
    myReview: me ? toReview(me) : null,
    reviews: revealed ? reviews.map(toReview) : [],
    aggregate: revealed ? aggregateOf(reviews) : null,
    criteria: revealed ? criterionSpreads(prg.rubric, scored(reviews)) : [],
  };
}

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
