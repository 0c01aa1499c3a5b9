// Publication (B5): an approved submission's post URL is recorded — by its ambassador in the portal or by a
// manager — and, in the same transaction, the piece becomes a UGC asset with the program's default rights.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { findSpans, foldText, termPattern } from '../../../core/compliance/text-match';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { AmbassadorScope, WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { brief, briefVersion } from '../briefs/briefs.schema';
import { submission, submissionRound } from '../content/content.schema';
import { creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import type { Publication, PublicationInput } from './library.contract';
import { asset, usageRight } from './library.schema';
import { accountsByCreator, handleOn, metricsBySubmission, standingRounds } from './library-data';
import { checkPostUrl } from './post-url';
import { addDays, dayOf, daysBetween } from './usage-rights';

/** The brief's product names that appear in the caption (case- and accent-insensitive, whole words). */
export function productsInCaption(productNames: readonly string[], caption: string): string[] {
  const folded = foldText(caption);
  return [...new Set(productNames)].filter((name) => findSpans(folded, termPattern(name)).length > 0);
}

/**
 * Makes the UGC asset of a published submission, once: a second call returns the existing asset. Products
 * are the brief's product names found in the standing round's caption; rights are the program's default
 * usage rights from the publish date (`endsOn` = start + durationDays, or no end). Runs in the caller's
 * transaction; writes no audit event of its own (the caller's event covers it).
 */
export async function createAssetForSubmission(
  tx: Tx,
  workspaceId: string,
  submissionId: string,
): Promise<{ assetId: string; created: boolean }> {
  const [existing] = await tx
    .select({ id: asset.id })
    .from(asset)
    .where(and(eq(asset.workspaceId, workspaceId), eq(asset.submissionId, submissionId)));
  if (existing) return { assetId: existing.id, created: false };
  const [row] = await tx
    .select({ s: submission, defaultUsageRights: program.defaultUsageRights })
    .from(submission)
    .innerJoin(program, eq(program.id, submission.programId))
    .where(and(eq(submission.workspaceId, workspaceId), eq(submission.id, submissionId)));
  if (!row) throw notFound('submission', submissionId);
  const { s } = row;
  if (!s.publishedAt) throw new AppError('conflict', `Submission ${submissionId} is not published yet.`);

  const round = (await standingRounds(tx, workspaceId, [s.id])).get(s.id);
  let productNames: string[] = [];
  if (s.briefId) {
    const [version] = await tx
      .select({ content: briefVersion.content })
      .from(briefVersion)
      .innerJoin(brief, eq(brief.id, briefVersion.briefId))
      .where(
        and(
          eq(briefVersion.workspaceId, workspaceId),
          eq(briefVersion.briefId, s.briefId),
          // The version the caption was checked against, else the brief's current one.
          eq(briefVersion.version, round?.briefVersion ?? brief.currentVersion),
        ),
      );
    productNames = version?.content.mustInclude.productNames ?? [];
  }
  const assetId = newId('asset');
  const inserted = await tx
    .insert(asset)
    .values({
      id: assetId,
      workspaceId,
      submissionId: s.id,
      programId: s.programId,
      ambassadorId: s.ambassadorId,
      platform: s.platform,
      format: s.format,
      products: productsInCaption(productNames, round?.caption ?? ''),
      publishedAt: s.publishedAt,
    })
    .onConflictDoNothing({ target: asset.submissionId })
    .returning({ id: asset.id });
  if (inserted.length === 0) {
    const [raced] = await tx.select({ id: asset.id }).from(asset).where(eq(asset.submissionId, s.id));
    return { assetId: raced!.id, created: false };
  }
  const startsOn = dayOf(s.publishedAt);
  const { channels, durationDays } = row.defaultUsageRights;
  if (channels.length > 0)
    await tx.insert(usageRight).values(
      [...new Set(channels)].map((channel) => ({
        id: newId('usageRight'),
        workspaceId,
        assetId,
        channel,
        startsOn,
        endsOn: durationDays ? addDays(startsOn, durationDays) : null,
        grantedBy: 'program' as const,
      })),
    );
  return { assetId, created: true };
}

type Actor =
  | { kind: 'staff'; scope: WorkspaceScope }
  | { kind: 'ambassador'; scope: AmbassadorScope; name: string };

/** When the submission's newest approved round was approved (null when none is recorded). */
async function approvedAt(tx: Tx, workspaceId: string, submissionId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ decidedAt: submissionRound.decidedAt })
    .from(submissionRound)
    .where(
      and(
        eq(submissionRound.workspaceId, workspaceId),
        eq(submissionRound.submissionId, submissionId),
        eq(submissionRound.decision, 'approved'),
      ),
    )
    .orderBy(desc(submissionRound.round))
    .limit(1);
  return row?.decidedAt ?? null;
}

