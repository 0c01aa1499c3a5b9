// Engagement-rate benchmarks by follower tier (PRODUCT V1): the one table the engagement check reads.

export const tierNames = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof tierNames)[number];

export interface TierBenchmark {
  tier: Tier;
  /** Inclusive lower bound of followers; the nano tier also takes accounts under 1K (no smaller tier exists). */
  minFollowers: number;
  /** Exclusive upper bound; null for the open-ended top tier. */
  maxFollowers: number | null;
  /** Healthy engagement rate band, in percent of followers per post. */
  bandLowPct: number;
  bandHighPct: number;
  /** Below this average the engagement itself is a red flag (bought followers or engagement). */
  redFlagBelowPct: number;
  source: string;
}

const seed003 = 'seed 003 (Micro-Influencer Marketing in 2026) and PRODUCT V1';
const assumption =
  'assumption: engagement falls as audiences grow; no seed gives figures for this tier, so these ' +
  'continue the seed 003 trend and should be replaced when a sourced benchmark is adopted';

export const engagementBenchmarks: readonly TierBenchmark[] = [
  {
    tier: 'nano',
    minFollowers: 0,
    maxFollowers: 10_000,
    bandLowPct: 6,
    bandHighPct: 10,
    redFlagBelowPct: 1,
    source: seed003,
  },
  {
    tier: 'micro',
    minFollowers: 10_000,
    maxFollowers: 100_000,
    bandLowPct: 3,
    bandHighPct: 6,
    redFlagBelowPct: 1,
    source: seed003,
  },
  {
    tier: 'mid',
    minFollowers: 100_000,
    maxFollowers: 500_000,
    bandLowPct: 1.5,
    bandHighPct: 3,
    redFlagBelowPct: 1,
    source: `band: ${assumption}; red flag < 1 %: seed 003`,
  },
  {
    tier: 'macro',
    minFollowers: 500_000,
    maxFollowers: 1_000_000,
    bandLowPct: 1,
    bandHighPct: 2,
    redFlagBelowPct: 0.5,
    source: assumption,
  },
  {
    tier: 'mega',
    minFollowers: 1_000_000,
    maxFollowers: null,
    bandLowPct: 0.5,
    bandHighPct: 1.5,
    redFlagBelowPct: 0.3,
    source: assumption,
  },
];

export function benchmarkForFollowers(followers: number): TierBenchmark {
  for (const benchmark of engagementBenchmarks) {
    if (benchmark.maxFollowers === null || followers < benchmark.maxFollowers) return benchmark;
  }
  return engagementBenchmarks[engagementBenchmarks.length - 1]!;
}
