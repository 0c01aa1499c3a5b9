// Reviewer overrides of vetting flags (V9): an overridden flag stays in the report, marked with who set
// it aside and why, and the score and verdict are recomputed by the engine's own rules without it.
import type { Flag } from './flags';
import { scoreFlags, type Verdict, type VettingReport, type VettingSections } from './report';

/** One reviewer's override of one flag, keyed by `flagKeyOf`. */
export interface FlagOverride {
  flagKey: string;
  reason: string;
  /** The reviewer's display name. */
  by: string;
  /** ISO-8601 time the override was made. */
  at: string;
}

export interface ReviewedFlag extends Flag {
  /** `<section>:<code>:<n>`: stable for a stored report (see `flagKeyOf`). */
  key: string;
  section: string;
  overridden?: { reason: string; by: string; at: string };
}

export type ReviewedReport = Omit<VettingReport, 'flags'> & {
  flags: ReviewedFlag[];
  originalScore: number;
  originalVerdict: Verdict;
};

/**
 * A flag's key: its section, its code and `n`, the count of earlier flags with that code in that section
 * (0 for the first). Flags are stored with the report, so the key names the same flag on every read.
 * @example flagKeyOf('comments', 'comments.mostly-spam', 0) // 'comments:comments.mostly-spam:0'
 */
export function flagKeyOf(section: string, code: string, n: number): string {
  return `${section}:${code}:${n}`;
}

/** Every flag of a report's sections with its key and section, in section order. */
export function keyedFlags(
  report: Pick<VettingReport, 'sections'>,
): Array<{ key: string; section: string; flag: Flag }> {
  const keyed: Array<{ key: string; section: string; flag: Flag }> = [];
  for (const [section, result] of Object.entries(report.sections) as Array<[string, { flags: Flag[] }]>) {
    const seen = new Map<string, number>();
    for (const flag of result.flags) {
      const n = seen.get(flag.code) ?? 0;
      seen.set(flag.code, n + 1);
      keyed.push({ key: flagKeyOf(section, flag.code, n), section, flag });
    }
  }
  return keyed;
}

/** Whether `flagKey` names a flag of this report. */
export function hasFlagKey(report: Pick<VettingReport, 'sections'>, flagKey: string): boolean {
  return keyedFlags(report).some((k) => k.key === flagKey);
}

function sameFlag(a: Flag, b: Flag): boolean {
  return a.code === b.code && a.severity === b.severity && a.message === b.message;
}

/**
 * The report as a reviewer sees it: every flag (top-level and in its section) carries its key, overridden
 * flags carry `{overridden: {reason, by, at}}`, and the score and verdict count only the flags left
 * standing. The engine's score and verdict are kept as `originalScore` and `originalVerdict`. Overrides
 * naming no flag of the report are ignored. Pure: the input report is not changed.
 * @example applyOverrides(report, [{ flagKey: 'growth:growth.spike-then-flat:0', reason: 'Viral TV spot', by: 'Ana', at }])
 */
export function applyOverrides(report: VettingReport, overrides: readonly FlagOverride[]): ReviewedReport {
  const byKey = new Map(overrides.map((o) => [o.flagKey, o]));
  const review = (key: string, section: string, flag: Flag): ReviewedFlag => {
    const override = byKey.get(key);
    return {
      ...flag,
      key,
      section,
      ...(override ? { overridden: { reason: override.reason, by: override.by, at: override.at } } : {}),
    };
  };

  const keyed = keyedFlags(report);
  const sections = Object.fromEntries(
    Object.entries(report.sections).map(([section, result]) => [
      section,
      {
        ...result,
        flags: keyed.filter((k) => k.section === section).map((k) => review(k.key, k.section, k.flag)),
      },
    ]),
  ) as unknown as VettingSections;

  // The top-level list keeps the engine's order; each entry is matched to its section flag (stored reports
  // are JSON, so the two lists no longer share objects).
  const unused = [...keyed];
  const flags = report.flags.map((flag) => {
    const at = unused.findIndex((k) => sameFlag(k.flag, flag));
    const match =
      at >= 0 ? unused.splice(at, 1)[0]! : { key: flagKeyOf('unknown', flag.code, 0), section: 'unknown' };
    return review(match.key, match.section, flag);
  });

  const isReviewed = flags.some((f) => f.overridden);
  const { score, verdict } = isReviewed
    ? scoreFlags(flags.filter((f) => !f.overridden))
    : { score: report.score, verdict: report.verdict };
  return {
    ...report,
    sections,
    flags,
    score,
    verdict,
    originalScore: report.score,
    originalVerdict: report.verdict,
  };
}
