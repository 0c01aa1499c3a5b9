// The shape every vetting detector returns (PRODUCT V9): figures plus flags that carry their evidence.

export const severities = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** A comment sample a flag points at: the post, its index in `commentSamples`, who wrote it and what. */
export interface CommentRef {
  postId: string;
  index: number;
  author: string;
  text: string;
}

/** What a flag rests on. Lists are capped (see `evidenceLimit`); `omitted` counts what was left out. */
export interface Evidence {
  posts?: string[];
  comments?: CommentRef[];
  dates?: string[];
  followers?: string[];
  accounts?: string[];
  brands?: string[];
  omitted?: number;
}

export interface Flag {
  code: string;
  severity: Severity;
  message: string;
  evidence: Evidence;
}

export interface DetectorResult<Figures> {
  figures: Figures;
  flags: Flag[];
}

/** A report for a creator with thousands of spam comments stays readable: the full list is in `items`. */
export const evidenceLimit = 25;

/** Keeps the first `evidenceLimit` entries and says how many were left out. */
export function capEvidence<T>(list: readonly T[]): { shown: T[]; omitted: number } {
  return { shown: list.slice(0, evidenceLimit), omitted: Math.max(0, list.length - evidenceLimit) };
}

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}
