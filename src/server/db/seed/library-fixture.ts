// Inserts an approved submission (with its brief, round and media) directly, for the demo and for tests of
// publication and the library: the submissions module owns the real flow; this is its end state.
import { createHash } from 'node:crypto';
import { newId } from '../../lib/ids';
import type { MediaStorage } from '../../lib/storage';
import type { BriefContent } from '../../modules/briefs/briefs.contract';
import { brief, briefVersion } from '../../modules/briefs/briefs.schema';
import { mediaFile, submission, submissionRound } from '../../modules/content/content.schema';
import type { contentFormats, platforms } from '../../modules/programs/programs.contract';
import type { Db, Tx } from '../client';

export interface ApprovedSubmissionInput {
  workspaceId: string;
  programId: string;
  ambassadorId: string;
  creatorId: string;
  platform: (typeof platforms)[number];
  format: (typeof contentFormats)[number];
  caption: string;
  /** Product names of a brief to attach (a new brief is made when given). */
  productNames?: string[];
  briefId?: string;
  media?: Array<{ bytes: Uint8Array; contentType: string; originalName: string }>;
  submittedAt?: Date;
}

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** Makes a brief with the given product names; returns its id. */
export async function insertBrief(
  db: Db | Tx,
  workspaceId: string,
  programId: string,
  productNames: string[],
  campaign: string | null = null,
) {
  const id = newId('brief');
  await db.insert(brief).values({ id, workspaceId, programId, campaign, currentVersion: 1 });
  const content: BriefContent = {
    title: 'Autumn glow',
    summary: '',
    mustInclude: { productNames, mentions: [], keyClaims: [], legalLines: [], trackingLinkOrCode: false },
    mustAvoid: { competitors: [], themes: [], words: [] },
    disclosure: { markers: [], instagramWithinFirstCharacters: null },
    formats: [],
    startsOn: null,
    endsOn: null,
    freedomNotes: '',
  };
  await db
    .insert(briefVersion)
    .values({ id: newId('briefVersion'), workspaceId, briefId: id, version: 1, content });
  return id;
}

/** Inserts an approved one-round submission and stores its media; returns the submission id. */
export async function insertApprovedSubmission(
  db: Db,
  storage: MediaStorage,
  input: ApprovedSubmissionInput,
): Promise<{ submissionId: string; roundId: string; mediaIds: string[] }> {
  const submissionId = newId('submission');
  const roundId = newId('submissionRound');
  const at = input.submittedAt ?? new Date();
  const media = (input.media ?? []).map((m) => {
    const id = newId('mediaFile');
    return { ...m, id, storageKey: `${input.workspaceId}/${id}.${extensions[m.contentType] ?? 'bin'}` };
  });
  for (const m of media) await storage.put(m.storageKey, m.bytes, m.contentType);
  await db.transaction(async (tx) => {
    const briefId =
      input.briefId ??
      (input.productNames
        ? await insertBrief(tx, input.workspaceId, input.programId, input.productNames)
        : null);
    await tx.insert(submission).values({
      id: submissionId,
      workspaceId: input.workspaceId,
      programId: input.programId,
      ambassadorId: input.ambassadorId,
      creatorId: input.creatorId,
      briefId,
      platform: input.platform,
      format: input.format,
      status: 'approved',
      currentRound: 1,
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(submissionRound).values({
      id: roundId,
      workspaceId: input.workspaceId,
      submissionId,
      round: 1,
      caption: input.caption,
      briefVersion: briefId ? 1 : null,
      compliance: { passed: true, rules: [] },
      compliancePassed: true,
      submittedAt: at,
      decision: 'approved',
      decidedAt: at,
    });
    if (media.length > 0)
      await tx.insert(mediaFile).values(
        media.map((m, i) => ({
          id: m.id,
          createdAt: new Date(at.getTime() + i),
          workspaceId: input.workspaceId,
          roundId,
          storageKey: m.storageKey,
          originalName: m.originalName,
          contentType: m.contentType,
          sizeBytes: m.bytes.length,
          sha256: createHash('sha256').update(m.bytes).digest('hex'),
        })),
      );
  });
  return { submissionId, roundId, mediaIds: media.map((m) => m.id) };
}
