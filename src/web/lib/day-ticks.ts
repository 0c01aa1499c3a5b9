// Ticks for a time axis of days: local midnights a whole number of days apart, so the labels are evenly
// spaced and never repeat a day (a numeric axis would put them at "nice" milliseconds: Mar 3, Mar 5, Mar 8).

const stepsInDays = [1, 2, 3, 7, 14, 30, 61, 91, 182, 365];

/** Days since 1970 of a local date: calendar days, whatever the clock change between two of them. */
const dayNumber = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;

/**
 * Local midnights from the first at or after `fromMs` to `toMs`, a step of days apart, the step the
 * smallest that keeps them to `maxTicks` (at least 2). With no midnight in between, `fromMs` alone (so the
 * one label shows).
 * @example dayTicks(Date.parse('2026-03-01T10:00'), Date.parse('2026-03-05T09:00')) // Mar 2, 3, 4, 5 (midnights)
 */
export function dayTicks(fromMs: number, toMs: number, maxTicks = 6): number[] {
  const first = new Date(fromMs);
  first.setHours(0, 0, 0, 0);
  if (first.getTime() < fromMs) first.setDate(first.getDate() + 1);
  if (first.getTime() > toMs) return [fromMs];
  const spanDays = dayNumber(new Date(toMs)) - dayNumber(first);
  const most = Math.max(2, maxTicks);
  const step =
    stepsInDays.find((s) => Math.floor(spanDays / s) + 1 <= most) ?? Math.ceil(spanDays / (most - 1));
  const ticks: number[] = [];
  for (let at = new Date(first); at.getTime() <= toMs; at.setDate(at.getDate() + step))
    ticks.push(at.getTime());
  return ticks;
}
