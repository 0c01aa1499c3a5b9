// Leaked-code alerts (T6): per active code of a program, the figures over a window (orders that used it,
// those with a click from its ambassador, those referred by coupon sites, the ambassador's unique clicks),
// judged by core/codes/leaks. One open alert per code, its figures refreshed on every scan. A dismissed
// alert is not raised again unless the figures got worse since (core `isWorseThanDismissed`: a new sign,
// or half again as many redemptions without a click, at least five more). An open alert whose signs went
// away stays open until someone dismisses it: a person decided to look, so the scan does not undo that.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { type CodeFigures, detectLeak, isCouponSite, isWorseThanDismissed } from '../../../core/codes';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { systemScope, type WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { storeOrder } from '../conversions/conversions.schema';
import { click, clickDaily } from '../links/links.schema';
import { ambassador, creator } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import type { CodeAlertView, RotateResult, ScanResult } from './codes.contract';
import { codeAlert, discountCode } from './codes.schema';
import { rotateInTx, rotationResult } from './codes.service';
import type { ShopifyClientFactory } from './codes-shopify.service';
import { countOpenAlerts } from './codes-views.service';

export const defaultLeakWindowDays = 30;

type StoredFigures = CodeFigures & { windowDays: number };

function figuresOf(stored: Record<string, number>): StoredFigures {
  return {
    redemptions: stored.redemptions ?? 0,
    redemptionsWithClick: stored.redemptionsWithClick ?? 0,
    couponSiteRedemptions: stored.couponSiteRedemptions ?? 0,
    ambassadorClicks: stored.ambassadorClicks ?? 0,
    windowDays: stored.windowDays ?? defaultLeakWindowDays,
  };
}

/** Each active code's figures over the window ending at `now`. */
export async function computeCodeFigures(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  options: { windowDays?: number; now?: Date } = {},
): Promise<Array<{ codeId: string; ambassadorId: string; figures: StoredFigures }>> {
  const windowDays = options.windowDays ?? defaultLeakWindowDays;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const codes = await db
    .select({ id: discountCode.id, code: discountCode.code, ambassadorId: discountCode.ambassadorId })
    .from(discountCode)
    .where(
      and(
        eq(discountCode.workspaceId, scope.workspaceId),
        eq(discountCode.programId, programId),
        eq(discountCode.status, 'active'),
      ),
    );
  if (codes.length === 0) return [];

  // One row per (code, referrer, clicked-by-holder) with its order count: few rows, however many orders.
  const result = (await db.execute(sql`
    select upper(trim(c.v)) as code, o.referrer_domain as referrer,
           (k.ambassador_id is not null and k.ambassador_id = d.ambassador_id) as with_click,
           count(distinct o.id)::int as n
    from ${storeOrder} o
    cross join lateral jsonb_array_elements_text(o.codes) as c(v)
    join ${discountCode} d on d.workspace_id = o.workspace_id and upper(d.code) = upper(trim(c.v))
      and d.program_id = o.program_id and d.status = 'active'
    left join ${click} k on k.id = o.click_id and k.workspace_id = o.workspace_id
    where o.workspace_id = ${scope.workspaceId} and o.program_id = ${programId}
      and o.cancelled_at is null and o.occurred_at >= ${since.toISOString()} and o.occurred_at <= ${now.toISOString()}
    group by 1, 2, 3`)) as unknown as {
    rows: Array<{ code: string; referrer: string | null; with_click: boolean; n: number }>;
  };
  const clickRows = await db
    .select({
      ambassadorId: clickDaily.ambassadorId,
      unique: sql<number>`coalesce(sum(${clickDaily.uniqueClicks}), 0)::int`,
    })
    .from(clickDaily)
    .where(
      and(
        eq(clickDaily.workspaceId, scope.workspaceId),
        eq(clickDaily.programId, programId),
        gte(clickDaily.day, since.toISOString().slice(0, 10)),
        inArray(clickDaily.ambassadorId, [...new Set(codes.map((c) => c.ambassadorId))]),
      ),
    )
    .groupBy(clickDaily.ambassadorId);
  const clicks = new Map(clickRows.map((r) => [r.ambassadorId, Number(r.unique)]));

  return codes.map((c) => {
    const figures: StoredFigures = {
      redemptions: 0,
      redemptionsWithClick: 0,
      couponSiteRedemptions: 0,
      ambassadorClicks: clicks.get(c.ambassadorId) ?? 0,
      windowDays,
    };
    for (const r of result.rows) {
      if (r.code !== c.code.toUpperCase()) continue;
      const n = Number(r.n);
      figures.redemptions += n;
      if (r.with_click) figures.redemptionsWithClick += n;
      if (isCouponSite(r.referrer)) figures.couponSiteRedemptions += n;
    }
    return { codeId: c.id, ambassadorId: c.ambassadorId, figures };
  });
}