/**
 * Moves the asset's program-granted rights (`grantedBy: 'program'`) to a new publish date: each starts on
 * the new day and keeps the length it was granted for (the program's duration at publication; no end stays
 * no end). Rights granted for this asset are left as they are. Returns the rights before and after.
 */
async function moveProgramRights(tx: Tx, workspaceId: string, assetId: string, publishedAt: Date) {
  const rights = await tx
    .select()
    .from(usageRight)
    .where(
      and(
        eq(usageRight.workspaceId, workspaceId),
        eq(usageRight.assetId, assetId),
        eq(usageRight.grantedBy, 'program'),
      ),
    )
    .orderBy(asc(usageRight.channel));
  const startsOn = dayOf(publishedAt);
  const moved = rights.map((r) => ({
    id: r.id,
    channel: r.channel,
    startsOn,
    endsOn: r.endsOn === null ? null : addDays(startsOn, daysBetween(r.startsOn, r.endsOn)),
  }));
  for (const m of moved)
    await tx
      .update(usageRight)
      .set({ startsOn: m.startsOn, endsOn: m.endsOn })
      .where(eq(usageRight.id, m.id));
  return {
    before: rights.map((r) => ({ channel: r.channel, startsOn: r.startsOn, endsOn: r.endsOn })),
    after: moved.map(({ channel, startsOn: from, endsOn }) => ({ channel, startsOn: from, endsOn })),
  };
}

async function publish(db: Db, actor: Actor, submissionId: string, input: PublicationInput, now: Date) {
  const workspaceId = actor.scope.workspaceId;
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : now;
  if (publishedAt.getTime() > now.getTime() + 5 * 60_000)
    throw validationError([{ field: 'publishedAt', message: 'must not be in the future' }]);
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(submission)
      .where(
        and(
          eq(submission.workspaceId, workspaceId),
          eq(submission.id, submissionId),
          actor.kind === 'ambassador' ? eq(submission.creatorId, actor.scope.creatorId) : undefined,
        ),
      )
      .for('update');
    if (!s) throw notFound('submission', submissionId);
    // An ambassador records their post once; moving a published piece (another month, other rights) is a
    // correction the brand team makes.
    if (actor.kind === 'ambassador' && s.status === 'published')
      throw new AppError(
        'conflict',
        'This post is already recorded. Ask the brand team to correct its link or date.',
      );
    if (s.status !== 'approved' && s.status !== 'published')
      throw new AppError(
        'conflict',
        `Only an approved submission can be published; this one is ${s.status.replace('_', ' ')}.`,
      );
    const checked = checkPostUrl(input.postUrl, s.platform);
    if ('error' in checked) throw validationError([{ field: 'postUrl', message: checked.error }]);
    if (input.publishedAt) {
      // A piece cannot have gone live (with the brand's blessing) before it was approved.
      const approved = await approvedAt(tx, workspaceId, s.id);
      if (approved && publishedAt.getTime() < approved.getTime())
        throw validationError([
          {
            field: 'publishedAt',
            message: `must not be before the approval (${approved.toISOString()})`,
          },
        ]);
    }
    const [taken] = await tx
      .select({ id: submission.id })
      .from(submission)
      .where(
        and(
          eq(submission.workspaceId, workspaceId),
          eq(submission.postUrl, checked.url),
          ne(submission.id, s.id),
        ),
      );
    if (taken)
      throw new AppError('conflict', `This post URL is already recorded for submission ${taken.id}.`, {
        problems: [{ field: 'postUrl', message: 'is already recorded for another submission' }],
      });
    const firstTime = s.status === 'approved';
    const when = firstTime ? publishedAt : input.publishedAt ? publishedAt : (s.publishedAt ?? publishedAt);
    await tx
      .update(submission)
      .set({ postUrl: checked.url, publishedAt: when, status: 'published', updatedAt: new Date() })
      .where(eq(submission.id, s.id));
    const { assetId, created } = await createAssetForSubmission(tx, workspaceId, s.id);
    let rights: Awaited<ReturnType<typeof moveProgramRights>> | null = null;
    if (!created && s.publishedAt && when.getTime() !== s.publishedAt.getTime()) {
      await tx.update(asset).set({ publishedAt: when }).where(eq(asset.id, assetId));
      rights = await moveProgramRights(tx, workspaceId, assetId, when);
    }
    const auditScope: WorkspaceScope =
      actor.kind === 'staff'
        ? actor.scope
        : {
            workspaceId,
            userId: actor.scope.creatorId,
            role: 'viewer',
            actorName: `${actor.name} (ambassador)`,
          };
    await recordAudit(tx, auditScope, {
      action: firstTime ? 'submission.published' : 'submission.post_url_changed',
      entityType: 'submission',
      entityId: s.id,
      creatorId: s.creatorId,
      ...(actor.kind === 'ambassador' ? { actorType: 'ambassador' as const } : {}),
      before: firstTime
        ? { status: s.status }
        : {
            postUrl: s.postUrl,
            publishedAt: s.publishedAt?.toISOString(),
            ...(rights ? { programRights: rights.before } : {}),
          },
      after: {
        status: 'published',
        postUrl: checked.url,
        publishedAt: when.toISOString(),
        assetId,
        ...(rights ? { programRights: rights.after } : {}),
      },
    });
    return s.id;
  });
}

