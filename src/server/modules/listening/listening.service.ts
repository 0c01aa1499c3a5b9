// The listening import (B8): posts mentioning the brand, from a listening tool's CSV or JSON export, stored
// once per post URL and matched to an ambassador (social account handle) and to a submission (its post
// URL; else a caption match proposed for the manager to confirm with "Use as post URL").
import { stringify } from 'csv-stringify/sync';
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { seatStages } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { submission, submissionRound } from '../content/content.schema';
import { listenedPost } from '../library/library.schema';
import { createAssetForSubmission } from '../library/publication.service';
import { formulaStart } from '../people/creator-csv.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import type { ListenedPost, ListeningImportQuery, ListeningImportResult } from './listening.contract';
import { captionSimilarity, isSameCaption, normalizePostUrl } from './listening-match';

import { type ListeningRow, maxRows, readCsv, readJson, validateRow } from './listening-read';

interface Match {
  ambassadorId: string | null;
  submissionId: string | null;
  matchedBy: 'url' | 'caption' | null;
}

/** Matches rows to ambassadors and submissions of the scope's workspace (reads only). */
async function matchRows(tx: Db | Tx, scope: WorkspaceScope, rows: ListeningRow[]): Promise<Match[]> {
  const handles = [...new Set(rows.map((r) => r.handle))];
  const accounts =
    handles.length === 0
      ? []
      : await tx
          .select({
            creatorId: socialAccount.creatorId,
            platform: socialAccount.platform,
            handle: socialAccount.handle,
          })
          .from(socialAccount)
          .where(
            and(
              eq(socialAccount.workspaceId, scope.workspaceId),
              inArray(sql`lower(${socialAccount.handle})`, handles),
            ),
          );
  const creatorIds = [...new Set(accounts.map((a) => a.creatorId))];
  const ambassadors =
    creatorIds.length === 0
      ? []
      : await tx
          .select({
            id: ambassador.id,
            creatorId: ambassador.creatorId,
            stage: ambassador.stage,
            changed: ambassador.stageChangedAt,
          })
          .from(ambassador)
          .where(
            and(eq(ambassador.workspaceId, scope.workspaceId), inArray(ambassador.creatorId, creatorIds)),
          );
  /** A creator's ambassador seat: one holding a seat first, then the most recently moved. */
  const seatOf = (creatorId: string) =>
    ambassadors
      .filter((a) => a.creatorId === creatorId)
      .sort(
        (a, b) =>
          Number(seatStages.includes(b.stage)) - Number(seatStages.includes(a.stage)) ||
          b.changed.getTime() - a.changed.getTime(),
      )[0]?.id ?? null;
  const creatorFor = (row: ListeningRow): string | null => {
    const same = accounts.filter((a) => a.handle.toLowerCase() === row.handle);
    const onPlatform = same.find((a) => a.platform === row.platform);
    if (onPlatform) return onPlatform.creatorId;
    // A handle on another platform counts only when it names one person.
    const people = new Set(same.map((a) => a.creatorId));
    return people.size === 1 ? same[0]!.creatorId : null;
  };

  const published = await tx
    .select({ id: submission.id, ambassadorId: submission.ambassadorId, postUrl: submission.postUrl })
    .from(submission)
    .where(and(eq(submission.workspaceId, scope.workspaceId), isNotNull(submission.postUrl)));
  const byUrl = new Map<string, { id: string; ambassadorId: string }>();
  for (const s of published) {
    const key = s.postUrl ? normalizePostUrl(s.postUrl) : null;
    if (key) byUrl.set(key, s);
  }

  const ambassadorIds = [...new Set(creatorIds.map(seatOf).filter((id): id is string => id !== null))];
  const drafts =
    ambassadorIds.length === 0
      ? []
      : await tx
          .select({
            id: submission.id,
            ambassadorId: submission.ambassadorId,
            caption: submissionRound.caption,
          })
          .from(submission)
          .innerJoin(
            submissionRound,
            and(
              eq(submissionRound.submissionId, submission.id),
              eq(submissionRound.round, submission.currentRound),
            ),
          )
          .where(
            and(
              eq(submission.workspaceId, scope.workspaceId),
              inArray(submission.ambassadorId, ambassadorIds),
              isNull(submission.postUrl),
              ne(submission.status, 'published'),
            ),
          )
          .orderBy(desc(submission.updatedAt));

  return rows.map((row) => {
    const creatorId = creatorFor(row);
    const ambassadorId = creatorId ? seatOf(creatorId) : null;
    const exact = byUrl.get(row.url);
    if (exact)
      return { ambassadorId: ambassadorId ?? exact.ambassadorId, submissionId: exact.id, matchedBy: 'url' };
    if (ambassadorId && row.caption.trim() !== '') {
      const best = drafts
        .filter((d) => d.ambassadorId === ambassadorId && isSameCaption(row.caption, d.caption))
        .sort(
          (a, b) => captionSimilarity(row.caption, b.caption) - captionSimilarity(row.caption, a.caption),
        )[0];
      if (best) return { ambassadorId, submissionId: best.id, matchedBy: 'caption' };
    }
    return { ambassadorId, submissionId: null, matchedBy: null };
  });
}

