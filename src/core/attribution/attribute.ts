// Decides which ambassador, if any, is credited with an order (PRODUCT T4): at most one, from a
// discount code and/or a tracked click, under the program's window, precedence and self-referral rules.
import { parseLandingUrl } from './landing-url';
import { isSameMailbox } from './same-person-email';
import {
  type AmbassadorCode,
  type AttributableAmbassador,
  type AttributionResult,
  type AttributionRules,
  type ConversionEvent,
  defaultAttributionRules,
  type RejectionReason,
  type SetAsideEvidence,
  type TrackedClick,
} from './types';

const dayMs = 86_400_000;

export interface AttributionContext {
  /** Clicks the ingest layer found for the order's click ids; others are ignored. */
  clicks: readonly TrackedClick[];
  codes: readonly AmbassadorCode[];
  /** Ambassadors eligible for credit. Codes and clicks of anyone else are ignored. */
  ambassadors: readonly AttributableAmbassador[];
  rules?: Partial<AttributionRules>;
}

/** A code as compared and shown: trimmed, upper-case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

interface CodeMatch {
  code: string;
  ambassadorId: string;
}

/**
 * Credits the order to at most one ambassador, or says why nobody is credited.
 *
 * - Codes match case-insensitively; codes no ambassador holds (store-wide promotions) are ignored. With
 *   several ambassador codes on one order, the one whose ambassador also has the click wins, else the
 *   first the store lists.
 * - A click counts when its id is the order's `clickId` or the click id in `landingUrl`, it is not a bot,
 *   and it happened at or before the order and at most `windowDays` before it. Of several, the latest wins.
 * - Code and click for the same ambassador → method `both`; for different ambassadors the program's
 *   `precedence` decides and the other is kept in `evidence.setAside`.
 * - With `blockSelfReferral`, evidence pointing to an ambassador whose email reaches the customer's mailbox
 *   (see `mailboxKey`) is set aside; other evidence may still credit someone else.
 * @example attribute(order, { clicks: [], codes: [{ code: 'JANE15', ambassadorId: 'amb_1' }], ambassadors })
 * // { credited: { ambassadorId: 'amb_1', method: 'code', … } }
 */
