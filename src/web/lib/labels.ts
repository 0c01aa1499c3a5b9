// Human labels for the API's enums. The maps are typed by the server contracts, so a new enum value
// fails type-checking here until it has a label; only types are imported, keeping zod out of the bundle.
import type { MantineColor } from '@mantine/core';
import type { Role } from '../../core/access/roles';
import type { Stage } from '../../core/pipeline/stages';
import type {
  ageBands,
  contentFormats,
  objectives,
  platforms,
  programStatuses,
  usageChannels,
} from '../../server/modules/programs/programs.contract';

export type Objective = (typeof objectives)[number];
export type Platform = (typeof platforms)[number];
export type AgeBand = (typeof ageBands)[number];
export type ContentFormat = (typeof contentFormats)[number];
export type UsageChannel = (typeof usageChannels)[number];
export type ProgramStatus = (typeof programStatuses)[number];

export const objectiveLabels: Record<Objective, string> = {
  sales: 'Sales',
  awareness: 'Awareness',
  ugc: 'Content (UGC)',
  advocacy: 'Advocacy / fundraising',
};

export const objectiveDescriptions: Record<Objective, string> = {
  sales: 'Drive orders through tracked links and discount codes',
  awareness: 'Reach new, relevant audiences',
  ugc: 'Collect authentic content you can reuse',
  advocacy: 'Mobilise supporters for a cause or fundraiser',
};

export const statusLabels: Record<ProgramStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

export const statusColors: Record<ProgramStatus, MantineColor> = {
  draft: 'gray',
  active: 'teal',
  archived: 'dark',
};

export const platformLabels: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  other: 'Other',
};

export const ageBandLabels: Record<AgeBand, string> = {
  '13-17': '13–17',
  '18-24': '18–24',
  '25-34': '25–34',
  '35-44': '35–44',
  '45-54': '45–54',
  '55+': '55+',
};

export const formatLabels: Record<ContentFormat, string> = {
  feed: 'Feed post',
  story: 'Story',
  reel: 'Reel',
  video: 'Video',
  short: 'Short',
  review: 'Review',
};

export const usageChannelLabels: Record<UsageChannel, string> = {
  organic_social: 'Organic social',
  paid_social: 'Paid social',
  email: 'Email',
  website: 'Website',
  print: 'Print',
};

export const stageColors: Record<Stage, MantineColor> = {
  prospect: 'gray',
  invited: 'blue',
  applied: 'cyan',
  in_review: 'indigo',
  accepted: 'teal',
  onboarding: 'lime',
  active: 'green',
  paused: 'yellow',
  offboarded: 'dark',
  declined: 'red',
  waitlisted: 'orange',
};

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  manager: 'Manager',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including other owners',
  admin: 'Manages members, settings and the outbox',
  manager: 'Runs programs and moves people through the pipeline',
  reviewer: 'Reviews applicants and content',
  viewer: 'Read-only access',
};

/** The keys of a label map as a typed list, in the map's order. */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}

/** Select options from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return keysOf(labels).map((value) => ({ value, label: labels[value] }));
}
