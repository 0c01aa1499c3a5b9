// V6 audience alignment with the program persona (PRODUCT P2, seed 003: "the most overlooked step and the
// most important"): where the audience lives, how old it is, what it cares about, and the persona's hard
// criteria (platform, follower range, minimum engagement).
import type { DetectorResult, Flag } from './flags';
import type { CreatorInput, VettingPersona } from './input';

/** Assumptions: under half the audience in the target is a weak fit; under a fifth is not the program's audience. */
export const weakFitShare = 0.5;
export const noFitShare = 0.2;

export interface AlignmentFigures {
  hasPersona: boolean;
  /** Share of the audience in the persona's countries; null when either side is missing. */
  countryShare: number | null;
  ageShare: number | null;
  /** Share of audience interests matching the persona's niches. */
  interestShare: number | null;
  matchedInterests: string[];
  /** Share of posts whose caption names one of the niches. */
  nicheCaptionShare: number | null;
  genders: Record<string, number> | null;
  isFollowerCountInRange: boolean | null;
  isPlatformAllowed: boolean | null;
  meetsMinEngagement: boolean | null;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sumShares(
  shares: Record<string, number | undefined>,
  keys: ReadonlySet<string>,
  normalize: (k: string) => string,
) {
  let total = 0;
  let targeted = 0;
  for (const [key, value] of Object.entries(shares)) {
    if (value === undefined) continue;
    total += value;
    if (keys.has(normalize(key))) targeted += value;
  }
  // Shares from tools often do not sum to exactly 1 (rounding, "other" left out): divide by what was given.
  return total > 0 ? round3(targeted / total) : null;
}

function fitFlag(code: string, label: string, share: number, targets: string[]): Flag | null {
  if (share >= weakFitShare) return null;
  const severity = share < noFitShare ? 'critical' : 'warning';
  return {
    code,
    severity,
    message: `${Math.round(share * 100)} % of the audience is in the persona's ${label} (${targets.join(', ')}).`,
    evidence: {},
  };
}

function nicheMatches(interest: string, niches: readonly string[]): boolean {
  const name = interest.toLowerCase();
  return niches.some((niche) => {
    const n = niche.toLowerCase();
    return name.includes(n) || n.includes(name);
  });
}

export function checkAlignment(
  input: CreatorInput,
  persona: VettingPersona | undefined,
  engagementRatePct: number | null,
): DetectorResult<AlignmentFigures> {
  const genders = (input.audience?.genders as Record<string, number> | undefined) ?? null;
  const empty: AlignmentFigures = {
    hasPersona: false,
    countryShare: null,
    ageShare: null,
    interestShare: null,
    matchedInterests: [],
    nicheCaptionShare: null,
    genders,
    isFollowerCountInRange: null,
    isPlatformAllowed: null,
    meetsMinEngagement: null,
  };
  if (!persona) {
    return {
      figures: empty,
      flags: [
        {
          code: 'alignment.no-persona',
          severity: 'info',
          message: 'No program persona given; audience alignment was not checked.',
          evidence: {},
        },
      ],
    };
  }
  const figures: AlignmentFigures = { ...empty, hasPersona: true };
  const flags: Flag[] = [];
  const audience = input.audience;

  if (persona.countries.length > 0 && audience?.countries) {
    const targets = new Set(persona.countries.map((c) => c.toUpperCase()));
    figures.countryShare = sumShares(audience.countries, targets, (k) => k.toUpperCase());
    if (figures.countryShare !== null) {
      const flag = fitFlag('alignment.countries', 'countries', figures.countryShare, [...targets]);
      if (flag) {
        flag.evidence = { accounts: [input.handle] };
        flags.push(flag);
      }
    }
  }
  if (persona.ageBands.length > 0 && audience?.ages) {
    const targets = new Set(persona.ageBands);
    figures.ageShare = sumShares(audience.ages as Record<string, number | undefined>, targets, (k) => k);
    if (figures.ageShare !== null) {
      const flag = fitFlag('alignment.ages', 'age bands', figures.ageShare, [...targets]);
      if (flag) {
        flag.evidence = { accounts: [input.handle] };
        flags.push(flag);
      }
    }
  }
  if (persona.niches.length > 0) {
    if (audience?.interests) {
      let total = 0;
      let matched = 0;
      for (const [name, value] of Object.entries(audience.interests)) {
        total += value;
        if (nicheMatches(name, persona.niches)) {
          matched += value;
          figures.matchedInterests.push(name);
        }
      }
      figures.interestShare = total > 0 ? round3(matched / total) : null;
      if (figures.interestShare === 0) {
        flags.push({
          code: 'alignment.interests',
          severity: 'warning',
          message: `None of the audience's interests match the persona's niches (${persona.niches.join(', ')}).`,
          evidence: { accounts: [input.handle] },
        });
      }
    }
    const posts = (input.posts ?? []).filter((p) => p.caption);
    if (posts.length > 0) {
      const niches = persona.niches.map((n) => n.toLowerCase());
      const onNiche = posts.filter((p) => niches.some((n) => p.caption!.toLowerCase().includes(n)));
      figures.nicheCaptionShare = round3(onNiche.length / posts.length);
    }
  }
  if (persona.followerMin !== null || persona.followerMax !== null) {
    const isInRange =
      (persona.followerMin === null || input.followers >= persona.followerMin) &&
      (persona.followerMax === null || input.followers <= persona.followerMax);
    figures.isFollowerCountInRange = isInRange;
    if (!isInRange) {
      flags.push({
        code: 'alignment.follower-range',
        severity: 'warning',
        message: `${input.followers} followers is outside the persona's range (${persona.followerMin ?? 0}–${persona.followerMax ?? 'any'}).`,
        evidence: { accounts: [input.handle] },
      });
    }
  }
  if (persona.platforms.length > 0) {
    figures.isPlatformAllowed = persona.platforms.includes(input.platform);
    if (!figures.isPlatformAllowed) {
      flags.push({
        code: 'alignment.platform',
        severity: 'warning',
        message: `The program looks for creators on ${persona.platforms.join(', ')}, not ${input.platform}.`,
        evidence: { accounts: [input.handle] },
      });
    }
  }
  if (persona.minEngagementRate !== null && engagementRatePct !== null) {
    figures.meetsMinEngagement = engagementRatePct >= persona.minEngagementRate;
    if (!figures.meetsMinEngagement) {
      flags.push({
        code: 'alignment.min-engagement',
        severity: 'warning',
        message: `Average engagement ${engagementRatePct} % is below the program's minimum of ${persona.minEngagementRate} %.`,
        evidence: { accounts: [input.handle] },
      });
    }
  }
  return { figures, flags };
}
