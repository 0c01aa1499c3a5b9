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

export { formatLabels, platformLabels } from '../../lib/labels';

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