export function attribute(conversion: ConversionEvent, context: AttributionContext): AttributionResult {
  const rules: AttributionRules = { ...defaultAttributionRules, ...context.rules };
  const ambassadors = new Map(context.ambassadors.map((a) => [a.id, a]));
  const isSelf = (ambassadorId: string): boolean =>
    rules.blockSelfReferral && isSameMailbox(conversion.customerEmail, ambassadors.get(ambassadorId)?.email);
  const setAside: SetAsideEvidence[] = [];

  // Clicks.
  const orderAt = conversion.occurredAt.getTime();
  const clickIds = new Set(
    [conversion.clickId?.trim(), parseLandingUrl(conversion.landingUrl).clickId].filter((id) => !!id),
  );
  let botClicks = 0;
  const lateClicks: TrackedClick[] = [];
  const staleClicks: TrackedClick[] = [];
  let click: TrackedClick | undefined;
  for (const candidate of context.clicks) {
    if (!clickIds.has(candidate.clickId) || !ambassadors.has(candidate.ambassadorId)) continue;
    const ageMs = orderAt - candidate.at.getTime();
    if (candidate.isBot) botClicks++;
    else if (ageMs < 0) lateClicks.push(candidate);
    else if (ageMs > rules.windowDays * dayMs) staleClicks.push(candidate);
    else if (isSelf(candidate.ambassadorId)) {
      setAside.push({
        ambassadorId: candidate.ambassadorId,
        method: 'click',
        clickId: candidate.clickId,
        why: 'self_referral',
      });
    } else if (!click || candidate.at.getTime() > click.at.getTime()) click = candidate;
  }

  // Codes.
  const holders = new Map(context.codes.map((c) => [normalizeCode(c.code), c.ambassadorId]));
  const matches: CodeMatch[] = [];
  const seenCodes = new Set<string>();
  for (const raw of conversion.codes) {
    const code = normalizeCode(raw);
    const ambassadorId = holders.get(code);
    if (!ambassadorId || !ambassadors.has(ambassadorId) || seenCodes.has(code)) continue;
    seenCodes.add(code);
    if (isSelf(ambassadorId)) setAside.push({ ambassadorId, method: 'code', code, why: 'self_referral' });
    else matches.push({ code, ambassadorId });
  }
  const code = matches.find((m) => m.ambassadorId === click?.ambassadorId) ?? matches[0];
  for (const other of matches) {
    if (other !== code && other.ambassadorId !== code?.ambassadorId) {
      setAside.push({
        ambassadorId: other.ambassadorId,
        method: 'code',
        code: other.code,
        why: 'precedence',
      });
    }
  }

  const clickEvidence = click
    ? {
        clickId: click.clickId,
        clickAt: click.at,
        clickAgeDays: Math.floor((orderAt - click.at.getTime()) / dayMs),
      }
    : {};
  const evidenceBase = { windowDays: rules.windowDays, precedence: rules.precedence };
  const notes = setAside.filter((s) => s.why === 'self_referral').map(describeSelfReferral);

  if (code && click && code.ambassadorId === click.ambassadorId) {
    return credit(code.ambassadorId, 'both', { code: code.code, ...clickEvidence }, [
      `Code ${code.code} and click ${click.clickId} (${ageText(clickEvidence.clickAgeDays)}) both point to ${code.ambassadorId}.`,
      ...notes,
    ]);
  }
  if (code && click) {
    const codeWins = rules.precedence === 'code';
    const [winner, loser] = codeWins
      ? [code.ambassadorId, click.ambassadorId]
      : [click.ambassadorId, code.ambassadorId];
    setAside.unshift(
      codeWins
        ? { ambassadorId: loser, method: 'click', clickId: click.clickId, why: 'precedence' }
        : { ambassadorId: loser, method: 'code', code: code.code, why: 'precedence' },
    );
    return credit(winner, rules.precedence, codeWins ? { code: code.code } : clickEvidence, [
      `Code ${code.code} points to ${code.ambassadorId} and click ${click.clickId} to ${click.ambassadorId}; ` +
        `the program gives the ${rules.precedence} precedence, so ${winner} is credited.`,
      ...notes,
    ]);
  }
  if (code) {
    return credit(code.ambassadorId, 'code', { code: code.code }, [
      `Code ${code.code} belongs to ${code.ambassadorId}.`,
      ...notes,
    ]);
  }
  if (click) {
    return credit(click.ambassadorId, 'click', clickEvidence, [
      `Click ${click.clickId} on ${click.ambassadorId}'s link, ${ageText(clickEvidence.clickAgeDays)}.`,
      ...notes,
    ]);
  }

  if (notes.length > 0) return reject('self_referral', notes.join(' '));
  if (lateClicks.length > 0 || staleClicks.length > 0) {
    const parts: string[] = [];
    if (staleClicks.length > 0) {
      parts.push(`the click came more than ${rules.windowDays} days before the order`);
    }
    if (lateClicks.length > 0) parts.push('the click came after the order');
    return reject('outside_window', `No credit: ${parts.join(', and ')}.`);
  }
  if (botClicks > 0)
    return reject('bot_click_only', 'No credit: the only click was made by a bot or link preview.');
  return reject('no_match', 'No ambassador code or tracked click on this order.');

  function credit(
    ambassadorId: string,
    method: 'code' | 'click' | 'both',
    evidence: { code?: string; clickId?: string; clickAt?: Date; clickAgeDays?: number },
    sentences: string[],
  ): AttributionResult {
    return {
      credited: {
        ambassadorId,
        method,
        evidence: { ...evidence, ...evidenceBase, setAside },
        reason: sentences.join(' '),
      },
    };
  }
}

function reject(reason: RejectionReason, message: string): AttributionResult {
  return { credited: null, rejected: { reason, message } };
}

function describeSelfReferral(item: SetAsideEvidence): string {
  const what = item.method === 'code' ? `Code ${item.code}` : `Click ${item.clickId}`;
  return `${what} of ${item.ambassadorId} set aside: the customer is the ambassador (self-referral).`;
}

function ageText(days: number | undefined): string {
  if (days === undefined || days === 0) return 'less than a day before the order';
  return days === 1 ? '1 day before the order' : `${days} days before the order`;
}
