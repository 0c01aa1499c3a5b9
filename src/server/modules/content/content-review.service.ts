// The team's side of content (B4): the review queue with its SLA, the review page, comments anchored to a
// span of the caption, and the decision — approval blocked while a must rule fails unless a manager
// overrides with a reason. Each decision commits with its audit event and the ambassador's email.
import { and, eq } from 'drizzle-orm';
import { can } from '../../../core/access/roles';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import type { Mailer } from '../outbox/outbox.service';
import { creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type {
  CommentInput,
  DecisionInput,
  ReviewComment,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionSummary,
} from './content.contract';
import { reviewComment, submission, submissionRound } from './content.schema';
import { failingMustRules } from './content-compliance.service';
import { listSubmissionSummaries, loadSubmissionDetail } from './content-views.service';

/** Shortest override reason accepted: a word or two that says why, not a keystroke. */
export const minOverrideReasonLength = 5;

const inWorkspace = (scope: WorkspaceScope, id: string) =>
  and(eq(submission.id, id), eq(submission.workspaceId, scope.workspaceId));

/** The review queue: oldest wait first, with the SLA of each waiting draft. */
export async function listSubmissions(
  db: Db,
  scope: WorkspaceScope,
  filter: { status?: SubmissionStatus | undefined; programId?: string | undefined },
): Promise<SubmissionSummary[]> {
  return listSubmissionSummaries(
    db,
    and(
      eq(submission.workspaceId, scope.workspaceId),
      filter.status ? eq(submission.status, filter.status) : undefined,
      filter.programId ? eq(submission.programId, filter.programId) : undefined,
    ),
  );
}

export async function getSubmission(db: Db, scope: WorkspaceScope, id: string): Promise<SubmissionDetail> {
  const detail = await loadSubmissionDetail(db, inWorkspace(scope, id), { forAmbassador: false });
  if (!detail) throw notFound('submission', id);
  return detail;
}

/** The submission under a row lock with its current round; refuses unless it waits for a review. */
async function lockInReview(tx: Tx, scope: WorkspaceScope, id: string) {
  const [s] = await tx.select().from(submission).where(inWorkspace(scope, id)).for('update');
  if (!s) throw notFound('submission', id);
  const [round] = await tx
    .select()
    .from(submissionRound)
    .where(and(eq(submissionRound.submissionId, id), eq(submissionRound.round, s.currentRound)));
  if (!round) throw notFound('submission', id);
  if (s.status !== 'in_review') {
    throw new AppError(
      'conflict',
      s.status === 'changes_requested'
        ? `Changes were already requested on round ${s.currentRound}; wait for the ambassador to resubmit.`
        : `This submission is already ${s.status === 'approved' ? 'approved' : 'published'}.`,
    );
  }
  return { s, round };
}

/** Adds a comment to the current round, optionally anchored to a span of its caption. */
export async function addComment(
  db: Db,
  scope: WorkspaceScope,
  submissionId: string,
  input: CommentInput,
): Promise<ReviewComment> {
  return db.transaction(async (tx) => {
    const { round } = await lockInReview(tx, scope, submissionId);
    let quote: string | null = null;
    if (input.spanStart !== null && input.spanEnd !== null) {
      const length = round.caption.length;
      if (input.spanStart >= input.spanEnd || input.spanEnd > length) {
        throw new AppError(
          'validation_failed',
          `The anchor must be a span inside the caption (0–${length}, start before end).`,
          { problems: [{ field: 'spanEnd', message: `must be after spanStart and at most ${length}` }] },
        );
      }
      quote = round.caption.slice(input.spanStart, input.spanEnd);
      if (input.quote !== null && input.quote !== quote) {
        throw new AppError('validation_failed', 'The quoted text is not at that place in the caption.', {
          problems: [{ field: 'quote', message: `does not match the caption there (“${quote}”)` }],
        });
      }
    }
    const id = newId('reviewComment');
    const [row] = await tx
      .insert(reviewComment)
      .values({
        id,
        workspaceId: scope.workspaceId,
        roundId: round.id,
        authorId: scope.userId,
        body: input.body,
        spanStart: input.spanStart,
        spanEnd: input.spanEnd,
        quote,
      })
      .returning();
    return {
      id,
      body: input.body,
      spanStart: input.spanStart,
      spanEnd: input.spanEnd,
      quote,
      authorName: scope.actorName,
      createdAt: (row?.createdAt ?? new Date()).toISOString(),
    };
  });
}

function decisionEmail(options: {
  approved: boolean;
  creatorName: string;
  brand: string;
  programName: string;
  round: number;
  note: string;
  comments: number;
  link: string;
}) {
  const first = options.creatorName.split(/\s+/)[0] || options.creatorName;
  const lines = options.approved
    ? [
        `Hi ${first},`,
        '',
        `Your draft for ${options.programName} (round ${options.round}) is approved. You can publish it as planned.`,
      ]
    : [
        `Hi ${first},`,
        '',
        `${options.brand} asked for changes to your draft for ${options.programName} (round ${options.round})` +
          (options.comments > 0
            ? `, with ${options.comments} comment${options.comments === 1 ? '' : 's'} on the caption.`
            : '.'),
      ];
  if (options.note) lines.push('', `Note from the reviewer: ${options.note}`);
  lines.push('', `See it in your portal: ${options.link}`, '', `— ${options.brand}`);
  return {
    subject: options.approved
      ? `Your draft for ${options.programName} is approved`
      : `Changes requested on your draft for ${options.programName}`,
    text: lines.join('\n'),
  };
}

/**
 * Approves or requests changes on the current round. Approval with a failing must rule is refused (409,
 * naming the rules) unless the caller may override and gives a reason; the override is audited with the
 * rules it set aside. Requesting changes needs a note or at least one comment on the round.
 */
export async function decide(
  db: Db,
  scope: WorkspaceScope,
  submissionId: string,
  input: DecisionInput,
  deps: { mailer: Mailer; baseUrl: string },
): Promise<SubmissionDetail> {
  const outboxIds = await db.transaction(async (tx) => {
    const { s, round } = await lockInReview(tx, scope, submissionId);
    const approved = input.decision === 'approve';
    const failing = failingMustRules(round.compliance);
    let overrideReason: string | null = null;
    if (approved && failing.length > 0) {
      const reason = input.overrideReason ?? '';
      if (!can(scope.role, 'content.override')) {
        throw new AppError(
          reason ? 'forbidden' : 'conflict',
          `Approval is blocked while must-pass rules fail: ${failing.join(', ')}. ` +
            (reason
              ? `Your role (${scope.role}) cannot override them; a manager can.`
              : 'Request changes, or ask a manager to approve with an override reason.'),
          { extra: { failingRules: failing } },
        );
      }
      if (reason.length < minOverrideReasonLength) {
        throw new AppError(
          'validation_failed',
          `Approval is blocked while must-pass rules fail: ${failing.join(', ')}. To approve anyway, give an override reason.`,
          {
            problems: [
              { field: 'overrideReason', message: `must be at least ${minOverrideReasonLength} characters` },
            ],
            extra: { failingRules: failing },
          },
        );
      }
      overrideReason = reason;
    }
    const comments = await tx
      .select({ id: reviewComment.id })
      .from(reviewComment)
      .where(eq(reviewComment.roundId, round.id));
    if (!approved && !input.note && comments.length === 0) {
      throw new AppError('validation_failed', 'Say what to change: add a comment on the caption or a note.', {
        problems: [{ field: 'note', message: 'is required when the round has no comments' }],
      });
    }
    const status = approved ? 'approved' : 'changes_requested';
    const now = new Date();
    await tx
      .update(submissionRound)
      .set({
        decision: approved ? 'approved' : 'changes_requested',
        decisionNote: input.note || null,
        overrideReason,
        decidedBy: scope.userId === 'system' ? null : scope.userId,
        decidedAt: now,
      })
      .where(eq(submissionRound.id, round.id));
    await tx.update(submission).set({ status, updatedAt: now }).where(eq(submission.id, s.id));
    await recordAudit(tx, scope, {
      action: approved
        ? overrideReason
          ? 'submission.approved_with_override'
          : 'submission.approved'
        : 'submission.changes_requested',
      entityType: 'submission',
      entityId: s.id,
      creatorId: s.creatorId,
      before: { status: s.status, round: s.currentRound },
      after: {
        status,
        round: s.currentRound,
        comments: comments.length,
        ...(overrideReason ? { rulesOverridden: failing } : {}),
      },
      reason: overrideReason ?? input.note,
    });
    const [who] = await tx
      .select({ name: creator.name, email: creator.email, programName: program.name, brand: workspace.name })
      .from(creator)
      .innerJoin(program, eq(program.id, s.programId))
      .innerJoin(workspace, eq(workspace.id, s.workspaceId))
      .where(eq(creator.id, s.creatorId));
    if (!who?.email) return [];
    return deps.mailer.record(tx, {
      workspaceIds: [scope.workspaceId],
      to: who.email,
      kind: approved ? 'content.approved' : 'content.changes_requested',
      readableBy: 'manager',
      ...decisionEmail({
        approved,
        creatorName: who.name,
        brand: who.brand,
        programName: who.programName,
        round: s.currentRound,
        note: input.note,
        comments: comments.length,
        link: `${deps.baseUrl.replace(/\/+$/, '')}/portal/content/${s.id}`,
      }),
    });
  });
  await deps.mailer.deliver(db, outboxIds);
  return getSubmission(db, scope, submissionId);
}
