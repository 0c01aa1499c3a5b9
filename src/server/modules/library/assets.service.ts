// The UGC library (B7): published pieces as assets — searched and filtered by ambassador, program, product,
// platform, format, date, performance (latest metrics snapshot) and rights; rights edited per asset.
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { submission, submissionRound } from '../content/content.schema';
import { creator, socialAccount } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import {
  type AssetDetail,
  type AssetList,
  type AssetSummary,
  type assetListQuerySchema,
  expiringSoonDays,
  type RightsInput,
  type UsageRightView,
} from './library.contract';
import { asset, postMetrics, usageRight } from './library.schema';
import {
  accountsByCreator,
  engagementOf,
  handleOn,
  mediaByRound,
  metricsBySubmission,
  standingRounds,
} from './library-data';
import { addDays, dayOf, rightStatus } from './usage-rights';

type AssetQuery = ReturnType<typeof assetListQuerySchema.parse>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The newest snapshot of each submission, as a subquery joined to assets. */
function latestMetricsSubquery(db: Db, workspaceId: string) {
  return db
    .selectDistinctOn([postMetrics.submissionId], {
      submissionId: postMetrics.submissionId,
      views: postMetrics.views,
      engagement:
        sql<number>`coalesce(${postMetrics.likes}, 0) + coalesce(${postMetrics.comments}, 0) + coalesce(${postMetrics.shares}, 0) + coalesce(${postMetrics.saves}, 0)`.as(
          'engagement',
        ),
    })
    .from(postMetrics)
    .where(eq(postMetrics.workspaceId, workspaceId))
    .orderBy(postMetrics.submissionId, desc(postMetrics.capturedAt), desc(postMetrics.createdAt))
    .as('latest');
}

/**
 * SQL for "the asset has a right (on `channel`, if given) in `status` on `today`", with the statuses of
 * `rightStatus`: active excludes expiring soon.
 */
function rightsCondition(
  status: 'active' | 'expiring_soon' | 'expired',
  today: string,
  channel?: string,
): SQL {
  const soon = addDays(today, expiringSoonDays);
  const statusSql =
    status === 'expired'
      ? sql`${usageRight.endsOn} < ${today}`
      : status === 'expiring_soon'
        ? sql`${usageRight.startsOn} <= ${today} and ${usageRight.endsOn} >= ${today} and ${usageRight.endsOn} <= ${soon}`
        : sql`${usageRight.startsOn} <= ${today} and (${usageRight.endsOn} is null or ${usageRight.endsOn} > ${soon})`;
  return sql`exists (select 1 from ${usageRight} where ${usageRight.assetId} = ${asset.id} and ${
    channel ? sql`${usageRight.channel} = ${channel} and ` : sql``
  }${statusSql})`;
}

async function rightsByAsset(db: Db, workspaceId: string, assetIds: string[], today: string) {
  const map = new Map<string, UsageRightView[]>();
  if (assetIds.length === 0) return map;
  const rows = await db
    .select()
    .from(usageRight)
    .where(and(eq(usageRight.workspaceId, workspaceId), inArray(usageRight.assetId, assetIds)))
    .orderBy(asc(usageRight.channel));
  for (const r of rows)
    map.set(r.assetId, [
      ...(map.get(r.assetId) ?? []),
      {
        channel: r.channel,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        grantedBy: r.grantedBy,
        ...rightStatus(r, today),
      },
    ]);
  return map;
}

type AssetRow = {
  a: typeof asset.$inferSelect;
  programName: string;
  creatorId: string;
  creatorName: string;
  postUrl: string | null;
};

async function summaries(
  db: Db,
  workspaceId: string,
  rows: AssetRow[],
  today: string,
): Promise<AssetSummary[]> {
  const submissionIds = rows.map((r) => r.a.submissionId);
  const [accounts, rounds, metrics, rights] = await Promise.all([
    accountsByCreator(
      db,
      workspaceId,
      rows.map((r) => r.creatorId),
    ),
    standingRounds(db, workspaceId, submissionIds),
    metricsBySubmission(db, workspaceId, submissionIds),
    rightsByAsset(
      db,
      workspaceId,
      rows.map((r) => r.a.id),
      today,
    ),
  ]);
  const media = await mediaByRound(
    db,
    workspaceId,
    [...rounds.values()].map((r) => r.id),
  );
  return rows.map(({ a, programName, creatorId, creatorName, postUrl }) => {
    const round = rounds.get(a.submissionId);
    const files = round ? (media.get(round.id) ?? []) : [];
    const latest = metrics.get(a.submissionId)?.at(-1) ?? null;
    return {
      id: a.id,
      submissionId: a.submissionId,
      programId: a.programId,
      programName,
      ambassadorId: a.ambassadorId,
      creatorId,
      creatorName,
      handle: handleOn(accounts.get(creatorId), a.platform),
      platform: a.platform,
      format: a.format,
      products: a.products,
      postUrl,
      publishedAt: a.publishedAt.toISOString(),
      caption: round?.caption ?? '',
      thumbnailMediaId: files.find((f) => f.contentType.startsWith('image/'))?.id ?? null,
      mediaCount: files.length,
      latestMetrics: latest ? { ...latest, engagement: engagementOf(latest) } : null,
      rights: rights.get(a.id) ?? [],
    };
  });
}

