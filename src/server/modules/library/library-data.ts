// Reads the library shares: creators' handles, the caption and media of a submission's approved (or latest)
// round, and metrics snapshots. Every query is filtered by workspace.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { mediaFile, submissionRound } from '../content/content.schema';
import { socialAccount } from '../people/people.schema';
import type { MetricsSnapshot } from './library.contract';
import { postMetrics } from './library.schema';

/** Each creator's social accounts. */
export async function accountsByCreator(db: Db | Tx, workspaceId: string, creatorIds: string[]) {
  const map = new Map<string, Array<{ platform: string; handle: string }>>();
  if (creatorIds.length === 0) return map;
  const rows = await db
    .select({
      creatorId: socialAccount.creatorId,
      platform: socialAccount.platform,
      handle: socialAccount.handle,
    })
    .from(socialAccount)
    .where(
      and(
        eq(socialAccount.workspaceId, workspaceId),
        inArray(socialAccount.creatorId, [...new Set(creatorIds)]),
      ),
    )
    .orderBy(asc(socialAccount.handle));
  for (const r of rows) map.set(r.creatorId, [...(map.get(r.creatorId) ?? []), r]);
  return map;
}

/** The handle on `platform` (with its @), else the first account's, else null. */
export function handleOn(
  accounts: Array<{ platform: string; handle: string }> | undefined,
  platform: string,
) {
  const account = accounts?.find((a) => a.platform === platform) ?? accounts?.[0];
  if (!account) return null;
  return account.handle.startsWith('@') ? account.handle : `@${account.handle}`;
}

/**
 * The round that stands for each submission: the newest approved round, else the newest round. Its caption
 * is what was approved; its media are what may be reused.
 */
export async function standingRounds(db: Db | Tx, workspaceId: string, submissionIds: string[]) {
  type Round = {
    id: string;
    caption: string;
    round: number;
    briefVersion: number | null;
    decision: string | null;
  };
  const map = new Map<string, Round>();
  if (submissionIds.length === 0) return map;
  const rows = await db
    .select({
      id: submissionRound.id,
      submissionId: submissionRound.submissionId,
      caption: submissionRound.caption,
      round: submissionRound.round,
      briefVersion: submissionRound.briefVersion,
      decision: submissionRound.decision,
    })
    .from(submissionRound)
    .where(
      and(eq(submissionRound.workspaceId, workspaceId), inArray(submissionRound.submissionId, submissionIds)),
    )
    .orderBy(desc(submissionRound.round));
  for (const r of rows) {
    const current = map.get(r.submissionId);
    if (!current || (current.decision !== 'approved' && r.decision === 'approved'))
      map.set(r.submissionId, r);
  }
  return map;
}

/** Media of the given rounds, oldest first. */
/**
 * The media of each given round, keyed by round id: the round's own uploads, or, when it has none (a
 * resubmission that kept its files), those of the latest earlier round of the same submission that had
 * some — the files the reviewer approved.
 */
export async function mediaByRound(db: Db | Tx, workspaceId: string, roundIds: string[]) {
  const map = new Map<string, Array<typeof mediaFile.$inferSelect>>();
  if (roundIds.length === 0) return map;
  const targets = await db
    .select({
      id: submissionRound.id,
      submissionId: submissionRound.submissionId,
      round: submissionRound.round,
    })
    .from(submissionRound)
    .where(and(eq(submissionRound.workspaceId, workspaceId), inArray(submissionRound.id, roundIds)));
  if (targets.length === 0) return map;
  const rows = await db
    .select({ m: mediaFile, submissionId: submissionRound.submissionId, round: submissionRound.round })
    .from(mediaFile)
    .innerJoin(submissionRound, eq(submissionRound.id, mediaFile.roundId))
    .where(
      and(
        eq(mediaFile.workspaceId, workspaceId),
        inArray(
          submissionRound.submissionId,
          targets.map((t) => t.submissionId),
        ),
      ),
    )
    .orderBy(asc(mediaFile.createdAt), asc(mediaFile.id));
  for (const target of targets) {
    const earlier = rows.filter((r) => r.submissionId === target.submissionId && r.round <= target.round);
    const latestRound = Math.max(0, ...earlier.map((r) => r.round));
    const files = earlier.filter((r) => r.round === latestRound).map((r) => r.m);
    if (files.length > 0) map.set(target.id, files);
  }
  return map;
}

export function toSnapshot(r: typeof postMetrics.$inferSelect): MetricsSnapshot {
  return {
    id: r.id,
    capturedAt: r.capturedAt.toISOString(),
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    saves: r.saves,
    views: r.views,
    reach: r.reach,
    source: r.source,
  };
}

/** Engagement of a snapshot: likes + comments + shares + saves (missing counts as 0). */
export function engagementOf(m: Pick<MetricsSnapshot, 'likes' | 'comments' | 'shares' | 'saves'>): number {
  return (m.likes ?? 0) + (m.comments ?? 0) + (m.shares ?? 0) + (m.saves ?? 0);
}

/** Every snapshot of the given submissions, oldest first. */
export async function metricsBySubmission(db: Db | Tx, workspaceId: string, submissionIds: string[]) {
  const map = new Map<string, MetricsSnapshot[]>();
  if (submissionIds.length === 0) return map;
  const rows = await db
    .select()
    .from(postMetrics)
    .where(and(eq(postMetrics.workspaceId, workspaceId), inArray(postMetrics.submissionId, submissionIds)))
    .orderBy(asc(postMetrics.capturedAt), asc(postMetrics.createdAt));
  for (const r of rows) map.set(r.submissionId, [...(map.get(r.submissionId) ?? []), toSnapshot(r)]);
  return map;
}
