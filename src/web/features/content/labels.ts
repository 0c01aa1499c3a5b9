// Words and colours for submission states, formats and the review SLA.
import type { SubmissionStatus, SubmissionSummary } from './api';

export const statusLabels: Record<SubmissionStatus, string> = {
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
};

export const statusColors: Record<SubmissionStatus, string> = {
  in_review: 'blue',
  changes_requested: 'orange',
  approved: 'green',
  published: 'teal',
};

import { type ContentFormat, formatLabels, platformLabels } from '../../lib/labels';

export { formatLabels, platformLabels };

/** "5 h left", "3 h overdue" and a colour for the SLA badge (red overdue, orange under 4 h). */
export function slaText(sla: NonNullable<SubmissionSummary['sla']>): { label: string; color: string } {
  const hours = Math.abs(sla.hoursLeft);
  const amount = hours >= 1 ? `${Math.round(hours)} h` : `${Math.max(1, Math.round(hours * 60))} min`;
  if (sla.isOverdue) return { label: `${amount} overdue`, color: 'red' };
  return { label: `${amount} left`, color: sla.hoursLeft < 4 ? 'orange' : 'gray' };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * A short name for a compliance rule, from its id (`mention.required.0` → "Required mention"). The ids stay
 * in the API; people see this name or the rule's own message.
 */
export function ruleLabel(id: string): string {
  if (id === 'disclosure.present') return 'Disclosure';
  if (id === 'disclosure.placement') return 'Disclosure placement';
  if (id.startsWith('mention.required')) return 'Required mention';
  if (id.startsWith('forbidden.term')) return 'Forbidden word';
  if (id.startsWith('competitor.mention')) return 'Competitor mention';
  if (id.startsWith('tracking.')) return 'Tracking link or code';
  return 'Brief rule';
}

/** Failing rules in a few words, each name once with a count: "Required mention (2), Disclosure". */
export function rulesSummary(ids: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(ruleLabel(id), (counts.get(ruleLabel(id)) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} (${n})` : label)).join(', ');
}

/** The messages of the rules `ids` in `result` (a short name where a rule is not in it). */
export function ruleMessages(
  ids: readonly string[],
  result: { rules: ReadonlyArray<{ id: string; message: string }> } | undefined,
): string[] {
  return ids.map((id) => result?.rules.find((r) => r.id === id)?.message ?? ruleLabel(id));
}

const formatPlurals: Record<ContentFormat, string> = {
  feed: 'feed posts',
  story: 'stories',
  reel: 'reels',
  video: 'videos',
  short: 'shorts',
  review: 'reviews',
};

/** "1 × story", "4 × stories", "2 × feed posts". */
export function formatCount(count: number, format: ContentFormat): string {
  return `${count} × ${count === 1 ? formatLabels[format].toLowerCase() : formatPlurals[format]}`;
}
