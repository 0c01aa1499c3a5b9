// The compliance check of a draft (B3) with the rules that apply to one ambassador: the brief the draft is
// for (a campaign brief the ambassador picked, which adds to the program's standing brief; else the standing
// brief alone; current versions), the program's competitors and the tracking links and codes issued to them.
import { and, asc, desc, eq, gt, isNull, or } from 'drizzle-orm';
import {
  type ComplianceResult,
  type ComplianceRuleResult,
  checkCaption,
  complianceRulesSchema,
} from '../../../core/compliance';
import type { Db, Tx } from '../../db/client';
import { validationError } from '../../lib/app-error';
import { type BriefContent, briefContentSchema, briefRules } from '../briefs/briefs.contract';
import { brief, briefVersion } from '../briefs/briefs.schema';
import { discountCode } from '../codes/codes.schema';
import { link } from '../links/links.schema';
import { program } from '../programs/programs.schema';
import type { Platform } from './content.contract';

export interface AppliedBrief {
  briefId: string | null;
  version: number | null;
  title: string | null;
}

export interface CheckedCaption {
  result: ComplianceResult;
  brief: AppliedBrief;
}

/** The id of the rule added when the brief asks for tracking but nothing has been issued yet. */
export const trackingNotIssuedRule = 'tracking.present';

const currentVersionOf = (db: Db | Tx) =>
  db
    .select({
      id: brief.id,
      campaign: brief.campaign,
      version: briefVersion.version,
      content: briefVersion.content,
    })
    .from(brief)
    .innerJoin(
      briefVersion,
      and(eq(briefVersion.briefId, brief.id), eq(briefVersion.version, brief.currentVersion)),
    );

function parsed(row: { id: string; campaign: string | null; version: number; content: unknown } | undefined) {
  if (!row) return null;
  const content = briefContentSchema.safeParse(row.content);
  return {
    id: row.id,
    campaign: row.campaign,
    version: row.version,
    content: content.success ? content.data : null,
  };
}

