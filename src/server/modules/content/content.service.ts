// The ambassador's side of content (B2): submit a draft with media, resubmit after changes were requested,
// check a caption before submitting, and read their own submissions. Files are written before the
// transaction and removed again if it fails, so no row ever points at a missing file.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { AmbassadorScope, WorkspaceScope } from '../../lib/scope';
import type { MediaStorage } from '../../lib/storage';
import { recordAudit } from '../audit/audit.service';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import {
  type Platform,
  type PortalCheckResult,
  type SubmissionDetail,
  type SubmissionFields,
  type SubmissionSummary,
  submittingStages,
  type UploadLimits,
} from './content.contract';
import { submission, submissionRound } from './content.schema';
import { checkDraft } from './content-compliance.service';
import {
  discardMedia,
  insertMediaRows,
  prepareUploads,
  storeMedia,
  type Upload,
} from './content-media.service';
import { listSubmissionSummaries, loadSubmissionDetail } from './content-views.service';

export interface ContentDeps {
  storage: MediaStorage;
  limits: UploadLimits;
  baseUrl: string;
}

/** The audit actor for an ambassador's own changes (they are not workspace members). */
function ambassadorActor(scope: AmbassadorScope, name: string): WorkspaceScope {
  return {
    workspaceId: scope.workspaceId,
    userId: scope.creatorId,
    role: 'viewer',
    actorName: `${name} (ambassador)`,
  };
}

/** The caller's seat in a program where they may submit content, or a clear refusal. */
async function getSubmittingSeatOrThrow(db: Db | Tx, scope: AmbassadorScope, programId: string) {
  const [row] = await db
    .select({
      a: ambassador,
      programName: program.name,
      programStatus: program.status,
      creatorName: creator.name,
    })
    .from(ambassador)
    .innerJoin(program, eq(program.id, ambassador.programId))
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(
      and(
        eq(ambassador.workspaceId, scope.workspaceId),
        eq(ambassador.creatorId, scope.creatorId),
        eq(ambassador.programId, programId),
      ),
    );
  if (!row || row.a.stage === 'prospect' || row.programStatus === 'draft') {
    throw new AppError('validation_failed', `You are not in a program with id ${programId}.`, {
      problems: [{ field: 'programId', message: 'is not one of your programs' }],
    });
  }
  if (!(submittingStages as readonly string[]).includes(row.a.stage)) {
    throw new AppError(
      'validation_failed',
      `You can submit content for ${row.programName} once you are onboarding or active in it.`,
      { problems: [{ field: 'programId', message: 'you are not active in this program yet' }] },
    );
  }
  return row;
}

const ownSubmission = (scope: AmbassadorScope, id: string) =>
  and(
    eq(submission.id, id),
    eq(submission.workspaceId, scope.workspaceId),
    eq(submission.creatorId, scope.creatorId),
  );

/**
 * Checks a caption before submitting, with the rules that will apply to the submission: those of `briefId`
 * when given (a live brief of the program), else of the standing brief.
 */
export async function checkPortalCaption(
  db: Db,
  scope: AmbassadorScope,
  input: { programId: string; briefId?: string | undefined; platform: Platform; caption: string },
  baseUrl: string,
): Promise<PortalCheckResult> {
  const seat = await getSubmittingSeatOrThrow(db, scope, input.programId);
  const { result, brief } = await checkDraft(
    db,
    { workspaceId: scope.workspaceId, programId: input.programId, ambassadorId: seat.a.id, baseUrl },
    input,
    input.briefId ? { chosen: input.briefId } : undefined,
  );
  return { ...result, briefVersion: brief.version, briefTitle: brief.title };
}

/**
 * Creates a submission with its first round: the compliance result is computed and stored with the brief
 * version it was checked against — the brief the ambassador picked (`briefId`, a live brief of the program,
 * kept on the submission), else the standing brief. Nothing is stored when any field or file is invalid.
 */
