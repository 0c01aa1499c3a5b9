// Reads submissions for the review queue, the review page and the portal: the current round's caption and
// compliance, the SLA while a draft waits, and every round with its comments and media.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { user } from '../auth/auth.schema';
import { creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import {
  type MediaItem,
  reviewSlaHours,
  type SubmissionDetail,
  type SubmissionRound,
  type SubmissionSummary,
} from './content.contract';
import { mediaFile, reviewComment, submission, submissionRound } from './content.schema';
import { failingMustRules } from './content-compliance.service';

const hourMs = 3_600_000;

/** When the answer to a round submitted at `submittedAt` is due, and how much time is left at `now`. */
export function slaOf(submittedAt: Date, now: Date = new Date()) {
  const due = new Date(submittedAt.getTime() + reviewSlaHours * hourMs);
  const hoursLeft = Math.round(((due.getTime() - now.getTime()) / hourMs) * 10) / 10;
  return { dueAt: due.toISOString(), isOverdue: now.getTime() > due.getTime(), hoursLeft };
}

type MediaRow = typeof mediaFile.$inferSelect & { round: number; submissionId: string };

/**
 * The media a round shows: its own uploads, or, when it uploaded none, those of the latest earlier round
 * that did (a resubmission keeps the media unless it replaces them).
 */
function effectiveMedia(byRound: Map<number, MediaRow[]>, round: number): MediaItem[] {
  for (let r = round; r >= 1; r--) {
    const rows = byRound.get(r);
    if (rows && rows.length > 0) {
      return rows.map((m) => ({
        id: m.id,
        originalName: m.originalName,
        contentType: m.contentType,
        sizeBytes: m.sizeBytes,
        carriedFromRound: r === round ? null : r,
      }));
    }
  }
  return [];
}

async function mediaBySubmission(db: Db | Tx, submissionIds: string[]) {
  const map = new Map<string, Map<number, MediaRow[]>>();
  if (submissionIds.length === 0) return map;
  const rows = await db
    .select({ m: mediaFile, round: submissionRound.round, submissionId: submissionRound.submissionId })
    .from(mediaFile)
    .innerJoin(submissionRound, eq(submissionRound.id, mediaFile.roundId))
    .where(inArray(submissionRound.submissionId, submissionIds))
    .orderBy(asc(mediaFile.createdAt), asc(mediaFile.id));
  for (const { m, round, submissionId } of rows) {
    const rounds = map.get(submissionId) ?? new Map<number, MediaRow[]>();
    map.set(submissionId, rounds);
    const list = rounds.get(round) ?? [];
    list.push({ ...m, round, submissionId });
    rounds.set(round, list);
  }
  return map;
}

/** Submissions matching `where` (always scoped by the caller), with their current round, oldest wait first. */
export async function listSubmissionSummaries(
  db: Db | Tx,
  where: SQL | undefined,
  now: Date = new Date(),
): Promise<SubmissionSummary[]> {
  const rows = await db
    .select({ s: submission, r: submissionRound, programName: program.name, creatorName: creator.name })
    .from(submission)
    .innerJoin(
      submissionRound,
      and(
        eq(submissionRound.submissionId, submission.id),
        eq(submissionRound.round, submission.currentRound),
      ),
    )
    .innerJoin(program, eq(program.id, submission.programId))
    .innerJoin(creator, eq(creator.id, submission.creatorId))
    .where(where)
    .orderBy(asc(submissionRound.submittedAt), asc(submission.id))
    .limit(500);
  const media = await mediaBySubmission(
    db,
    rows.map((row) => row.s.id),
  );
  return rows.map(({ s, r, programName, creatorName }) => ({
    id: s.id,
    programId: s.programId,
    programName,
    ambassadorId: s.ambassadorId,
    creatorId: s.creatorId,
    creatorName,
    briefId: s.briefId,
    platform: s.platform,
    format: s.format,
    status: s.status,
    currentRound: s.currentRound,
    caption: r.caption,
    plannedAt: s.plannedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt.toISOString(),
    compliancePassed: r.compliancePassed,
    failingMustRules: failingMustRules(r.compliance),
    sla: s.status === 'in_review' ? slaOf(r.submittedAt, now) : null,
    mediaCount: effectiveMedia(media.get(s.id) ?? new Map(), s.currentRound).length,
  }));
}

/** One submission with every round, or null when `where` matches none. */
export async function loadSubmissionDetail(
  db: Db | Tx,
  where: SQL | undefined,
  options: { forAmbassador: boolean },
): Promise<SubmissionDetail | null> {
  const [summary] = await listSubmissionSummaries(db, where);
  if (!summary) return null;
  const [row] = await db
    .select({ postUrl: submission.postUrl })
    .from(submission)
    .where(eq(submission.id, summary.id));
  const rounds = await db
    .select({ r: submissionRound, decidedByName: user.name })
    .from(submissionRound)
    .leftJoin(user, eq(user.id, submissionRound.decidedBy))
    .where(eq(submissionRound.submissionId, summary.id))
    .orderBy(asc(submissionRound.round));
  const comments = await db
    .select({ c: reviewComment, authorName: user.name })
    .from(reviewComment)
    .leftJoin(user, eq(user.id, reviewComment.authorId))
    .where(
      inArray(
        reviewComment.roundId,
        rounds.map(({ r }) => r.id),
      ),
    )
    .orderBy(asc(reviewComment.createdAt), asc(reviewComment.id));
  const media = (await mediaBySubmission(db, [summary.id])).get(summary.id) ?? new Map();
  // Ambassadors see what was decided and said, not which team member said it or why a rule was overridden.
  const name = (value: string | null) => (options.forAmbassador ? null : value);
  return {
    ...summary,
    postUrl: row?.postUrl ?? null,
    rounds: rounds.map(
      ({ r, decidedByName }): SubmissionRound => ({
        id: r.id,
        round: r.round,
        caption: r.caption,
        briefVersion: r.briefVersion,
        compliance: r.compliance,
        submittedAt: r.submittedAt.toISOString(),
        decision: r.decision,
        decisionNote: r.decisionNote,
        overrideReason: options.forAmbassador ? null : r.overrideReason,
        decidedByName: name(decidedByName),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        comments: comments
          .filter(({ c }) => c.roundId === r.id)
          .map(({ c, authorName }) => ({
            id: c.id,
            body: c.body,
            spanStart: c.spanStart,
            spanEnd: c.spanEnd,
            quote: c.quote,
            authorName: name(authorName),
            createdAt: c.createdAt.toISOString(),
          })),
        media: effectiveMedia(media, r.round),
      }),
    ),
  };
}