/** `a` then the entries of `b` not already in it (compared case-insensitively). */
function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((item) => {
    const key = item.trim().toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A campaign brief adds to the program's standing brief: the required mentions, forbidden words and
 * competitors of both; tracking when either asks for it; the campaign's disclosure markers and placement when
 * it sets them, else the standing brief's. Everything shown rather than checked (title, summary, claims,
 * themes, formats, dates, notes) is the campaign's.
 */
export function combineBriefs(standing: BriefContent | null, campaign: BriefContent): BriefContent {
  if (!standing) return campaign;
  return {
    ...campaign,
    mustInclude: {
      ...campaign.mustInclude,
      productNames: union(standing.mustInclude.productNames, campaign.mustInclude.productNames),
      mentions: union(standing.mustInclude.mentions, campaign.mustInclude.mentions),
      legalLines: union(standing.mustInclude.legalLines, campaign.mustInclude.legalLines),
      trackingLinkOrCode: standing.mustInclude.trackingLinkOrCode || campaign.mustInclude.trackingLinkOrCode,
    },
    mustAvoid: {
      ...campaign.mustAvoid,
      competitors: union(standing.mustAvoid.competitors, campaign.mustAvoid.competitors),
      words: union(standing.mustAvoid.words, campaign.mustAvoid.words),
    },
    disclosure: {
      markers:
        campaign.disclosure.markers.length > 0 ? campaign.disclosure.markers : standing.disclosure.markers,
      instagramWithinFirstCharacters:
        campaign.disclosure.instagramWithinFirstCharacters ??
        standing.disclosure.instagramWithinFirstCharacters,
    },
  };
}

/** The program's standing brief (no campaign, not archived) at its current version, if it has one. */
async function standingBrief(db: Db | Tx, workspaceId: string, programId: string) {
  const [row] = await currentVersionOf(db)
    .where(
      and(
        eq(brief.workspaceId, workspaceId),
        eq(brief.programId, programId),
        isNull(brief.campaign),
        isNull(brief.archivedAt),
      ),
    )
    .orderBy(desc(brief.updatedAt), asc(brief.id))
    .limit(1);
  return parsed(row);
}

/** A live (not archived) brief of the program — standing or for a campaign — at its current version. */
async function liveBrief(db: Db | Tx, workspaceId: string, programId: string, briefId: string) {
  const [row] = await currentVersionOf(db).where(
    and(
      eq(brief.workspaceId, workspaceId),
      eq(brief.programId, programId),
      eq(brief.id, briefId),
      isNull(brief.archivedAt),
    ),
  );
  return parsed(row);
}

/**
 * Which brief a draft is checked against: `chosen` names one the ambassador picked (it must be a live brief
 * of the program, else a 422 naming `briefId`); `kept` is the brief a submission was made for, used while
 * it is live (an archived or deleted one gives way to the standing brief); neither: the standing brief.
 */
export type BriefChoice = { chosen: string } | { kept: string | null } | undefined;

async function briefFor(db: Db | Tx, workspaceId: string, programId: string, choice: BriefChoice) {
  if (choice && 'chosen' in choice) {
    const found = await liveBrief(db, workspaceId, programId, choice.chosen);
    if (!found)
      throw validationError([{ field: 'briefId', message: 'is not a current brief of this program' }]);
    return found;
  }
  if (choice?.kept) {
    const found = await liveBrief(db, workspaceId, programId, choice.kept);
    if (found) return found;
  }
  return standingBrief(db, workspaceId, programId);
}

function isUsable(kind: 'links' | 'codes', value: string): boolean {
  const value_ = kind === 'links' ? { links: [value], codes: [] } : { links: [], codes: [value] };
  return complianceRulesSchema.safeParse({ requireTrackingLinkOrCode: value_ }).success;
}

/** The ambassador's live links (as people see them: `<public url>/l/<slug>`) and active codes. */
async function issuedTracking(db: Db | Tx, workspaceId: string, ambassadorId: string, baseUrl: string) {
  const now = new Date();
  const links = await db
    .select({ slug: link.slug })
    .from(link)
    .where(
      and(
        eq(link.workspaceId, workspaceId),
        eq(link.ambassadorId, ambassadorId),
        isNull(link.disabledAt),
        or(isNull(link.expiresAt), gt(link.expiresAt, now)),
      ),
    );
  const codes = await db
    .select({ code: discountCode.code })
    .from(discountCode)
    .where(
      and(
        eq(discountCode.workspaceId, workspaceId),
        eq(discountCode.ambassadorId, ambassadorId),
        eq(discountCode.status, 'active'),
      ),
    );
  // A local PUBLIC_URL such as http://localhost:3000 is no link a caption could carry; such links are left out.
  return {
    links: links.map((l) => `${baseUrl.replace(/\/+$/, '')}/l/${l.slug}`).filter((l) => isUsable('links', l)),
    codes: codes.map((c) => c.code).filter((c) => isUsable('codes', c)),
  };
}

/** Checks a caption against everything that applies to this ambassador in this program (and brief). */
export async function checkDraft(
  db: Db | Tx,
  target: { workspaceId: string; programId: string; ambassadorId: string; baseUrl: string },
  draft: { platform: Platform; caption: string },
  choice?: BriefChoice,
): Promise<CheckedCaption> {
  const [prg] = await db
    .select({ competitors: program.competitors })
    .from(program)
    .where(and(eq(program.id, target.programId), eq(program.workspaceId, target.workspaceId)));
  const applied = await briefFor(db, target.workspaceId, target.programId, choice);
  let content: BriefContent | null = applied?.content ?? null;
  if (applied?.campaign && content) {
    const standing = await standingBrief(db, target.workspaceId, target.programId);
    content = combineBriefs(standing?.content ?? null, content);
  }
  const tracking = await issuedTracking(db, target.workspaceId, target.ambassadorId, target.baseUrl);
  const { rules, trackingMissing } = briefRules(content, {
    programCompetitors: prg?.competitors ?? [],
    tracking,
  });
  const checked = checkCaption({ platform: draft.platform, caption: draft.caption, rules });
  const extra: ComplianceRuleResult[] = trackingMissing
    ? [
        {
          id: trackingNotIssuedRule,
          passed: false,
          // Not the ambassador's fault and not something a reviewer can fix in the caption: a should rule.
          severity: 'should',
          message:
            'The brief asks for your tracking link or discount code, but none has been issued to you yet. ' +
            'The brand team will send one; the reviewer can approve without it.',
        },
      ]
    : [];
  return {
    result: { passed: checked.passed, rules: [...checked.rules, ...extra] },
    brief: {
      briefId: applied?.id ?? null,
      version: applied?.version ?? null,
      title: content?.title ?? null,
    },
  };
}

/** The ids of the failing must-pass rules, which block an approval. */
export function failingMustRules(result: ComplianceResult): string[] {
  return result.rules.filter((r) => r.severity === 'must' && !r.passed).map((r) => r.id);
}
