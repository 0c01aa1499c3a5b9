// Date arithmetic shared by the detectors. Everything is UTC; no detector reads the clock itself.

export const dayMs = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function toIsoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / dayMs;
}

/**
 * The instant "now" means for a report: the injected one, else the newest dated fact in the input, so the
 * same input always gives the same report.
 */
export function referenceTime(
  now: Date | undefined,
  posts: readonly { postedAt: string }[] | undefined,
  history?: readonly { date: string }[],
): number {
  if (now) return now.getTime();
  let newest = Number.NEGATIVE_INFINITY;
  for (const post of posts ?? []) newest = Math.max(newest, Date.parse(post.postedAt));
  for (const point of history ?? []) newest = Math.max(newest, Date.parse(point.date));
  return Number.isFinite(newest) ? newest : 0;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
