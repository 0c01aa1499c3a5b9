// V8 content consistency over the last 90 days (not just the last few posts): cadence and the longest gap.
import { dayMs, referenceTime, toIsoDay } from './dates';
import type { DetectorResult, Flag } from './flags';
import type { CreatorInput } from './input';

export const consistencyWindowDays = 90;
/** Assumption: an ambassador program asks for at least weekly posting; below that the cadence is low. */
export const minPostsPerWeek = 1;
/** Assumption: three weeks without a post is a gap a program would notice. */
export const maxGapDays = 21;

export interface ConsistencyFigures {
  postsInWindow: number;
  postsPerWeek: number;
  longestGap: { days: number; from: string; to: string } | null;
  windowStart: string;
  windowEnd: string;
}

export function checkConsistency(
  input: CreatorInput,
  options: { now?: Date } = {},
): DetectorResult<ConsistencyFigures> {
  const nowMs = referenceTime(options.now, input.posts);
  const windowStartMs = nowMs - consistencyWindowDays * dayMs;
  const times = (input.posts ?? []).map((p) => Date.parse(p.postedAt)).sort((a, b) => a - b);
  const inWindow = times.filter((t) => t >= windowStartMs && t <= nowMs);
  const postsPerWeek = Math.round((inWindow.length / (consistencyWindowDays / 7)) * 100) / 100;
  const figures: ConsistencyFigures = {
    postsInWindow: inWindow.length,
    postsPerWeek,
    longestGap: null,
    windowStart: toIsoDay(windowStartMs),
    windowEnd: toIsoDay(nowMs),
  };
  const flags: Flag[] = [];
  if (times.length === 0) {
    flags.push({
      code: 'consistency.no-data',
      severity: 'info',
      message: 'No posts were given; consistency was not measured.',
      evidence: {},
    });
    return { figures, flags };
  }
  if (inWindow.length === 0) {
    flags.push({
      code: 'consistency.inactive',
      severity: 'critical',
      message: `No posts in the last ${consistencyWindowDays} days (${figures.windowStart} to ${figures.windowEnd}).`,
      evidence: { dates: [figures.windowStart, figures.windowEnd] },
    });
    return { figures, flags };
  }

  // Gaps run between consecutive posts, from the last post before the window if any, and up to now:
  // going quiet lately is a gap too.
  const lastBefore = times.filter((t) => t < windowStartMs).at(-1);
  const points = [...(lastBefore === undefined ? [] : [lastBefore]), ...inWindow, nowMs];
  for (let i = 1; i < points.length; i++) {
    const days = Math.floor((points[i]! - points[i - 1]!) / dayMs);
    if (!figures.longestGap || days > figures.longestGap.days) {
      figures.longestGap = { days, from: toIsoDay(points[i - 1]!), to: toIsoDay(points[i]!) };
    }
  }
  if (postsPerWeek < minPostsPerWeek) {
    flags.push({
      code: 'consistency.low-cadence',
      severity: 'warning',
      message: `${inWindow.length} posts in ${consistencyWindowDays} days (${postsPerWeek} a week), below ${minPostsPerWeek} a week.`,
      evidence: { dates: [figures.windowStart, figures.windowEnd] },
    });
  }
  if (figures.longestGap && figures.longestGap.days > maxGapDays) {
    flags.push({
      code: 'consistency.long-gap',
      severity: 'warning',
      message: `${figures.longestGap.days} days without a post, from ${figures.longestGap.from} to ${figures.longestGap.to}.`,
      evidence: { dates: [figures.longestGap.from, figures.longestGap.to] },
    });
  }
  return { figures, flags };
}
