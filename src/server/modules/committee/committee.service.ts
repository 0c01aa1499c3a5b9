// Committee review (PRODUCT R5, seed 001 "be selective"): reviewers score applicants on the program's rubric
// without seeing each other's scores until they have submitted (or, for a deciding manager, abstained);
// a manager then accepts, waitlists or declines under the pipeline's capacity rule, and the creator is told.
// Submitting scores, abstaining and deciding live in committee-decisions.service.ts.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { aggregateReviews, criterionSpreads, round2 } from '../../../core/committee/scoring';
import { seatStages } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { notFound } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { user } from '../auth/auth.schema';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import type { program } from '../programs/programs.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { vettingReport } from '../vetting/vetting.schema';
import {
  type Applicant,
  type Queue,
  type Review,
  type ReviewStatus,
  reviewableStages,
  type Spread,
} from './committee.contract';
import { applicationReview } from './committee.schema';

type ProgramRow = typeof program.$inferSelect;
type ReviewRow = typeof applicationReview.$inferSelect & { reviewerName: string };

export async function seatsTakenIn(db: Db | Tx, programId: string): Promise<number> {
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

export async function reviewsOf(db: Db | Tx, ambassadorIds: string[]): Promise<ReviewRow[]> {
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

export const scored = (reviews: ReviewRow[]) => reviews.filter((r) => !r.abstained);
export const aggregateOf = (reviews: ReviewRow[]): Spread | null => aggregateReviews(scored(reviews));
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

export async function getApplicantRowOrThrow(
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