/**
 * Scans a program's active codes and raises or refreshes leak alerts. Each code is handled in its own
 * short transaction with the code row locked, so a scan from the sweep and one from "Scan now" cannot
 * open two alerts for one code.
 */
export async function scanProgramCodes(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  options: { windowDays?: number; now?: Date } = {},
): Promise<ScanResult> {
  await getProgramRowOrThrow(db, scope, programId);
  const all = await computeCodeFigures(db, scope, programId, options);
  const summary: ScanResult = { scanned: all.length, raised: 0, updated: 0, open: 0 };
  for (const { codeId, figures } of all) {
    const flags = detectLeak(figures);
    if (flags.length === 0) continue;
    const reasons = flags.map((f) => f.reason);
    const stored: Record<string, number> = { ...figures };
    await db.transaction(async (tx) => {
      const [code] = await tx
        .select({ id: discountCode.id, status: discountCode.status, code: discountCode.code })
        .from(discountCode)
        .where(and(eq(discountCode.id, codeId), eq(discountCode.workspaceId, scope.workspaceId)))
        .for('update');
      if (code?.status !== 'active') return;
      const [latest] = await tx
        .select()
        .from(codeAlert)
        .where(and(eq(codeAlert.workspaceId, scope.workspaceId), eq(codeAlert.codeId, codeId)))
        .orderBy(desc(codeAlert.createdAt))
        .limit(1);
      if (latest && latest.resolvedAt === null) {
        await tx.update(codeAlert).set({ reasons, figures: stored }).where(eq(codeAlert.id, latest.id));
        summary.updated++;
        return;
      }
      if (latest?.resolution === 'dismissed' && !isWorseThanDismissed(figuresOf(latest.figures), figures))
        return;
      const id = newId('codeAlert');
      await tx
        .insert(codeAlert)
        .values({ id, workspaceId: scope.workspaceId, codeId, reasons, figures: stored });
      await recordAudit(tx, scope, {
        action: 'code_alert.raised',
        entityType: 'code_alert',
        entityId: id,
        after: { code: code.code, reasons, figures },
      });
      summary.raised++;
    });
  }
  summary.open = await countOpenAlerts(db, scope, programId);
  return summary;
}

/** A program's leak alerts, open ones (default) or all, newest first. */
export async function listCodeAlerts(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  status: 'open' | 'all' = 'open',
): Promise<CodeAlertView[]> {
  await getProgramRowOrThrow(db, scope, programId);
  const conditions = [eq(codeAlert.workspaceId, scope.workspaceId), eq(discountCode.programId, programId)];
  if (status === 'open') conditions.push(isNull(codeAlert.resolvedAt));
  const rows = await db
    .select({ alert: codeAlert, code: discountCode, name: creator.name })
    .from(codeAlert)
    .innerJoin(discountCode, eq(discountCode.id, codeAlert.codeId))
    .innerJoin(ambassador, eq(ambassador.id, discountCode.ambassadorId))
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(...conditions))
    .orderBy(desc(codeAlert.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.alert.id,
    codeId: r.code.id,
    code: r.code.code,
    codeStatus: r.code.status,
    ambassadorId: r.code.ambassadorId,
    ambassadorName: r.name,
    reasons: r.alert.reasons,
    figures: figuresOf(r.alert.figures),
    resolution: r.alert.resolution,
    resolvedAt: r.alert.resolvedAt?.toISOString() ?? null,
    createdAt: r.alert.createdAt.toISOString(),
  }));
}

