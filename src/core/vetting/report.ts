// The vetting report (PRODUCT V1–V9): every detector's section, one score and a verdict, and all flags
// with their evidence, so a reviewer can see why a creator scored what they did.
import { checkAlignment } from './alignment';
import { checkComments } from './comments';
import { checkConflicts } from './conflicts';
import { checkConsistency } from './consistency';
import { checkEngagement } from './engagement';
import { type Flag, type Severity, severityRank } from './flags';
import { checkFollowers } from './followers';
import { checkGrowth } from './growth';
import type { CreatorInput, VettingPersona } from './input';
import { checkPods, detectPodGroups, type PodGroup } from './pods';

/** Bumped whenever a rule or threshold changes, so stored reports say which rules produced them. */
export const engineVersion = 'vetting-1.1.0';

/**
 * Points each flag takes off the starting 100. A critical flag is a reason to skip on its own (seed 003's
 * "skip" and "move on" checks); a warning needs company to matter; info is context and costs nothing.
 */
export const severityDeductions: Record<Severity, number> = { critical: 35, warning: 10, info: 0 };

/**
 * Verdicts: `recommend` at 70 or more with no critical flag; `reject` under 40 or with two or more
 * critical flags (independent signs of fraud or misfit); `review` otherwise. One critical flag alone
 * caps the verdict at `review`: each has an innocent explanation a human can check (a competitor deal
 * that ended early, bots that pile onto any popular post).
 */
export const verdictThresholds = { recommendAtLeast: 70, rejectBelow: 40, rejectAtCriticalFlags: 2 } as const;

export type Verdict = 'recommend' | 'review' | 'reject';

export interface VettingOptions {
  persona?: VettingPersona;
  competitors?: string[];
  exclusivityDays?: number;
  now?: Date;
}

function buildSections(input: CreatorInput, options: VettingOptions) {
  const engagement = checkEngagement(input, options);
  return {
    engagement,
    comments: checkComments(input),
    growth: checkGrowth(input),
    pods: checkPods(input),
    followers: checkFollowers(input),
    alignment: checkAlignment(input, options.persona, engagement.figures.averageRatePct),
    conflicts: checkConflicts(input, options),
    consistency: checkConsistency(input, options),
  };
}

export type VettingSections = ReturnType<typeof buildSections>;

export interface VettingReport {
  engineVersion: string;
  handle: string;
  platform: CreatorInput['platform'];
  score: number;
  verdict: Verdict;
  sections: VettingSections;
  flags: Flag[];
}

export function scoreFlags(flags: readonly Flag[]): { score: number; verdict: Verdict } {
  const deducted = flags.reduce((sum, flag) => sum + severityDeductions[flag.severity], 0);
  const score = Math.max(0, 100 - deducted);
  const criticalCount = flags.filter((f) => f.severity === 'critical').length;
  let verdict: Verdict;
  if (score < verdictThresholds.rejectBelow || criticalCount >= verdictThresholds.rejectAtCriticalFlags) {
    verdict = 'reject';
  } else if (score >= verdictThresholds.recommendAtLeast && criticalCount === 0) {
    verdict = 'recommend';
  } else {
    verdict = 'review';
  }
  return { score, verdict };
}

function sortBySeverity(flags: Flag[]): Flag[] {
  // Array.prototype.sort is stable, so flags of one severity keep their section order.
  return flags.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/**
 * Vets one creator. Pure: the same input and options always give the same report.
 * @example vetCreator(parseCreatorInput(json).data!, { persona, competitors: ['Glossier'] }).verdict
 */
export function vetCreator(input: CreatorInput, options: VettingOptions = {}): VettingReport {
  const sections = buildSections(input, options);
  const flags = sortBySeverity(Object.values(sections).flatMap((section) => section.flags));
  return {
    engineVersion,
    handle: input.handle,
    platform: input.platform,
    ...scoreFlags(flags),
    sections,
    flags,
  };
}

export interface PoolReport {
  engineVersion: string;
  reports: VettingReport[];
  podGroups: PodGroup[];
}

/** Vets many creators and adds what only a pool shows: groups that comment on each other (V4). */
export function vetPool(inputs: readonly CreatorInput[], options: VettingOptions = {}): PoolReport {
  const reports = inputs.map((input) => vetCreator(input, options));
  const podGroups = detectPodGroups(inputs);
  for (const group of podGroups) {
    const members = new Set(group.members);
    for (const report of reports) {
      if (!members.has(report.handle)) continue;
      const flag: Flag = {
        code: 'pods.pool-group',
        severity: 'warning',
        message: `Part of a group of ${group.members.length} creators in this pool who comment on each other or share commenters (${group.members.join(', ')}).`,
        evidence: { accounts: group.members, followers: group.sharedCommenters.slice(0, 25) },
      };
      report.sections.pods.flags.push(flag);
      report.flags = sortBySeverity([...report.flags, flag]);
      Object.assign(report, scoreFlags(report.flags));
    }
  }
  return { engineVersion, reports, podGroups };
}
