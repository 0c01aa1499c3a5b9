// Clicks over the last 30 days (all, unique, bots and previews) with the totals above the chart; the chart
// loads lazily so recharts stays out of the first load.
import { Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ErrorView } from '../../components/page';
import { formatNumber } from '../../lib/format';
import { programClicksQuery } from './api';

const ClicksChart = lazy(() => import('./clicks-chart'));

function Figure(props: { label: string; value: number; hint?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text fw={600} fz="lg">
        {formatNumber(props.value)}
      </Text>
      {props.hint ? (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      ) : null}
    </Stack>
  );
}

export function ClicksPanel(props: {
  workspaceId: string;
  programId: string;
  /** The picker's choices and the pick (the page filters its own table by it too). */
  picker: {
    ambassadors: Array<{ value: string; label: string }>;
    picked: string | null;
    onPick: (ambassadorId: string | null) => void;
  };
}) {
  const ambassadorId = props.picker.picked ?? undefined;
  const series = useQuery(programClicksQuery(props.workspaceId, props.programId, { days: 30, ambassadorId }));
  return (
    <Paper withBorder radius="lg" p="md" mb="lg" component="section" aria-label="Clicks">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        {series.data ? (
          <Group gap="xl">
            <Figure label="Clicks (30 days)" value={series.data.totals.clicks} />
            <Figure
              label="Unique (30 days)"
              value={series.data.totals.unique}
              hint="first click per visitor in 24 h"
            />
            <Figure
              label="Bots & previews (30 days)"
              value={series.data.totals.bot}
              hint="not counted for credit"
            />
          </Group>
        ) : (
          <Skeleton h={48} w={320} />
        )}
        {props.picker.ambassadors.length > 0 ? (
          <Select
            aria-label="Ambassador"
            placeholder="All ambassadors"
            data={props.picker.ambassadors}
            value={props.picker.picked}
            onChange={props.picker.onPick}
            clearable
            searchable
            w={240}
          />
        ) : null}
      </Group>
      {series.isError ? (
        <ErrorView error={series.error} onRetry={() => void series.refetch()} />
      ) : series.data ? (
        <Suspense fallback={<Skeleton h={220} />}>
          <ClicksChart series={series.data} />
        </Suspense>
      ) : (
        <Skeleton h={220} />
      )}
    </Paper>
  );
}
