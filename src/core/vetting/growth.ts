// V3 follower growth velocity (seed 003): a vertical spike followed by a flat line means bought followers;
// a steady decline means a creator losing their audience. A spike that lines up with a post that drew far
// more engagement than usual is a viral moment, not a purchase.
import { dayMs, daysBetween, median } from './dates';
import type { DetectorResult, Flag } from './flags';
import type { CreatorInput } from './input';

/** A spike grows more than this many times the median daily gain… */
export const spikeMedianMultiple = 5;
/** …and adds more than this share of the followers it started from. */
export const spikeMinShare = 0.02;
/** Days after a spike looked at to decide whether growth went flat. */
export const flatLookaheadDays = 14;
/** After a spike, growth at or below this multiple of the median daily gain counts as flat. */
export const flatMedianMultiple = 1.5;
/** Periods in a row with fewer followers than the one before that make a sustained decline… */
export const declineRunLength = 3;
/** …when together they lose at least this share: a few days of unfollows (a seasonal dip) are noise. */
export const declineMinShare = 0.02;
/** A drop larger than this share within `dropWindowDays` is a decline on its own. */
export const dropShare = 0.1;
export const dropWindowDays = 30;
/** A post drawing this many times the median interactions near a spike explains it. */
export const viralInteractionMultiple = 3;

export interface GrowthInterval {
  from: string;
  to: string;
  delta: number;
  perDay: number;
  /** Daily growth rate relative to the followers at the start, in percent. */
  dailyRatePct: number;
}

export interface GrowthSpike {
  from: string;
  to: string;
  gained: number;
  isFollowedByFlat: boolean | null;
  viralPostId: string | null;
}

export interface GrowthFigures {
  points: number;
  intervals: GrowthInterval[];
  medianPerDay: number | null;
  spikes: GrowthSpike[];
  longestDeclineRun: number;
  largestDrop30d: { from: string; to: string; share: number } | null;
}

function findViralPost(input: CreatorInput, fromMs: number, toMs: number): string | null {
  const posts = (input.posts ?? []).filter((p) => p.likes !== undefined || p.comments !== undefined);
  if (posts.length < 3) return null;
  const interactions = posts.map((p) => (p.likes ?? 0) + (p.comments ?? 0));
  const typical = median(interactions);
  let best: { id: string; interactions: number } | null = null;
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    const postedMs = Date.parse(post.postedAt);
    // A viral post lifts followers the days after it; allow three days' lead for daily snapshots.
    if (postedMs < fromMs - 3 * dayMs || postedMs > toMs) continue;
    const count = interactions[i]!;
    if (count >= viralInteractionMultiple * Math.max(typical, 1) && (!best || count > best.interactions)) {
      best = { id: post.id, interactions: count };
    }
  }
  return best?.id ?? null;
}

