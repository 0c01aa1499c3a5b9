// The draft form's "Brief" picker: the program's current briefs (its standing brief and any campaign's), so a
// draft for a campaign is checked — live and on submit — against that campaign's brief.
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type PortalBrief, portalBriefsQuery } from '../briefs/api';

/** The standing brief (no campaign) a draft defaults to: the most recently published one. */
function standingOf(briefs: readonly PortalBrief[]): PortalBrief | undefined {
  return briefs
    .filter((b) => b.campaign === null)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
}

/** "Holiday 2026 · Gift sets", or the name once when the campaign and the title read the same. */
function campaignLabel(campaign: string, title: string): string {
  const same = (s: string) => s.trim().toLocaleLowerCase();
  return same(campaign) === same(title) ? campaign : `${campaign} · ${title}`;
}

/** The option value of the default (the standing brief); the form's value for it is ''. */
const standingValue = 'standing';

/** The picker's choices for one program: the default (the standing brief) first, then each campaign's. */
export function briefOptions(briefs: readonly PortalBrief[], programId: string) {
  const own = briefs.filter((b) => b.programId === programId);
  const standing = standingOf(own);
  return [
    {
      value: standingValue,
      label: standing
        ? `Standing brief · ${standing.content.title}`
        : 'No campaign (the program’s general rules)',
    },
    ...own
      .filter((b) => b.campaign !== null)
      .sort((a, b) => (a.campaign ?? '').localeCompare(b.campaign ?? ''))
      .map((b) => ({ value: b.briefId, label: campaignLabel(b.campaign ?? '', b.content.title) })),
  ];
}

/**
 * `value` is the picked brief's id, or '' for the default (the standing brief): send it as the draft's
 * `briefId` (and to the live check) only when not empty. A pick that is not one of the program's current
 * briefs (another program chosen, a brief archived) falls back to the default.
 */
export function BriefSelect(props: {
  programId: string;
  value: string;
  onChange: (briefId: string) => void;
  error?: string | undefined;
}) {
  const briefs = useQuery(portalBriefsQuery);
  const options = briefOptions(briefs.data ?? [], props.programId);
  const known = props.value === '' || options.some((o) => o.value === props.value);
  const { onChange } = props;
  useEffect(() => {
    if (briefs.isSuccess && !known) onChange('');
  }, [briefs.isSuccess, known, onChange]);
  return (
    <Select
      label="Brief"
      description="A campaign’s draft is checked against that campaign’s brief."
      data={options}
      value={known && props.value !== '' ? props.value : standingValue}
      onChange={(v) => props.onChange(!v || v === standingValue ? '' : v)}
      allowDeselect={false}
      disabled={options.length < 2}
      error={props.error}
    />
  );
}
