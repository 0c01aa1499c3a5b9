// Usage-right arithmetic on calendar days (UTC): status of a right on a day, and the program default's dates.
import { expiringSoonDays, type RightStatus } from './library.contract';

/** `YYYY-MM-DD` of a moment, in UTC. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dayOf(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A right on `today`: `upcoming` before it starts, `expired` after its last day (`endsOn` is the last day
 * it may be used), `expiring_soon` when it ends within 30 days, else `active`.
 */
export function rightStatus(
  right: { startsOn: string; endsOn: string | null },
  today: string,
): { status: RightStatus; daysLeft: number | null } {
  const daysLeft = right.endsOn === null ? null : daysBetween(today, right.endsOn);
  if (daysLeft !== null && daysLeft < 0) return { status: 'expired', daysLeft };
  if (right.startsOn > today) return { status: 'upcoming', daysLeft };
  if (daysLeft !== null && daysLeft <= expiringSoonDays) return { status: 'expiring_soon', daysLeft };
  return { status: 'active', daysLeft };
}