export function checkGrowth(input: CreatorInput): DetectorResult<GrowthFigures> {
  const history = [...(input.followerHistory ?? [])]
    .map((p) => ({ date: p.date, ms: Date.parse(p.date), followers: p.followers }))
    .sort((a, b) => a.ms - b.ms);
  const intervals: (GrowthInterval & { fromMs: number; toMs: number; start: number })[] = [];
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const next = history[i]!;
    const days = daysBetween(prev.ms, next.ms);
    if (days <= 0) continue;
    const delta = next.followers - prev.followers;
    intervals.push({
      from: prev.date,
      to: next.date,
      fromMs: prev.ms,
      toMs: next.ms,
      start: prev.followers,
      delta,
      perDay: delta / days,
      dailyRatePct: prev.followers > 0 ? Math.round((delta / days / prev.followers) * 100_000) / 1000 : 0,
    });
  }

  const flags: Flag[] = [];
  const publicIntervals = intervals.map(({ from, to, delta, perDay, dailyRatePct }) => ({
    from,
    to,
    delta,
    perDay: Math.round(perDay * 10) / 10,
    dailyRatePct,
  }));
  if (intervals.length < 2) {
    flags.push({
      code: 'growth.no-data',
      severity: 'info',
      message: 'Fewer than three follower-history points; growth velocity was not measured.',
      evidence: {},
    });
    return {
      figures: {
        points: history.length,
        intervals: publicIntervals,
        medianPerDay: null,
        spikes: [],
        longestDeclineRun: 0,
        largestDrop30d: null,
      },
      flags,
    };
  }

  // The median ignores the spike itself, so one purchase cannot hide by raising the baseline.
  const medianPerDay = median(intervals.map((i) => i.perDay));
  const baseline = Math.max(medianPerDay, 1);
  const isSpike = intervals.map(
    (i) => i.perDay > spikeMedianMultiple * baseline && i.delta > spikeMinShare * Math.max(i.start, 1),
  );

  const spikes: GrowthSpike[] = [];
  for (let i = 0; i < intervals.length; i++) {
    if (!isSpike[i]) continue;
    let end = i;
    while (end + 1 < intervals.length && isSpike[end + 1]) end++;
    const first = intervals[i]!;
    const last = intervals[end]!;
    const gained = intervals.slice(i, end + 1).reduce((sum, x) => sum + x.delta, 0);
    const after = intervals.filter(
      (x) => x.fromMs >= last.toMs && x.fromMs < last.toMs + flatLookaheadDays * dayMs,
    );
    let isFollowedByFlat: boolean | null = null;
    if (after.length > 0) {
      const afterDays = after.reduce((sum, x) => sum + daysBetween(x.fromMs, x.toMs), 0);
      const afterPerDay = after.reduce((sum, x) => sum + x.delta, 0) / afterDays;
      isFollowedByFlat = afterPerDay <= flatMedianMultiple * baseline;
    }
    const viralPostId = findViralPost(input, first.fromMs, last.toMs);
    spikes.push({ from: first.from, to: last.to, gained, isFollowedByFlat, viralPostId });
    i = end;
  }

  for (const spike of spikes) {
    const evidence = {
      dates: [spike.from, spike.to],
      ...(spike.viralPostId ? { posts: [spike.viralPostId] } : {}),
    };
    const what = `+${spike.gained} followers between ${spike.from} and ${spike.to} (median ${Math.round(medianPerDay)} a day)`;
    if (spike.viralPostId) {
      flags.push({
        code: 'growth.viral-spike',
        severity: 'info',
        message: `${what}, matching post ${spike.viralPostId} with several times the usual engagement.`,
        evidence,
      });
    } else if (spike.isFollowedByFlat) {
      flags.push({
        code: 'growth.spike-then-flat',
        severity: 'critical',
        message: `${what}, then flat growth and no post with matching engagement: the pattern of bought followers.`,
        evidence,
      });
    } else {
      flags.push({
        code: 'growth.spike',
        severity: 'warning',
        message: `${what} with no post with matching engagement.`,
        evidence,
      });
    }
  }

  let longestDeclineRun = 0;
  let run = 0;
  let runEnd = -1;
  for (let i = 0; i < intervals.length; i++) {
    run = intervals[i]!.delta < 0 ? run + 1 : 0;
    if (run > longestDeclineRun) {
      longestDeclineRun = run;
      runEnd = i;
    }
  }
  const runStart = intervals[runEnd - longestDeclineRun + 1];
  const runLoss = intervals
    .slice(runEnd - longestDeclineRun + 1, runEnd + 1)
    .reduce((s, x) => s - x.delta, 0);
  const isMaterialDecline =
    runStart !== undefined && runLoss >= declineMinShare * Math.max(runStart.start, 1);
  if (longestDeclineRun >= declineRunLength && isMaterialDecline) {
    const start = intervals[runEnd - longestDeclineRun + 1]!;
    const end = intervals[runEnd]!;
    flags.push({
      code: 'growth.sustained-decline',
      severity: 'warning',
      message: `Followers fell ${longestDeclineRun} periods in a row, from ${start.start} on ${start.from} to ${start.start + intervals.slice(runEnd - longestDeclineRun + 1, runEnd + 1).reduce((s, x) => s + x.delta, 0)} on ${end.to}.`,
      evidence: { dates: [start.from, end.to] },
    });
  }

  let largestDrop30d: GrowthFigures['largestDrop30d'] = null;
  for (let j = 1; j < history.length; j++) {
    const to = history[j]!;
    for (let i = j - 1; i >= 0; i--) {
      const from = history[i]!;
      if (daysBetween(from.ms, to.ms) > dropWindowDays) break;
      if (from.followers <= 0) continue;
      const share = (from.followers - to.followers) / from.followers;
      if (share > 0 && (!largestDrop30d || share > largestDrop30d.share)) {
        largestDrop30d = { from: from.date, to: to.date, share: Math.round(share * 1000) / 1000 };
      }
    }
  }
  if (largestDrop30d && largestDrop30d.share > dropShare) {
    flags.push({
      code: 'growth.sharp-drop',
      severity: 'warning',
      message: `Followers dropped ${Math.round(largestDrop30d.share * 100)} % between ${largestDrop30d.from} and ${largestDrop30d.to} (within ${dropWindowDays} days).`,
      evidence: { dates: [largestDrop30d.from, largestDrop30d.to] },
    });
  }

  return {
    figures: {
      points: history.length,
      intervals: publicIntervals,
      medianPerDay: Math.round(medianPerDay * 10) / 10,
      spikes,
      longestDeclineRun,
      largestDrop30d,
    },
    flags,
  };
}