export async function createSubmission(
  db: Db,
  scope: AmbassadorScope,
  fields: SubmissionFields,
  uploads: Upload[],
  deps: ContentDeps,
): Promise<SubmissionDetail> {
  const seat = await getSubmittingSeatOrThrow(db, scope, fields.programId);
  const media = prepareUploads(scope.workspaceId, uploads, deps.limits);
  const { result, brief } = await checkDraft(
    db,
    {
      workspaceId: scope.workspaceId,
      programId: fields.programId,
      ambassadorId: seat.a.id,
      baseUrl: deps.baseUrl,
    },
    fields,
    fields.briefId ? { chosen: fields.briefId } : undefined,
  );
  const id = newId('submission');
  await storeMedia(deps.storage, media);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(submission).values({
        id,
        workspaceId: scope.workspaceId,
        programId: fields.programId,
        ambassadorId: seat.a.id,
        creatorId: scope.creatorId,
        briefId: brief.briefId,
        platform: fields.platform,
        format: fields.format,
        status: 'in_review',
        currentRound: 1,
        plannedAt: fields.plannedAt,
      });
      const roundId = newId('submissionRound');
      await tx.insert(submissionRound).values({
        id: roundId,
        workspaceId: scope.workspaceId,
        submissionId: id,
        round: 1,
        caption: fields.caption,
        briefVersion: brief.version,
        compliance: result,
        compliancePassed: result.passed,
      });
      await insertMediaRows(tx, scope.workspaceId, roundId, media);
      await recordAudit(tx, ambassadorActor(scope, seat.creatorName), {
        action: 'submission.submitted',
        actorType: 'ambassador',
        entityType: 'submission',
        entityId: id,
        creatorId: scope.creatorId,
        after: {
          programId: fields.programId,
          platform: fields.platform,
          format: fields.format,
          round: 1,
          compliancePassed: result.passed,
          media: media.length,
        },
      });
    });
  } catch (error) {
    await discardMedia(
      deps.storage,
      media.map((m) => m.key),
    );
    throw error;
  }
  return getOwnSubmission(db, scope, id);
}

/**
 * A new round after changes were requested: the new caption is checked again, against the current version
 * of the submission's brief (the standing brief once that one is archived); new files replace the previous
 * round's, no files keep them.
 */
export async function resubmit(
  db: Db,
  scope: AmbassadorScope,
  submissionId: string,
  caption: string,
  uploads: Upload[],
  deps: ContentDeps,
): Promise<SubmissionDetail> {
  const [current] = await db.select().from(submission).where(ownSubmission(scope, submissionId));
  if (!current) throw notFound('submission', submissionId);
  const seat = await getSubmittingSeatOrThrow(db, scope, current.programId);
  const media = prepareUploads(scope.workspaceId, uploads, deps.limits);
  const { result, brief } = await checkDraft(
    db,
    {
      workspaceId: scope.workspaceId,
      programId: current.programId,
      ambassadorId: current.ambassadorId,
      baseUrl: deps.baseUrl,
    },
    { platform: current.platform, caption },
    { kept: current.briefId },
  );
  await storeMedia(deps.storage, media);
  try {
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(submission)
        .where(ownSubmission(scope, submissionId))
        .for('update');
      if (locked?.status !== 'changes_requested') {
        throw new AppError(
          'conflict',
          locked?.status === 'in_review'
            ? 'This draft is already waiting for a review; you can resubmit after the reviewer asks for changes.'
            : 'This submission is approved; there is nothing to resubmit.',
        );
      }
      const round = locked.currentRound + 1;
      const roundId = newId('submissionRound');
      await tx.insert(submissionRound).values({
        id: roundId,
        workspaceId: scope.workspaceId,
        submissionId,
        round,
        caption,
        briefVersion: brief.version,
        compliance: result,
        compliancePassed: result.passed,
      });
      await insertMediaRows(tx, scope.workspaceId, roundId, media);
      await tx
        .update(submission)
        .set({ status: 'in_review', currentRound: round, briefId: brief.briefId, updatedAt: new Date() })
        .where(eq(submission.id, submissionId));
      await recordAudit(tx, ambassadorActor(scope, seat.creatorName), {
        action: 'submission.resubmitted',
        actorType: 'ambassador',
        entityType: 'submission',
        entityId: submissionId,
        creatorId: scope.creatorId,
        before: { status: locked.status, round: locked.currentRound },
        after: { status: 'in_review', round, compliancePassed: result.passed, media: media.length },
      });
    });
  } catch (error) {
    await discardMedia(
      deps.storage,
      media.map((m) => m.key),
    );
    throw error;
  }
  return getOwnSubmission(db, scope, submissionId);
}

export async function listOwnSubmissions(db: Db, scope: AmbassadorScope): Promise<SubmissionSummary[]> {
  const items = await listSubmissionSummaries(
    db,
    and(eq(submission.workspaceId, scope.workspaceId), eq(submission.creatorId, scope.creatorId)),
  );
  // Newest first for the ambassador; the SLA is the team's clock, not theirs.
  return items.reverse().map((item) => ({ ...item, sla: null }));
}

export async function getOwnSubmission(
  db: Db,
  scope: AmbassadorScope,
  id: string,
): Promise<SubmissionDetail> {
  const detail = await loadSubmissionDetail(db, ownSubmission(scope, id), { forAmbassador: true });
  if (!detail) throw notFound('submission', id);
  return { ...detail, sla: null };
}
