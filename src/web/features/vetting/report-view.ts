// How a vetting report is presented: section names (with their PRODUCT ids), colours for severities and
// verdicts, readable spam/fake reasons, and the DOM ids evidence links scroll to.
import type { MantineColor } from '@mantine/core';
import type { Severity } from '../../../core/vetting/flags';
import type { Verdict } from '../../../core/vetting/report';
import type { ReviewedFlag, ReviewedReport } from './api';

export type SectionKey = keyof ReviewedReport['sections'];

export const sectionOrder: SectionKey[] = [
  'engagement',
  'comments',
  'growth',
  'pods',
  'followers',
  'alignment',
  'conflicts',
  'consistency',
];

export const sectionLabels: Record<SectionKey, { id: string; title: string }> = {
  engagement: { id: 'V1', title: 'Engagement rate' },
  comments: { id: 'V2', title: 'Comment quality' },
  growth: { id: 'V3', title: 'Follower growth' },
  pods: { id: 'V4', title: 'Engagement pods' },
  followers: { id: 'V5', title: 'Fake followers' },
  alignment: { id: 'V6', title: 'Audience alignment' },
  conflicts: { id: 'V7', title: 'Brand conflicts' },
  consistency: { id: 'V8', title: 'Content consistency' },
};

export function sectionLabelOf(section: string): string {
  const label = sectionLabels[section as SectionKey];
  return label ? `${label.id} · ${label.title}` : section;
}

export const severityColors: Record<Severity, MantineColor> = {
  critical: 'red',
  warning: 'orange',
  info: 'gray',
};

export const verdictLabels: Record<Verdict, string> = {
  recommend: 'Recommend',
  review: 'Needs review',
  reject: 'Reject',
};
export const verdictColors: Record<Verdict, MantineColor> = {
  recommend: 'teal',
  review: 'yellow',
  reject: 'red',
};

export function scoreColor(score: number): MantineColor {
  if (score >= 70) return 'teal';
  if (score >= 40) return 'yellow';
  return 'red';
}

/** `no-profile-picture` → `No profile picture`. */
export function reasonLabel(reason: string): string {
  const text = reason.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

export function formatPct(pct: number | null | undefined, digits = 1): string {
  return pct === null || pct === undefined ? '—' : `${pct.toFixed(digits)} %`;
}

/** The element an evidence link scrolls to. Ids are built from untrusted text, so they are encoded. */
export const postAnchor = (postId: string) => `vet-post-${encodeURIComponent(postId)}`;
export const commentAnchor = (postId: string, index: number) =>
  `vet-comment-${encodeURIComponent(postId)}-${index}`;

/** Flags grouped by section in report order, each group in the engine's severity order. */
export function flagsBySection(
  flags: readonly ReviewedFlag[],
): Array<{ section: string; flags: ReviewedFlag[] }> {
  const groups = new Map<string, ReviewedFlag[]>();
  for (const section of sectionOrder) groups.set(section, []);
  for (const flag of flags) {
    const list = groups.get(flag.section) ?? [];
    list.push(flag);
    groups.set(flag.section, list);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([section, list]) => ({ section, flags: list }));
}
