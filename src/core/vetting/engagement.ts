// V1 engagement rate: (likes + comments) / followers per post and over 90 days, against the tier band.
import { benchmarkForFollowers, type Tier, type TierBenchmark } from './benchmarks';
import { dayMs, referenceTime, toIsoDay } from './dates';
import { capEvidence, type DetectorResult, type Flag } from './flags';
import type { CreatorInput } from './input';

export const engagementWindowDays = 90;

export interface PostEngagement {
  postId: string;
  postedAt: string;
  interactions: number;
  ratePct: number;
  /** (likes + comments) / views for posts that report views (video); null otherwise. */
  viewRatePct: number | null;
}

export interface EngagementFigures {
  tier: Tier;
  benchmark: TierBenchmark;
  postsInWindow: number;
  /** Mean per-post rate over the window, in percent; null without followers or counted posts. */
  averageRatePct: number | null;
  averageViewRatePct: number | null;
  perPost: PostEngagement[];
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function checkEngagement(
  input: CreatorInput,
  options: { now?: Date } = {},
): DetectorResult<EngagementFigures> {
  const benchmark = benchmarkForFollowers(input.followers);
  const nowMs = referenceTime(options.now, input.posts);
  const windowStart = nowMs - engagementWindowDays * dayMs;
  const perPost: PostEngagement[] = [];
  for (const post of input.posts ?? []) {
    // A post with neither count is unmeasured, not a post nobody liked.
    if (post.likes === undefined && post.comments === undefined) continue;
    const postedMs = Date.parse(post.postedAt);
    if (postedMs < windowStart || postedMs > nowMs) continue;
    const interactions = (post.likes ?? 0) + (post.comments ?? 0);
    perPost.push({
      postId: post.id,
      postedAt: post.postedAt,
      interactions,
      ratePct: input.followers > 0 ? round((interactions / input.followers) * 100, 3) : 0,
      viewRatePct: post.views ? round((interactions / post.views) * 100, 3) : null,
    });
  }

  const withViews = perPost.filter((p) => p.viewRatePct !== null);
  const averageRatePct =
    perPost.length > 0 && input.followers > 0
      ? round(perPost.reduce((sum, p) => sum + p.ratePct, 0) / perPost.length)
      : null;
  const averageViewRatePct =
    withViews.length > 0
      ? round(withViews.reduce((sum, p) => sum + (p.viewRatePct ?? 0), 0) / withViews.length)
      : null;

  const flags: Flag[] = [];
  if (averageRatePct === null) {
    flags.push({
      code: 'engagement.no-data',
      severity: 'info',
      message: `No post in the last ${engagementWindowDays} days has like or comment counts; engagement was not measured.`,
      evidence: {},
    });
  } else {
    const lowest = [...perPost].sort((a, b) => a.ratePct - b.ratePct);
    const { shown, omitted } = capEvidence(lowest);
    const evidence = {
      posts: shown.map((p) => p.postId),
      dates: [toIsoDay(windowStart), toIsoDay(nowMs)],
      omitted,
    };
    const band = `${benchmark.bandLowPct}–${benchmark.bandHighPct} %`;
    if (averageRatePct < benchmark.redFlagBelowPct) {
      flags.push({
        code: 'engagement.red-flag',
        severity: 'critical',
        message:
          `Average engagement ${averageRatePct} % over ${perPost.length} posts is below ${benchmark.redFlagBelowPct} %, ` +
          `a red flag for bought followers or engagement (${benchmark.tier} band ${band}).`,
        evidence,
      });
    } else if (averageRatePct < benchmark.bandLowPct) {
      flags.push({
        code: 'engagement.below-band',
        severity: 'warning',
        message: `Average engagement ${averageRatePct} % is below the ${benchmark.tier} band of ${band}.`,
        evidence,
      });
    } else if (averageRatePct > benchmark.bandHighPct * 3) {
      // Far above the band is usually a viral post, sometimes bought likes: worth a look, not a penalty.
      flags.push({
        code: 'engagement.unusually-high',
        severity: 'info',
        message: `Average engagement ${averageRatePct} % is more than three times the top of the ${benchmark.tier} band (${band}).`,
        evidence: {
          ...evidence,
          posts: [...perPost]
            .sort((a, b) => b.ratePct - a.ratePct)
            .slice(0, 5)
            .map((p) => p.postId),
        },
      });
    }
  }
  return {
    figures: {
      tier: benchmark.tier,
      benchmark,
      postsInWindow: perPost.length,
      averageRatePct,
      averageViewRatePct,
      perPost,
    },
    flags,
  };
}
