// Discount codes (T2), the read side: codes listed with their redemptions and holders' handles, one code's
// view, and the CSV export for stores without an API. Issuing, retiring and rotating are in codes.service.
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { notFound } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { storeOrder } from '../conversions/conversions.schema';
import { formulaStart } from '../people/creator-csv.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { getTrackingSettings } from '../tracking/tracking.service';
import type { CodeList, DiscountCodeView } from './codes.contract';
import { codeAlert, discountCode } from './codes.schema';
import { findShopifyConnections } from './codes-shopify.service';

type CodeRow = typeof discountCode.$inferSelect;

/** Redemptions per upper-cased code among a program's orders that were not cancelled. */
async function redemptionCounts(db: Db | Tx, scope: WorkspaceScope, programId: string) {
  const result = (await db.execute(sql`
    select upper(trim(c.v)) as code, count(distinct o.id)::int as n
    from ${storeOrder} o, jsonb_array_elements_text(o.codes) as c(v)
    where o.workspace_id = ${scope.workspaceId} and o.program_id = ${programId} and o.cancelled_at is null
    group by 1`)) as unknown as { rows: Array<{ code: string; n: number }> };
  return new Map(result.rows.map((r) => [r.code, Number(r.n)]));
}

/** Each creator's handle on their most-followed account, without the @. */
export async function primaryHandles(db: Db | Tx, scope: WorkspaceScope, creatorIds: string[]) {
  if (creatorIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ creatorId: socialAccount.creatorId, handle: socialAccount.handle })
    .from(socialAccount)
    .where(
      and(eq(socialAccount.workspaceId, scope.workspaceId), inArray(socialAccount.creatorId, creatorIds)),
    )
    .orderBy(sql`${socialAccount.followers} desc nulls last`, asc(socialAccount.id));
  const handles = new Map<string, string>();
  for (const r of rows) if (!handles.has(r.creatorId)) handles.set(r.creatorId, r.handle.replace(/^@/, ''));
  return handles;
}

/** A program's codes as views (optionally one ambassador's, or the given ids), with redemptions and handles. */
export async function loadCodes(
  db: Db | Tx,
  scope: WorkspaceScope,
  filter: { programId: string; ambassadorId?: string; codeIds?: string[] },
): Promise<DiscountCodeView[]> {
  const conditions = [
    eq(discountCode.workspaceId, scope.workspaceId),
    eq(discountCode.programId, filter.programId),
  ];
  if (filter.ambassadorId) conditions.push(eq(discountCode.ambassadorId, filter.ambassadorId));
  if (filter.codeIds)
    conditions.push(inArray(discountCode.id, filter.codeIds.length ? filter.codeIds : ['']));
  const rows = await db
    .select({ code: discountCode, creatorId: creator.id, name: creator.name, email: creator.email })
    .from(discountCode)
    .innerJoin(ambassador, eq(ambassador.id, discountCode.ambassadorId))
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(...conditions))
    .orderBy(asc(discountCode.status), asc(creator.name), desc(discountCode.createdAt));
  const counts = await redemptionCounts(db, scope, filter.programId);
  const handles = await primaryHandles(db, scope, [...new Set(rows.map((r) => r.creatorId))]);
  return rows.map((r) =>
    toView(r.code, r, handles.get(r.creatorId) ?? null, counts.get(r.code.code.toUpperCase()) ?? 0),
  );
}

function toView(
  row: CodeRow,
  person: { creatorId: string; name: string; email: string | null },
  handle: string | null,
  redemptions: number,
): DiscountCodeView {
  const ref = row.externalRef;
  return {
    id: row.id,
    programId: row.programId,
    ambassadorId: row.ambassadorId,
    creatorId: person.creatorId,
    ambassadorName: person.name,
    handle,
    email: person.email,
    code: row.code,
    description: row.description,
    status: row.status,
    retiredReason: row.retiredReason,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    redemptions,
    shopify:
      ref?.priceRuleId && ref.discountCodeId
        ? { priceRuleId: ref.priceRuleId, discountCodeId: ref.discountCodeId }
        : null,
    syncedAt: row.syncedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One code of a program as a view, or 404. */
export async function getCodeView(db: Db | Tx, scope: WorkspaceScope, programId: string, codeId: string) {
  const [view] = await loadCodes(db, scope, { programId, codeIds: [codeId] });
  if (!view) throw notFound('discount code', codeId);
  return view;
}

/** How many leak alerts of the program's codes are open (neither resolved by a rotation nor dismissed). */
export async function countOpenAlerts(
  db: Db | Tx,
  scope: WorkspaceScope,
  programId: string,
): Promise<number> {
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(codeAlert)
    .innerJoin(discountCode, eq(discountCode.id, codeAlert.codeId))
    .where(
      and(
        eq(codeAlert.workspaceId, scope.workspaceId),
        eq(discountCode.programId, programId),
        isNull(codeAlert.resolvedAt),
      ),
    );
  return Number(open?.n ?? 0);
}

/** A program's codes (active first) with redemptions, its pattern, and whether Shopify sync is possible. */
export async function listProgramCodes(db: Db, scope: WorkspaceScope, programId: string): Promise<CodeList> {
  await getProgramRowOrThrow(db, scope, programId);
  const settings = await getTrackingSettings(db, scope, programId);
  const items = await loadCodes(db, scope, { programId });
  const shops = await findShopifyConnections(db, scope, programId);
  return {
    items,
    pattern: settings.codePattern,
    percent: settings.codePercent,
    hasShopify: shops.length > 0,
    openAlerts: await countOpenAlerts(db, scope, programId),
  };
}

/** An ambassador of the workspace with their name, or 404; `lock` takes the ambassador row for update. */
export async function getAmbassadorRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  ambassadorId: string,
  lock = false,
) {
  const query = db
    .select({
      id: ambassador.id,
      programId: ambassador.programId,
      creatorId: ambassador.creatorId,
      stage: ambassador.stage,
      name: creator.name,
    })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(eq(ambassador.id, ambassadorId), eq(ambassador.workspaceId, scope.workspaceId)));
  const [row] = lock ? await query.for('update', { of: ambassador }) : await query;
  if (!row) throw notFound('ambassador', ambassadorId);
  return row;
}

/** An ambassador's codes, current and retired. */
export async function listAmbassadorCodes(db: Db, scope: WorkspaceScope, ambassadorId: string) {
  const amb = await getAmbassadorRowOrThrow(db, scope, ambassadorId);
  return { items: await loadCodes(db, scope, { programId: amb.programId, ambassadorId }) };
}

// ── Export ───────────────────────────────────────────────────────────────────────────────────────────

export const codeCsvColumns = ['code', 'ambassador', 'handle', 'email', 'description', 'status', 'created'];

/** The program's codes as CSV, to create them by hand in a store without an API. */
export async function exportCodesCsv(db: Db, scope: WorkspaceScope, programId: string): Promise<string> {
  await getProgramRowOrThrow(db, scope, programId);
  const items = await loadCodes(db, scope, { programId });
  const rows = items.map((c) => [
    c.code,
    c.ambassadorName,
    c.handle ?? '',
    c.email ?? '',
    c.description,
    c.status,
    c.createdAt.slice(0, 10),
  ]);
  const safe = rows.map((row) => row.map((cell) => (formulaStart.test(cell) ? `'${cell}` : cell)));
  return stringify([codeCsvColumns, ...safe]);
}
