// Tracked links (T1): created per ambassador with a destination checked against the program's allowed
// domains, listed with click totals from the daily rollup, disabled/enabled, deleted
// (only while never clicked: clicks are attribution evidence), charted per day.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { checkDestination } from '../../../core/links/destination';
import { linksChanged } from '../../../redirector/changes';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { getCreatorRowOrThrow } from '../people/creators.service';
import { ambassador, creator } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { getTrackingSettings } from '../tracking/tracking.service';
import type { ClickSeries, ClickTotals, Link, LinkInput } from './links.contract';
import { clickDaily, link } from './links.schema';

type LinkRow = typeof link.$inferSelect;

const slugAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const slugLength = 7;

/** A short random slug: 7 characters of [A-Za-z0-9] (~41 bits), URL-safe. */
export function newSlug(): string {
  const bytes = randomBytes(slugLength * 2);
  let out = '';
  // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
  for (const b of bytes) {
    if (b < 248) out += slugAlphabet[b % 62];
    if (out.length === slugLength) return out;
  }
  return out.length === slugLength ? out : newSlug();
}

export function shortUrl(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/l/${slug}`;
}

function statusOf(row: LinkRow, now = Date.now()): Link['status'] {
  if (row.disabledAt) return 'disabled';
  if (row.expiresAt && row.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

async function totalsOf(db: Db | Tx, scope: WorkspaceScope, linkIds: string[]) {
  if (linkIds.length === 0) return new Map<string, ClickTotals>();
  const rows = await db
    .select({
      linkId: clickDaily.linkId,
      clicks: sql<number>`coalesce(sum(${clickDaily.clicks}), 0)::int`,
      unique: sql<number>`coalesce(sum(${clickDaily.uniqueClicks}), 0)::int`,
      bot: sql<number>`coalesce(sum(${clickDaily.botClicks}), 0)::int`,
    })
    .from(clickDaily)
    .where(and(eq(clickDaily.workspaceId, scope.workspaceId), inArray(clickDaily.linkId, linkIds)))
    .groupBy(clickDaily.linkId);
  return new Map(rows.map((r) => [r.linkId, { clicks: r.clicks, unique: r.unique, bot: r.bot }]));
}

async function findLinks(db: Db | Tx, scope: WorkspaceScope, where: SQL, baseUrl: string): Promise<Link[]> {
  const rows = await db
    .select({
      l: link,
      name: creator.name,
      creatorId: creator.id,
      handle: sql<string | null>`(select sa.handle from social_account sa
        where sa.creator_id = ${creator.id} order by sa.followers desc nulls last, sa.id limit 1)`,
    })
    .from(link)
    .innerJoin(ambassador, eq(ambassador.id, link.ambassadorId))
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(eq(link.workspaceId, scope.workspaceId), where))
    .orderBy(desc(link.createdAt), link.id);
  const totals = await totalsOf(
    db,
    scope,
    rows.map((r) => r.l.id),
  );
  return rows.map(({ l, name, creatorId, handle }) => ({
    id: l.id,
    slug: l.slug,
    url: shortUrl(baseUrl, l.slug),
    programId: l.programId,
    ambassadorId: l.ambassadorId,
    ambassador: { name, handle, creatorId },
    destination: l.destination,
    campaign: l.campaign,
    status: statusOf(l),
    disabledAt: l.disabledAt?.toISOString() ?? null,
    expiresAt: l.expiresAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
    totals: totals.get(l.id) ?? { clicks: 0, unique: 0, bot: 0 },
  }));
}

async function getAmbassadorRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string) {
  const [row] = await db
    .select()
    .from(ambassador)
    .where(and(eq(ambassador.id, id), eq(ambassador.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('ambassador', id);
  return row;
}

export async function getLinkRowOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string): Promise<LinkRow> {
  const [row] = await db
    .select()
    .from(link)
    .where(and(eq(link.id, id), eq(link.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('link', id);
  return row;
}

export async function getLinkOrThrow(db: Db | Tx, scope: WorkspaceScope, id: string, baseUrl: string) {
  const [found] = await findLinks(db, scope, eq(link.id, id), baseUrl);
  if (!found) throw notFound('link', id);
  return found;
}

/** A program's links, optionally one ambassador's, newest first, with click totals. */
export async function listProgramLinks(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  filter: { ambassadorId?: string | undefined },
  baseUrl: string,
): Promise<Link[]> {
  await getProgramRowOrThrow(db, scope, programId);
  return findLinks(
    db,
    scope,
    and(
      eq(link.programId, programId),
      filter.ambassadorId ? eq(link.ambassadorId, filter.ambassadorId) : undefined,
    )!,
    baseUrl,
  );
}

/** One ambassador's links (every program they are in is one ambassador record each). */
export async function listAmbassadorLinks(
  db: Db,
  scope: WorkspaceScope,
  ambassadorId: string,
  baseUrl: string,
): Promise<Link[]> {
  await getAmbassadorRowOrThrow(db, scope, ambassadorId);
  return findLinks(db, scope, eq(link.ambassadorId, ambassadorId), baseUrl);
}

/** Every link of a creator across programs (the creator page). */
export async function listCreatorLinks(
  db: Db,
  scope: WorkspaceScope,
  creatorId: string,
  baseUrl: string,
): Promise<Link[]> {
  await getCreatorRowOrThrow(db, scope, creatorId);
  return findLinks(db, scope, eq(ambassador.creatorId, creatorId), baseUrl);
}

/** Creates a link for an ambassador of the program; the destination must be on an allowed domain. */
export async function createLink(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  input: LinkInput,
  baseUrl: string,
): Promise<Link> {
  const id = await db.transaction(async (tx) => {
    await getProgramRowOrThrow(tx, scope, programId);
    const amb = await getAmbassadorRowOrThrow(tx, scope, input.ambassadorId);
    if (amb.programId !== programId)
      throw validationError([{ field: 'ambassadorId', message: 'is not an ambassador of this program' }]);
    const settings = await getTrackingSettings(tx, scope, programId);
    const checked = checkDestination(input.destination, settings.allowedDomains);
    if (!checked.ok) throw validationError([{ field: 'destination', message: checked.message }]);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw validationError([{ field: 'expiresAt', message: 'must be in the future' }]);
    const campaign = input.campaign?.trim() ? input.campaign.trim() : null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const values = {
        id: newId('link'),
        workspaceId: scope.workspaceId,
        programId,
        ambassadorId: amb.id,
        slug: newSlug(),
        destination: checked.url,
        campaign,
        expiresAt,
      };
      // A taken slug is skipped, not raised: an error would abort the transaction on PostgreSQL.
      const [inserted] = await tx
        .insert(link)
        .values(values)
        .onConflictDoNothing({ target: link.slug })
        .returning({ id: link.id });
      if (!inserted) continue;
      await recordAudit(tx, scope, {
        action: 'link.created',
        entityType: 'link',
        entityId: values.id,
        creatorId: amb.creatorId,
        after: { slug: values.slug, destination: values.destination, campaign, expiresAt },
      });
      return values.id;
    }
    throw new AppError('conflict', 'Could not find a free short slug; try again.');
  });
  return getLinkOrThrow(db, scope, id, baseUrl);
}

/** Turns a link off (its URL answers 410) or on again. */
export async function setLinkDisabled(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  disabled: boolean,
  baseUrl: string,
): Promise<Link> {
  await db.transaction(async (tx) => {
    const row = await getLinkRowOrThrow(tx, scope, id);
    if (Boolean(row.disabledAt) === disabled) return;
    const disabledAt = disabled ? new Date() : null;
    await tx.update(link).set({ disabledAt }).where(eq(link.id, id));
    const amb = await getAmbassadorRowOrThrow(tx, scope, row.ambassadorId);
    await recordAudit(tx, scope, {
      action: disabled ? 'link.disabled' : 'link.enabled',
      entityType: 'link',
      entityId: id,
      creatorId: amb.creatorId,
      before: { disabledAt: row.disabledAt },
      after: { disabledAt },
    });
  });
  linksChanged();
  return getLinkOrThrow(db, scope, id, baseUrl);
}

/** How many clicks a link has recorded (all of them, bots included), from the daily rollup. */
async function recordedClicks(db: Db | Tx, scope: WorkspaceScope, linkId: string): Promise<number> {
  const [row] = await db
    .select({ clicks: sql<number>`coalesce(sum(${clickDaily.clicks}), 0)::int` })
    .from(clickDaily)
    .where(and(eq(clickDaily.workspaceId, scope.workspaceId), eq(clickDaily.linkId, linkId)));
  return Number(row?.clicks ?? 0);
}

/**
 * Deletes a link that has never been clicked; its URL answers 404 from then on. A link with clicks is
 * refused (409): deleting it would cascade its clicks and rollup away, and with them the evidence that
 * attribution and leak scans rely on. Such a link is disabled instead.
 */
export async function deleteLink(db: Db, scope: WorkspaceScope, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Locked: a click batch for this link takes a key-share lock on the row (the foreign key), so it either
    // committed before this lock and is counted below, or waits for the delete and is then dropped.
    const [row] = await tx
      .select()
      .from(link)
      .where(and(eq(link.id, id), eq(link.workspaceId, scope.workspaceId)))
      .for('update');
    if (!row) throw notFound('link', id);
    const clicks = await recordedClicks(tx, scope, id);
    if (clicks > 0) {
      throw new AppError(
        'conflict',
        `This link has ${clicks} ${clicks === 1 ? 'click' : 'clicks'}: disable it instead, so its clicks stay as evidence.`,
        { extra: { clicks } },
      );
    }
    const amb = await getAmbassadorRowOrThrow(tx, scope, row.ambassadorId);
    await tx.delete(link).where(eq(link.id, id));
    await recordAudit(tx, scope, {
      action: 'link.deleted',
      entityType: 'link',
      entityId: id,
      creatorId: amb.creatorId,
      before: { slug: row.slug, destination: row.destination, campaign: row.campaign },
    });
  });
  linksChanged();
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Daily clicks (all, unique, bot) over the last `days` UTC days, zero-filled, from the rollup. */
export async function clickSeries(
  db: Db,
  scope: WorkspaceScope,
  filter: { programId?: string; ambassadorId?: string | undefined; linkId?: string },
  days: number,
): Promise<ClickSeries> {
  if (filter.programId) await getProgramRowOrThrow(db, scope, filter.programId);
  if (filter.linkId) await getLinkRowOrThrow(db, scope, filter.linkId);
  if (filter.ambassadorId && !filter.programId) await getAmbassadorRowOrThrow(db, scope, filter.ambassadorId);
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days + 1));
  const rows = await db
    .select({
      day: clickDaily.day,
      clicks: sql<number>`sum(${clickDaily.clicks})::int`,
      unique: sql<number>`sum(${clickDaily.uniqueClicks})::int`,
      bot: sql<number>`sum(${clickDaily.botClicks})::int`,
    })
    .from(clickDaily)
    .where(
      and(
        eq(clickDaily.workspaceId, scope.workspaceId),
        gte(clickDaily.day, isoDay(from)),
        filter.programId ? eq(clickDaily.programId, filter.programId) : undefined,
        filter.ambassadorId ? eq(clickDaily.ambassadorId, filter.ambassadorId) : undefined,
        filter.linkId ? eq(clickDaily.linkId, filter.linkId) : undefined,
      ),
    )
    .groupBy(clickDaily.day);
  const byDay = new Map(rows.map((r) => [String(r.day), r]));
  const series: ClickSeries['days'] = [];
  const totals = { clicks: 0, unique: 0, bot: 0 };
  for (let i = 0; i < days; i++) {
    const day = isoDay(new Date(from.getTime() + i * 86_400_000));
    const r = byDay.get(day);
    const point = { day, clicks: r?.clicks ?? 0, unique: r?.unique ?? 0, bot: r?.bot ?? 0 };
    totals.clicks += point.clicks;
    totals.unique += point.unique;
    totals.bot += point.bot;
    series.push(point);
  }
  return { days: series, totals };
}
