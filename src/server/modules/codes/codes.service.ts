// Discount codes (T2): one active code per ambassador from the program's pattern, collision-safe (the unique
// index on (workspace, upper(code)) decides; a taken code moves on to the next alternative), retired and
// rotated with a reason. Listing, single views and the CSV export are in codes-views.service.
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  checkCode,
  codeAlternatives,
  codeLetters,
  expandCodePattern,
  randomAlphabet,
} from '../../../core/codes';
import type { Stage } from '../../../core/pipeline/stages';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { ambassador, creator } from '../people/people.schema';
import { getProgramRowOrThrow } from '../programs/programs.service';
import { getTrackingSettings, type TrackingSettings } from '../tracking/tracking.service';
import type { DiscountCodeView, IssueResult, RetireResult, RotateResult } from './codes.contract';
import { codeAlert, discountCode } from './codes.schema';
import { removeFromShopify, type ShopifyClientFactory } from './codes-shopify.service';
import { getAmbassadorRowOrThrow, getCodeView, loadCodes, primaryHandles } from './codes-views.service';

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

/** Random characters that start with a letter: after JANE15, "K7QM" cannot read as 157% off. */
function randomCodeCharsFromLetter(length: number): string {
  return length < 1 ? '' : codeLetters[randomInt(codeLetters.length)] + randomCodeChars(length - 1);
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
  return settings.codeDescription.trim() || `${settings.codePercent}% off`;
}

/**
 * The base code the pattern gives an ambassador, or why it cannot. A rotation appends `{RANDOM4}` to the
 * pattern, starting with a letter (JANE15K7QM): the old code is compromised or retired, and a successor
 * like JANE15A is the first thing coupon sites guess.
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
    random: rotation ? randomCodeCharsFromLetter : randomCodeChars,
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
  let eligible = 0;
  const ids = await db.transaction(async (tx) => {
    await getProgramRowOrThrow(tx, scope, programId);
    const settings = await getTrackingSettings(tx, scope, programId);
    const [counted] = await tx
      .select({ n: count() })
      .from(ambassador)
      .where(
        and(
          eq(ambassador.workspaceId, scope.workspaceId),
          eq(ambassador.programId, programId),
          inArray(ambassador.stage, [...bulkCodeStages]),
        ),
      );
    eligible = counted?.n ?? 0;
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
  return { issued: await loadCodes(db, scope, { programId, codeIds: ids }), skipped, eligible };
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