/** Imports a listening export (CSV, or a JSON array); re-importing a post (same normalised URL) updates it. */
export async function importListening(
  db: Db,
  scope: WorkspaceScope,
  text: string,
  format: 'csv' | 'json',
  query: ListeningImportQuery,
): Promise<ListeningImportResult> {
  const read = format === 'json' ? readJson(text.replace(/^\uFEFF/, '')) : readCsv(text);
  if (read.rows.length > maxRows)
    throw new AppError(
      'payload_too_large',
      `The file has ${read.rows.length} rows; import at most ${maxRows} at a time.`,
    );
  const errors = [...read.errors];
  // The last row for a URL wins, as a later import would.
  const byUrl = new Map<string, ListeningRow>();
  for (const raw of read.rows) {
    const { row, errors: rowErrors } = validateRow(raw);
    errors.push(...rowErrors);
    if (row) byUrl.set(row.url, row);
  }
  const rows = [...byUrl.values()];
  const validRows =
    read.rows.length - new Set(errors.filter((e) => e.field !== 'header').map((e) => e.line)).size;
  const blocked = errors.length > 0 && query.onError === 'abort';
  return db.transaction(async (tx) => {
    const matches = await matchRows(tx, scope, rows);
    const existing =
      rows.length === 0
        ? []
        : await tx
            .select({ url: listenedPost.url })
            .from(listenedPost)
            .where(
              and(
                eq(listenedPost.workspaceId, scope.workspaceId),
                inArray(
                  listenedPost.url,
                  rows.map((r) => r.url),
                ),
              ),
            );
    const known = new Set(existing.map((e) => e.url));
    const result: ListeningImportResult = {
      totalRows: read.rows.length + read.errors.filter((e) => e.field === 'item').length,
      validRows: Math.max(0, validRows),
      created: rows.filter((r) => !known.has(r.url)).length,
      updated: rows.filter((r) => known.has(r.url)).length,
      matchedAmbassadors: matches.filter((m) => m.ambassadorId).length,
      matchedByUrl: matches.filter((m) => m.matchedBy === 'url').length,
      matchedByCaption: matches.filter((m) => m.matchedBy === 'caption').length,
      written: false,
      dryRun: query.dryRun,
      errors: errors.sort((a, b) => a.line - b.line),
    };
    if (query.dryRun || blocked || rows.length === 0) return result;
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      await tx
        .insert(listenedPost)
        .values(
          chunk.map((r, j) => ({
            id: newId('listenedPost'),
            workspaceId: scope.workspaceId,
            platform: r.platform,
            handle: r.handle,
            url: r.url,
            caption: r.caption,
            postedAt: r.postedAt,
            ...matches[i + j]!,
          })),
        )
        .onConflictDoUpdate({
          target: [listenedPost.workspaceId, listenedPost.url],
          set: {
            platform: sql`excluded.platform`,
            handle: sql`excluded.handle`,
            caption: sql`excluded.caption`,
            postedAt: sql`excluded.posted_at`,
            ambassadorId: sql`excluded.ambassador_id`,
            submissionId: sql`excluded.submission_id`,
            matchedBy: sql`excluded.matched_by`,
          },
        });
    }
    await recordAudit(tx, scope, {
      action: 'listening.imported',
      entityType: 'workspace',
      entityId: scope.workspaceId,
      after: {
        created: result.created,
        updated: result.updated,
        matchedByUrl: result.matchedByUrl,
        matchedByCaption: result.matchedByCaption,
        skipped: errors.length,
      },
    });
    return { ...result, written: true };
  });
}

/** Listened posts with their matches, newest first (unmatched: no ambassador or no submission). */
export async function listListenedPosts(
  db: Db,
  scope: WorkspaceScope,
  options: { unmatched?: boolean } = {},
): Promise<ListenedPost[]> {
  const rows = await db
    .select({
      p: listenedPost,
      a: { id: ambassador.id, creatorId: ambassador.creatorId, programId: ambassador.programId },
      creatorName: creator.name,
      programName: program.name,
      s: {
        id: submission.id,
        status: submission.status,
        postUrl: submission.postUrl,
        format: submission.format,
      },
    })
    .from(listenedPost)
    .leftJoin(ambassador, eq(ambassador.id, listenedPost.ambassadorId))
    .leftJoin(creator, eq(creator.id, ambassador.creatorId))
    .leftJoin(program, eq(program.id, ambassador.programId))
    .leftJoin(submission, eq(submission.id, listenedPost.submissionId))
    .where(
      and(
        eq(listenedPost.workspaceId, scope.workspaceId),
        options.unmatched
          ? sql`(${listenedPost.ambassadorId} is null or ${listenedPost.submissionId} is null)`
          : undefined,
      ),
    )
    .orderBy(sql`${listenedPost.postedAt} desc nulls last`, desc(listenedPost.createdAt))
    .limit(2_000);
  return rows.map(({ p, a, creatorName, programName, s }) => ({
    id: p.id,
    platform: p.platform,
    handle: p.handle,
    url: p.url,
    caption: p.caption,
    postedAt: p.postedAt?.toISOString() ?? null,
    ambassador: a?.id
      ? {
          id: a.id,
          creatorId: a.creatorId,
          name: creatorName ?? '',
          programId: a.programId,
          programName: programName ?? '',
        }
      : null,
    submission: s?.id ? { id: s.id, status: s.status, postUrl: s.postUrl, format: s.format } : null,
    matchedBy: p.matchedBy,
    canUseAsPostUrl: p.matchedBy === 'caption' && s?.status === 'approved' && !s.postUrl,
    createdAt: p.createdAt.toISOString(),
  }));
}

