// Discount codes (T2): one active code per ambassador from the program's pattern, collision-safe (the unique
// index on (workspace, upper(code)) decides; a taken code moves on to the next alternative), retired and
// rotated with a reason, listed with their redemptions, exported as CSV for stores without an API.
import { randomInt } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { checkCode, codeAlternatives, expandCodePattern, randomAlphabet } from '../../../core/codes';
import type { Stage } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { storeOrder } from '../conversions/conversions.schema';
import { formulaStart } from '../people/creator-csv.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { getTrackingSettings, type TrackingSettings } from '../tracking/tracking.service';
import type { CodeList, DiscountCodeView, IssueResult, RetireResult, RotateResult } from './codes.contract';
import { codeAlert, discountCode } from './codes.schema';
import {
  findShopifyConnections,
  removeFromShopify,
  type ShopifyClientFactory,
} from './codes-shopify.service';

/** Stages in which an ambassador may hold a code. */
export const codeStages: readonly Stage[] = ['accepted', 'onboarding', 'active', 'paused'];
/** Stages "Issue codes for all" covers: people starting out or working. */
export const bulkCodeStages: readonly Stage[] = ['onboarding', 'active'];

type CodeRow = typeof discountCode.$inferSelect;

function randomCodeChars(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += randomAlphabet[randomInt(randomAlphabet.length)];
  return out;
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────────

/** Redemptions per upper-cased code among a program's orders that were not cancelled. */
async function redemptionCounts(db: Db | Tx, scope: WorkspaceScope, programId: string) {
  const result = (await db.execute(sql`
    select upper(trim(c.v)) as code, count(distinct o.id)::int as n
    from ${storeOrder} o, jsonb_array_elements_text(o.codes) as c(v)
    where o.workspace_id = ${scope.workspaceId} and o.program_id = ${programId} and o.cancelled_at is null
    group by 1`)) as unknown as { rows: Array<{ code: string; n: number }> };
  return new Map(result.rows.map((r) => [r.code, Number(r.n)]));
}

async function primaryHandles(db: Db | Tx, scope: WorkspaceScope, creatorIds: string[]) {
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

async function loadCodes(
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

async function getCodeView(db: Db | Tx, scope: WorkspaceScope, programId: string, codeId: string) {
  const [view] = await loadCodes(db, scope, { programId, codeIds: [codeId] });
  if (!view) throw notFound('discount code', codeId);
  return view;
}

/** A program's codes (active first) with redemptions, its pattern, and whether Shopify sync is possible. */
export async function listProgramCodes(db: Db, scope: WorkspaceScope, programId: string): Promise<CodeList> {
  await getProgramRowOrThrow(db, scope, programId);
  const settings = await getTrackingSettings(db, scope, programId);
  const items = await loadCodes(db, scope, { programId });
  const shops = await findShopifyConnections(db, scope, programId);
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
  return {
    items,
    pattern: settings.codePattern,
    percent: settings.codePercent,
    hasShopify: shops.length > 0,
    openAlerts: Number(open?.n ?? 0),
  };
}

async function getAmbassadorRowOrThrow(
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

// ── Issuing ──────────────────────────────────────────────────────────────────────────────────────────

interface Holder {
  id: string;
  programId: string;
  creatorId: string;
  name: string;
}

/**
 * Inserts the first free code among the alternatives of `base`. `ON CONFLICT DO NOTHING` lets a code
 * taken by a concurrent transaction (the unique index waits for it) move on to the next alternative
 * without aborting ours.
 */
async function insertFreeCode(
  tx: Tx,
  scope: WorkspaceScope,
  holder: Holder,
  base: string,
  description: string,
): Promise<CodeRow> {
  const candidates = codeAlternatives(base);
  const taken = await tx
    .select({ code: sql<string>`upper(${discountCode.code})` })
    .from(discountCode)
    .where(
      and(
        eq(discountCode.workspaceId, scope.workspaceId),
        inArray(sql`upper(${discountCode.code})`, candidates),
      ),
    );
  const takenSet = new Set(taken.map((t) => t.code));
  for (const code of candidates) {
    if (takenSet.has(code)) continue;
    const [row] = await tx
      .insert(discountCode)
      .values({
        id: newId('discountCode'),
        workspaceId: scope.workspaceId,
        programId: holder.programId,
        ambassadorId: holder.id,
        code,
        description,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new AppError(
    'conflict',
    `Every alternative of ${base} is taken; give ${holder.name} a code by hand.`,
  );
}

function describeDiscount(settings: TrackingSettings): string {
  return settings.codeDescription.trim() || `${settings.codePercent} % off`;
}

/**
 * The base code the pattern gives an ambassador, or why it cannot. A rotation appends `{RANDOM4}` to the
 * pattern: the old code is compromised or retired, and a successor like JANE15A is the first thing coupon
 * sites guess.
 */
function baseCodeFor(
  settings: TrackingSettings,
  holder: Holder,
  handle: string | undefined,
  rotation = false,
) {
  const pattern = rotation ? `${settings.codePattern}{RANDOM4}` : settings.codePattern;
  return expandCodePattern(pattern, {
    handle: handle ?? '',
    firstName: holder.name,
    percent: settings.codePercent,
    year: new Date().getUTCFullYear(),
    random: randomCodeChars,
  });
}

async function activeCodeOf(tx: Db | Tx, scope: WorkspaceScope, ambassadorId: string) {
  const [row] = await tx
    .select()
    .from(discountCode)
    .where(
      and(
        eq(discountCode.workspaceId, scope.workspaceId),
        eq(discountCode.ambassadorId, ambassadorId),
        eq(discountCode.status, 'active'),
      ),
    );
  return row ?? null;
}

async function issueInTx(
  tx: Tx,
  scope: WorkspaceScope,
  holder: Holder,
  settings: TrackingSettings,
  manual: string | undefined,
  audit: { action: string; reason?: string; before?: unknown },
  rotation = false,
): Promise<CodeRow> {
  let base: string;
  if (manual) {
    const checked = checkCode(manual);
    if (!checked.ok) throw validationError([{ field: 'code', message: checked.message }]);
    base = checked.code;
    const [clash] = await tx
      .select({ id: discountCode.id })
      .from(discountCode)
      .where(
        and(eq(discountCode.workspaceId, scope.workspaceId), sql`upper(${discountCode.code}) = ${base}`),
      );
    if (clash)
      throw validationError([{ field: 'code', message: `${base} is already taken in this workspace` }]);
  } else {
    const handles = await primaryHandles(tx, scope, [holder.creatorId]);
    const expanded = baseCodeFor(settings, holder, handles.get(holder.creatorId), rotation);
    if (!expanded.ok) throw validationError([{ field: 'code', message: expanded.message }]);
    base = expanded.code;
  }
  const row = await insertFreeCode(tx, scope, holder, base, describeDiscount(settings));
  if (manual && row.code !== base)
    throw new AppError('conflict', `${base} was taken a moment ago; try another.`);
  await recordAudit(tx, scope, {
    action: audit.action,
    entityType: 'discount_code',
    entityId: row.id,
    creatorId: holder.creatorId,
    before: audit.before,
    after: { code: row.code, ambassadorId: holder.id, description: row.description },
    reason: audit.reason,
  });
  return row;
}

/**
 * Issues one ambassador's code from the program's pattern (or a code typed by hand). Refused while they
 * hold an active code (rotate it instead) or outside the stages that hold codes.
 */
export async function issueCode(
  db: Db,
  scope: WorkspaceScope,
  ambassadorId: string,
  input: { code?: string | undefined },
): Promise<DiscountCodeView> {
  const row = await db.transaction(async (tx) => {
    const holder = await getAmbassadorRowOrThrow(tx, scope, ambassadorId, true);
    if (!codeStages.includes(holder.stage)) {
      throw new AppError(
        'conflict',
        `${holder.name} is ${holder.stage.replace('_', ' ')}; codes go to accepted, onboarding, active or paused ambassadors.`,
      );
    }
    const current = await activeCodeOf(tx, scope, ambassadorId);
    if (current) {
      throw new AppError(
        'conflict',
        `${holder.name} already has ${current.code}; rotate it to get a new one.`,
      );
    }
    const settings = await getTrackingSettings(tx, scope, holder.programId);
    return issueInTx(tx, scope, holder, settings, input.code || undefined, {
      action: 'discount_code.issued',
    });
  });
  return getCodeView(db, scope, row.programId, row.id);
}

/**
 * Issues codes to every onboarding or active ambassador of the program who has no active code, in one
 * transaction. Ambassadors the pattern cannot serve (no handle, say) are skipped with the reason.
 */
export async function issueCodesForProgram(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
): Promise<IssueResult> {
  const skipped: IssueResult['skipped'] = [];
  const ids = await db.transaction(async (tx) => {
    await getProgramRowOrThrow(tx, scope, programId);
    const settings = await getTrackingSettings(tx, scope, programId);
    const holders = await tx
      .select({
        id: ambassador.id,
        programId: ambassador.programId,
        creatorId: ambassador.creatorId,
        name: creator.name,
      })
      .from(ambassador)
      .innerJoin(creator, eq(creator.id, ambassador.creatorId))
      .where(
        and(
          eq(ambassador.workspaceId, scope.workspaceId),
          eq(ambassador.programId, programId),
          inArray(ambassador.stage, [...bulkCodeStages]),
          sql`not exists (select 1 from ${discountCode} d where d.ambassador_id = ${ambassador.id} and d.status = 'active')`,
        ),
      )
      .orderBy(asc(ambassador.createdAt))
      .for('update', { of: ambassador });
    const handles = await primaryHandles(
      tx,
      scope,
      holders.map((h) => h.creatorId),
    );
    const issued: string[] = [];
    for (const holder of holders) {
      // Re-checked under the row lock: a concurrent single issue may have given them one.
      if (await activeCodeOf(tx, scope, holder.id)) continue;
      const expanded = baseCodeFor(settings, holder, handles.get(holder.creatorId));
      if (!expanded.ok) {
        skipped.push({ ambassadorId: holder.id, name: holder.name, reason: expanded.message });
        continue;
      }
      const row = await insertFreeCode(tx, scope, holder, expanded.code, describeDiscount(settings));
      await recordAudit(tx, scope, {
        action: 'discount_code.issued',
        entityType: 'discount_code',
        entityId: row.id,
        creatorId: holder.creatorId,
        after: { code: row.code, ambassadorId: holder.id, description: row.description },
        reason: 'Issued for all ambassadors without a code',
      });
      issued.push(row.id);
    }
    return issued;
  });
  return { issued: await loadCodes(db, scope, { programId, codeIds: ids }), skipped };
}

// ── Retiring and rotating ────────────────────────────────────────────────────────────────────────────

async function lockCodeOrThrow(tx: Tx, scope: WorkspaceScope, programId: string, codeId: string) {
  const [row] = await tx
    .select()
    .from(discountCode)
    .where(
      and(
        eq(discountCode.id, codeId),
        eq(discountCode.workspaceId, scope.workspaceId),
        eq(discountCode.programId, programId),
      ),
    )
    .for('update');
  if (!row) throw notFound('discount code', codeId);
  return row;
}

async function retireInTx(tx: Tx, scope: WorkspaceScope, row: CodeRow, reason: string, creatorId: string) {
  if (row.status === 'retired') throw new AppError('conflict', `${row.code} is already retired.`);
  await tx
    .update(discountCode)
    .set({ status: 'retired', retiredReason: reason || null, retiredAt: new Date() })
    .where(eq(discountCode.id, row.id));
  await recordAudit(tx, scope, {
    action: 'discount_code.retired',
    entityType: 'discount_code',
    entityId: row.id,
    creatorId,
    before: { code: row.code, status: 'active' },
    after: { code: row.code, status: 'retired' },
    reason,
  });
}

/** Retires a code: it stops being issued or counted as active; orders that used it keep naming it. */
export async function retireCode(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  codeId: string,
  reason: string,
  options: { shopify?: ShopifyClientFactory } = {},
): Promise<RetireResult> {
  const old = await db.transaction(async (tx) => {
    const row = await lockCodeOrThrow(tx, scope, programId, codeId);
    const holder = await getAmbassadorRowOrThrow(tx, scope, row.ambassadorId);
    await retireInTx(tx, scope, row, reason, holder.creatorId);
    // An open leak alert about a retired code has nothing left to act on.
    await tx
      .update(codeAlert)
      .set({ resolution: 'dismissed', resolvedAt: new Date() })
      .where(and(eq(codeAlert.codeId, row.id), isNull(codeAlert.resolvedAt)));
    return row;
  });
  const shopifyNote = await removeFromShopify(db, scope, old, options.shopify);
  return { retired: await getCodeView(db, scope, programId, codeId), shopifyNote };
}

/**
 * Retires a code and issues its ambassador a new one from the pattern plus a random four-character suffix
 * (JANE15 → JANE15K7QM, never the guessable JANE15A), in one transaction, keeping the reason on both. Returns the ids; `rotateCode` adds the views.
 */
export async function rotateInTx(
  tx: Tx,
  scope: WorkspaceScope,
  programId: string,
  codeId: string,
  reason: string,
): Promise<{ retiredId: string; issuedId: string; old: CodeRow }> {
  const row = await lockCodeOrThrow(tx, scope, programId, codeId);
  const holder = await getAmbassadorRowOrThrow(tx, scope, row.ambassadorId, true);
  const settings = await getTrackingSettings(tx, scope, programId);
  await retireInTx(tx, scope, row, reason || 'Rotated', holder.creatorId);
  const issued = await issueInTx(
    tx,
    scope,
    holder,
    settings,
    undefined,
    { action: 'discount_code.rotated', reason: reason || 'Rotated', before: { code: row.code } },
    true,
  );
  return { retiredId: row.id, issuedId: issued.id, old: row };
}

/** Rotates a code (see rotateInTx); a copy synced to Shopify is removed there after the commit. */
export async function rotateCode(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  codeId: string,
  reason: string,
  options: { shopify?: ShopifyClientFactory } = {},
): Promise<RotateResult> {
  const ids = await db.transaction((tx) => rotateInTx(tx, scope, programId, codeId, reason));
  return rotationResult(db, scope, programId, ids, options);
}

/** The views of a rotation after its commit, removing the old code from Shopify when it was there. */
export async function rotationResult(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  ids: { retiredId: string; issuedId: string; old: CodeRow },
  options: { shopify?: ShopifyClientFactory } = {},
): Promise<RotateResult> {
  const shopifyNote = await removeFromShopify(db, scope, ids.old, options.shopify);
  return {
    retired: await getCodeView(db, scope, programId, ids.retiredId),
    issued: await getCodeView(db, scope, programId, ids.issuedId),
    shopifyNote,
  };
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

export { getCodeView };