async function getAlertView(db: Db, scope: WorkspaceScope, programId: string, alertId: string) {
  const alert = (await listCodeAlerts(db, scope, programId, 'all')).find((a) => a.id === alertId);
  if (!alert) throw notFound('code alert', alertId);
  return alert;
}

async function lockOpenAlert(tx: Tx, scope: WorkspaceScope, programId: string, alertId: string) {
  const [row] = await tx
    .select({ alert: codeAlert, programId: discountCode.programId, code: discountCode.code })
    .from(codeAlert)
    .innerJoin(discountCode, eq(discountCode.id, codeAlert.codeId))
    .where(and(eq(codeAlert.id, alertId), eq(codeAlert.workspaceId, scope.workspaceId)))
    .for('update', { of: codeAlert });
  if (!row || row.programId !== programId) throw notFound('code alert', alertId);
  if (row.alert.resolvedAt) {
    throw new AppError(
      'conflict',
      `This alert about ${row.code} was already ${row.alert.resolution ?? 'resolved'}.`,
    );
  }
  return row;
}

/** Dismisses an open alert (audited with the reason); it comes back only if the figures get worse. */
export async function dismissCodeAlert(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  alertId: string,
  reason: string,
): Promise<CodeAlertView> {
  await db.transaction(async (tx) => {
    const row = await lockOpenAlert(tx, scope, programId, alertId);
    await tx
      .update(codeAlert)
      .set({ resolution: 'dismissed', resolvedAt: new Date() })
      .where(eq(codeAlert.id, alertId));
    await recordAudit(tx, scope, {
      action: 'code_alert.dismissed',
      entityType: 'code_alert',
      entityId: alertId,
      before: { code: row.code, reasons: row.alert.reasons },
      after: { resolution: 'dismissed' },
      reason,
    });
  });
  return getAlertView(db, scope, programId, alertId);
}

/**
 * One click from an alert: rotates its code (the successor gets a random suffix, see rotateInTx) and
 * resolves the alert as rotated, in one transaction. The user's reason, when given, comes first.
 */
export async function rotateFromAlert(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  alertId: string,
  options: { shopify?: ShopifyClientFactory; reason?: string } = {},
): Promise<{ alert: CodeAlertView; rotation: RotateResult }> {
  const ids = await db.transaction(async (tx) => {
    const row = await lockOpenAlert(tx, scope, programId, alertId);
    const given = options.reason?.trim().replace(/[.\s]+$/, '');
    const reason = `${given ? `${given}. ` : ''}Leaked: ${row.alert.reasons.join(' ')}`;
    const rotated = await rotateInTx(tx, scope, programId, row.alert.codeId, reason);
    await tx
      .update(codeAlert)
      .set({ resolution: 'rotated', resolvedAt: new Date() })
      .where(eq(codeAlert.id, alertId));
    await recordAudit(tx, scope, {
      action: 'code_alert.rotated',
      entityType: 'code_alert',
      entityId: alertId,
      before: { code: row.code },
      after: { resolution: 'rotated', newCodeId: rotated.issuedId },
      reason,
    });
    return rotated;
  });
  const rotation = await rotationResult(db, scope, programId, ids, options);
  return { alert: await getAlertView(db, scope, programId, alertId), rotation };
}

/** Programs with orders in the window, for the sweep. */
export async function programsWithRecentOrders(db: Db, windowDays = defaultLeakWindowDays) {
  const since = new Date(Date.now() - windowDays * 86_400_000);
  return db
    .selectDistinct({ workspaceId: storeOrder.workspaceId, programId: storeOrder.programId })
    .from(storeOrder)
    .where(gte(storeOrder.occurredAt, since));
}

/** Scans every program with recent orders (the sweep's work); returns the totals. */
export async function scanAllPrograms(db: Db): Promise<ScanResult & { programs: number }> {
  const programs = await programsWithRecentOrders(db);
  const total = { programs: programs.length, scanned: 0, raised: 0, updated: 0, open: 0 };
  for (const p of programs) {
    const r = await scanProgramCodes(db, systemScope(p.workspaceId, 'Leak scan'), p.programId);
    total.scanned += r.scanned;
    total.raised += r.raised;
    total.updated += r.updated;
    total.open += r.open;
  }
  return total;
}