/**
 * A manager records the post URL of an approved submission, or corrects a published one's URL or date (a
 * new date moves the program-granted rights with it).
 */
export async function publishSubmission(
  db: Db,
  scope: WorkspaceScope,
  submissionId: string,
  input: PublicationInput,
  now = new Date(),
): Promise<Publication> {
  await publish(db, { kind: 'staff', scope }, submissionId, input, now);
  return getPublicationOrThrow(db, scope.workspaceId, submissionId);
}

/** An ambassador records the post URL of their own approved submission, once (corrections are the team's). */
export async function publishOwnSubmission(
  db: Db,
  scope: AmbassadorScope,
  submissionId: string,
  input: PublicationInput,
  now = new Date(),
): Promise<Publication> {
  const [me] = await db
    .select({ name: creator.name })
    .from(creator)
    .where(and(eq(creator.workspaceId, scope.workspaceId), eq(creator.id, scope.creatorId)));
  if (!me)
    throw new AppError('unauthenticated', 'Your portal access has ended. Ask the brand for a new link.');
  await publish(db, { kind: 'ambassador', scope, name: me.name }, submissionId, input, now);
  return getPublicationOrThrow(db, scope.workspaceId, submissionId, scope.creatorId);
}

async function loadPublications(
  db: Db,
  workspaceId: string,
  where: ReturnType<typeof and>,
  limit = 500,
): Promise<Publication[]> {
  const rows = await db
    .select({ s: submission, programName: program.name, creatorName: creator.name, assetId: asset.id })
    .from(submission)
    .innerJoin(program, eq(program.id, submission.programId))
    .innerJoin(creator, eq(creator.id, submission.creatorId))
    .leftJoin(asset, eq(asset.submissionId, submission.id))
    .where(and(eq(submission.workspaceId, workspaceId), where))
    .orderBy(desc(sql`coalesce(${submission.publishedAt}, ${submission.updatedAt})`))
    .limit(limit);
  const ids = rows.map((r) => r.s.id);
  const [accounts, rounds, metrics] = await Promise.all([
    accountsByCreator(
      db,
      workspaceId,
      rows.map((r) => r.s.creatorId),
    ),
    standingRounds(db, workspaceId, ids),
    metricsBySubmission(db, workspaceId, ids),
  ]);
  return rows.map(({ s, programName, creatorName, assetId }) => ({
    submissionId: s.id,
    programId: s.programId,
    programName,
    ambassadorId: s.ambassadorId,
    creatorId: s.creatorId,
    creatorName,
    handle: handleOn(accounts.get(s.creatorId), s.platform),
    platform: s.platform,
    format: s.format,
    status: s.status,
    caption: rounds.get(s.id)?.caption ?? '',
    postUrl: s.postUrl,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    assetId,
    metrics: metrics.get(s.id) ?? [],
  }));
}

/** One submission's publication state and metrics (for an ambassador: only their own). */
export async function getPublicationOrThrow(
  db: Db,
  workspaceId: string,
  submissionId: string,
  creatorId?: string,
): Promise<Publication> {
  const [found] = await loadPublications(
    db,
    workspaceId,
    and(eq(submission.id, submissionId), creatorId ? eq(submission.creatorId, creatorId) : undefined),
  );
  if (!found) throw notFound('submission', submissionId);
  return found;
}

/** Approved and published submissions, newest first: what needs a post URL and what has one. */
export async function listPublications(
  db: Db,
  scope: WorkspaceScope,
  status: 'approved' | 'published' | 'all',
): Promise<Publication[]> {
  return loadPublications(
    db,
    scope.workspaceId,
    and(inArray(submission.status, status === 'all' ? ['approved', 'published'] : [status])),
  );
}

/** The ambassador's own approved and published submissions, newest first. */
export async function listOwnPublications(db: Db, scope: AmbassadorScope): Promise<Publication[]> {
  return loadPublications(
    db,
    scope.workspaceId,
    and(eq(submission.creatorId, scope.creatorId), inArray(submission.status, ['approved', 'published'])),
    100,
  );
}
