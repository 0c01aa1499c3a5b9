// The live "check before submitting" panel: re-checks the caption against the brief as the ambassador types.
import { Alert, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { messageOf } from '../../lib/problems';
import { checkCaption, type Platform } from './api';
import { CompliancePanel } from './compliance-panel';

export function LiveCheck(props: {
  programId: string;
  /** The brief picked for the draft; empty or absent: the program's standing brief. */
  briefId?: string;
  platform: Platform;
  caption: string;
}) {
  const briefId = props.briefId ?? '';
  const [caption] = useDebouncedValue(props.caption, 400);
  const enabled = props.programId !== '' && caption.trim() !== '';
  const check = useQuery({
    queryKey: ['portal', 'compliance', props.programId, briefId, props.platform, caption],
    queryFn: ({ signal }) =>
      checkCaption(
        {
          programId: props.programId,
          ...(briefId ? { briefId } : {}),
          platform: props.platform,
          caption,
        },
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (!enabled)
    return (
      <Text size="sm" c="dimmed">
        Write your caption to see the compliance check (disclosure, mentions, words to avoid) as you type.
      </Text>
    );
  if (check.isError)
    return (
      <Alert color="orange" variant="light">
        {messageOf(check.error)}
      </Alert>
    );
  if (!check.data) return <Loader size="sm" aria-label="Checking" />;
  return (
    <div aria-live="polite" aria-busy={check.isFetching}>
      {check.data.briefTitle ? (
        <Text size="xs" c="dimmed" mb={4}>
          Checked against the brief “{check.data.briefTitle}” (version {check.data.briefVersion})
        </Text>
      ) : null}
      <CompliancePanel caption={caption} result={check.data} />
    </div>
  );
}
