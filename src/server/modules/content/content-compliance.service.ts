// The compliance check of a draft (B3) with the rules that apply to one ambassador: the program's standing
// brief (current version), the program's competitors and the tracking links and codes issued to them.
import { and, asc, desc, eq, gt, isNull, or } from 'drizzle-orm';
import {
  type ComplianceResult,
  type ComplianceRuleResult,
  checkCaption,
  complianceRulesSchema,
} from '../../../core/compliance';
import type { Db, Tx } from '../../db/client';
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

/** The program's standing brief (no campaign, not archived) at its current version, if it has one. */
async function standingBrief(db: Db | Tx, workspaceId: string, programId: string) {
  const [row] = await db
    .select({ id: brief.id, version: briefVersion.version, content: briefVersion.content })
    .from(brief)
    .innerJoin(
      briefVersion,
      and(eq(briefVersion.briefId, brief.id), eq(briefVersion.version, brief.currentVersion)),
    )
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
  if (!row) return null;
  const content = briefContentSchema.safeParse(row.content);
  return { id: row.id, version: row.version, content: content.success ? content.data : null };
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

/** Checks a caption against everything that applies to this ambassador in this program. */
export async function checkDraft(
  db: Db | Tx,
  target: { workspaceId: string; programId: string; ambassadorId: string; baseUrl: string },
  draft: { platform: Platform; caption: string },
): Promise<CheckedCaption> {
  const [prg] = await db
    .select({ competitors: program.competitors })
    .from(program)
    .where(and(eq(program.id, target.programId), eq(program.workspaceId, target.workspaceId)));
  const standing = await standingBrief(db, target.workspaceId, target.programId);
  const content: BriefContent | null = standing?.content ?? null;
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
      briefId: standing?.id ?? null,
      version: standing?.version ?? null,
      title: content?.title ?? null,
    },
  };
}

/** The ids of the failing must-pass rules, which block an approval. */
export function failingMustRules(result: ComplianceResult): string[] {
  return result.rules.filter((r) => r.severity === 'must' && !r.passed).map((r) => r.id);
}