const assetColumns = {
  a: asset,
  programName: program.name,
  creatorId: creator.id,
  creatorName: creator.name,
  postUrl: submission.postUrl,
};

/** Assets matching the query, newest or most viewed first, with the workspace's product names. */
export async function listAssets(
  db: Db,
  scope: WorkspaceScope,
  query: AssetQuery,
  now = new Date(),
): Promise<AssetList> {
  const today = dayOf(now);
  const latest = latestMetricsSubquery(db, scope.workspaceId);
  const conditions: Array<SQL | undefined> = [eq(asset.workspaceId, scope.workspaceId)];
  if (query.q) {
    const pattern = likePattern(query.q.replace(/^@/, ''));
    conditions.push(
      sql`(exists (select 1 from ${submissionRound} where ${submissionRound.submissionId} = ${asset.submissionId} and ${submissionRound.caption} ilike ${pattern})
        or exists (select 1 from ${socialAccount} where ${socialAccount.creatorId} = ${creator.id} and ${socialAccount.handle} ilike ${pattern})
        or ${creator.name} ilike ${pattern})`,
    );
  }
  if (query.ambassadorId) conditions.push(eq(asset.ambassadorId, query.ambassadorId));
  if (query.programId) conditions.push(eq(asset.programId, query.programId));
  if (query.product) conditions.push(sql`${asset.products} @> ${JSON.stringify([query.product])}::jsonb`);
  if (query.platform) conditions.push(eq(asset.platform, query.platform));
  if (query.format) conditions.push(eq(asset.format, query.format));
  if (query.publishedFrom)
    conditions.push(gte(asset.publishedAt, new Date(`${query.publishedFrom}T00:00:00Z`)));
  if (query.publishedTo)
    conditions.push(lt(asset.publishedAt, new Date(`${addDays(query.publishedTo, 1)}T00:00:00Z`)));
  if (query.minViews !== undefined) conditions.push(gte(latest.views, query.minViews));
  if (query.minEngagement !== undefined) conditions.push(sql`${latest.engagement} >= ${query.minEngagement}`);
  if (query.rights) conditions.push(rightsCondition(query.rights, today, query.channel));
  else if (query.channel)
    conditions.push(
      sql`exists (select 1 from ${usageRight} where ${usageRight.assetId} = ${asset.id} and ${usageRight.channel} = ${query.channel})`,
    );
  const where = and(...conditions);
  const base = () =>
    db
      .select(assetColumns)
      .from(asset)
      .innerJoin(program, eq(program.id, asset.programId))
      .innerJoin(submission, eq(submission.id, asset.submissionId))
      .innerJoin(creator, eq(creator.id, submission.creatorId))
      .leftJoin(latest, eq(latest.submissionId, asset.submissionId));
  const ordered =
    query.sort === 'most_viewed'
      ? base()
          .where(where)
          .orderBy(sql`${latest.views} desc nulls last`, desc(asset.publishedAt), asc(asset.id))
      : base().where(where).orderBy(desc(asset.publishedAt), asc(asset.id));
  const rows = await ordered.limit(query.limit).offset(query.offset);
  const [total] = await db
    .select({ n: count() })
    .from(asset)
    .innerJoin(submission, eq(submission.id, asset.submissionId))
    .innerJoin(creator, eq(creator.id, submission.creatorId))
    .leftJoin(latest, eq(latest.submissionId, asset.submissionId))
    .where(where);
  const products = await db
    .selectDistinct({ name: sql<string>`jsonb_array_elements_text(${asset.products})` })
    .from(asset)
    .where(eq(asset.workspaceId, scope.workspaceId));
  return {
    items: await summaries(db, scope.workspaceId, rows, today),
    total: total?.n ?? 0,
    products: products.map((p) => p.name).sort((a, b) => a.localeCompare(b)),
  };
}