/**
 * Confirms a caption match: records the listened post's URL on its (approved) submission and marks it
 * published, in one transaction with an audit event.
 */
export async function useAsPostUrl(
  db: Db,
  scope: WorkspaceScope,
  listenedPostId: string,
): Promise<ListenedPost> {
  await db.transaction(async (tx) => {
    const [post] = await tx
      .select()
      .from(listenedPost)
      .where(and(eq(listenedPost.id, listenedPostId), eq(listenedPost.workspaceId, scope.workspaceId)))
      .for('update');
    if (!post) throw notFound('listened post', listenedPostId);
    if (!post.submissionId)
      throw new AppError('conflict', 'This post is not matched to a submission.', {
        problems: [{ field: 'submissionId', message: 'no submission matched' }],
      });
    const [sub] = await tx
      .select()
      .from(submission)
      .where(and(eq(submission.id, post.submissionId), eq(submission.workspaceId, scope.workspaceId)))
      .for('update');
    if (!sub) throw notFound('submission', post.submissionId);
    if (sub.postUrl)
      throw new AppError('conflict', `The submission already has its post URL (${sub.postUrl}).`, {
        problems: [{ field: 'postUrl', message: 'is already recorded' }],
      });
    if (sub.status !== 'approved')
      throw new AppError(
        'conflict',
        `Only an approved submission can be published; this one is ${sub.status.replace('_', ' ')}.`,
        {
          problems: [{ field: 'status', message: `is ${sub.status}, not approved` }],
        },
      );
    const [taken] = await tx
      .select({ id: submission.id })
      .from(submission)
      .where(and(eq(submission.workspaceId, scope.workspaceId), eq(submission.postUrl, post.url)));
    if (taken)
      throw new AppError('conflict', `Another submission (${taken.id}) already has this post URL.`, {
        problems: [{ field: 'url', message: 'is another submission’s post URL' }],
      });
    const now = new Date();
    const publishedAt = post.postedAt ?? now;
    await tx
      .update(submission)
      .set({ postUrl: post.url, publishedAt, status: 'published', updatedAt: now })
      .where(eq(submission.id, sub.id));
    await createAssetForSubmission(tx, scope.workspaceId, sub.id);
    await tx.update(listenedPost).set({ matchedBy: 'url' }).where(eq(listenedPost.id, post.id));
    await recordAudit(tx, scope, {
      action: 'submission.published',
      entityType: 'submission',
      entityId: sub.id,
      creatorId: sub.creatorId,
      before: { status: sub.status, postUrl: null },
      after: { status: 'published', postUrl: post.url, publishedAt: publishedAt.toISOString() },
      reason: `Matched by caption from a listening import (${post.id}).`,
    });
  });
  const [item] = (await listListenedPosts(db, scope)).filter((p) => p.id === listenedPostId);
  if (!item) throw notFound('listened post', listenedPostId);
  return item;
}

export const listeningCsvColumns = [
  'platform',
  'handle',
  'url',
  'caption',
  'posted_at',
  'ambassador',
  'program',
  'submission_id',
  'submission_status',
  'matched_by',
] as const;

/** The listened posts as CSV (cells that a spreadsheet would run as a formula are quoted with '). */
export async function exportListeningCsv(db: Db, scope: WorkspaceScope): Promise<string> {
  const posts = await listListenedPosts(db, scope);
  const rows = posts.map((p) => [
    p.platform,
    p.handle,
    p.url,
    p.caption,
    p.postedAt ?? '',
    p.ambassador?.name ?? '',
    p.ambassador?.programName ?? '',
    p.submission?.id ?? '',
    p.submission?.status ?? '',
    p.matchedBy ?? '',
  ]);
  const safe = rows.map((row) => row.map((c) => (formulaStart.test(c) ? `'${c}` : c)));
  return stringify([[...listeningCsvColumns], ...safe]);
}