async function loadAssetRows(db: Db, workspaceId: string, assetIds: string[]): Promise<AssetRow[]> {
  if (assetIds.length === 0) return [];
  return db
    .select(assetColumns)
    .from(asset)
    .innerJoin(program, eq(program.id, asset.programId))
    .innerJoin(submission, eq(submission.id, asset.submissionId))
    .innerJoin(creator, eq(creator.id, submission.creatorId))
    .where(and(eq(asset.workspaceId, workspaceId), inArray(asset.id, assetIds)));
}

/** "📸 @jane for Brand": how a reuse credits the ambassador. */
export function creditLine(handle: string | null, creatorName: string, brand: string): string {
  return `📸 ${handle ?? creatorName} for ${brand}`;
}

async function brandName(db: Db, workspaceId: string): Promise<string> {
  const [w] = await db.select({ name: workspace.name }).from(workspace).where(eq(workspace.id, workspaceId));
  return w?.name ?? '';
}

/** Assets with their credit line, media and every metrics snapshot (for the detail drawer and export). */
export async function getAssetDetails(
  db: Db,
  scope: WorkspaceScope,
  assetIds: string[],
  now = new Date(),
): Promise<Array<AssetDetail & { storage: Array<{ id: string; storageKey: string }> }>> {
  const rows = await loadAssetRows(db, scope.workspaceId, assetIds);
  const list = await summaries(db, scope.workspaceId, rows, dayOf(now));
  const rounds = await standingRounds(
    db,
    scope.workspaceId,
    list.map((a) => a.submissionId),
  );
  const media = await mediaByRound(
    db,
    scope.workspaceId,
    [...rounds.values()].map((r) => r.id),
  );
  const metrics = await metricsBySubmission(
    db,
    scope.workspaceId,
    list.map((a) => a.submissionId),
  );
  const brand = await brandName(db, scope.workspaceId);
  return list.map((a) => {
    const files = media.get(rounds.get(a.submissionId)?.id ?? '') ?? [];
    return {
      ...a,
      creditLine: creditLine(a.handle, a.creatorName, brand),
      media: files.map((f) => ({
        id: f.id,
        originalName: f.originalName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
      })),
      storage: files.map((f) => ({ id: f.id, storageKey: f.storageKey })),
      metrics: metrics.get(a.submissionId) ?? [],
    };
  });
}

export async function getAssetOrThrow(db: Db, scope: WorkspaceScope, assetId: string, now = new Date()) {
  const [found] = await getAssetDetails(db, scope, [assetId], now);
  if (!found) throw notFound('asset', assetId);
  const { storage: _storage, ...detail } = found;
  return detail;
}

/**
 * Replaces an asset's usage rights with `input.rights` (one per channel). A right left exactly as it was
 * keeps who granted it; a new or changed one is granted for this asset. Audited with before and after.
 */
export async function replaceAssetRights(
  db: Db,
  scope: WorkspaceScope,
  assetId: string,
  input: RightsInput,
  now = new Date(),
): Promise<AssetDetail> {
  await db.transaction(async (tx) => {
    const [a] = await tx
      .select({ id: asset.id, submissionId: asset.submissionId, creatorId: submission.creatorId })
      .from(asset)
      .innerJoin(submission, eq(submission.id, asset.submissionId))
      .where(and(eq(asset.workspaceId, scope.workspaceId), eq(asset.id, assetId)))
      .for('update', { of: asset });
    if (!a) throw notFound('asset', assetId);
    const before = await tx
      .select()
      .from(usageRight)
      .where(eq(usageRight.assetId, a.id))
      .orderBy(asc(usageRight.channel));
    await tx.delete(usageRight).where(eq(usageRight.assetId, a.id));
    if (input.rights.length > 0)
      await tx.insert(usageRight).values(
        input.rights.map((r) => {
          const old = before.find((b) => b.channel === r.channel);
          const same = old && old.startsOn === r.startsOn && old.endsOn === r.endsOn;
          return {
            id: newId('usageRight'),
            workspaceId: scope.workspaceId,
            assetId: a.id,
            channel: r.channel,
            startsOn: r.startsOn,
            endsOn: r.endsOn,
            grantedBy: same ? old.grantedBy : ('asset' as const),
          };
        }),
      );
    await recordAudit(tx, scope, {
      action: 'asset.rights_changed',
      entityType: 'asset',
      entityId: a.id,
      creatorId: a.creatorId,
      before: before.map((b) => ({ channel: b.channel, startsOn: b.startsOn, endsOn: b.endsOn })),
      after: input.rights,
    });
  });
  return getAssetOrThrow(db, scope, assetId, now);
}
