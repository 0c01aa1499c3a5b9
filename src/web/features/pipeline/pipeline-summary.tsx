// The bar above a pipeline: seats taken against capacity, how many people are in it, a chart of the stages
// on demand, and the switch between board and table.
import { Box, Button, Group, Paper, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import type { Stage } from '../../../core/pipeline/stages';
import { formatNumber } from '../../lib/format';
import type { Program } from '../programs/api';

// The chart library is large; it loads only when someone asks for the chart.
const StageChart = lazy(() => import('../programs/stage-chart'));

type PipelineView = 'board' | 'table';

export function PipelineSummary(props: {
  program: Program;
  peopleCount: number;
  view: PipelineView;
  onViewChange: (view: PipelineView) => void;
}) {
  const [showChart, chartDisclosure] = useDisclosure(false);
  return (
    <Paper withBorder radius="lg" p="md" mb="lg">
      <Group justify="space-between" gap="lg" wrap="wrap">
        <Group gap="xl" wrap="wrap">
          <Seats program={props.program} />
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              In pipeline
            </Text>
            <Text fw={600}>{formatNumber(props.peopleCount)}</Text>
          </Stack>
        </Group>
        <Group gap="sm">
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            leftSection={<IconChartBar size={14} />}
            onClick={chartDisclosure.toggle}
            aria-expanded={showChart}
          >
            {showChart ? 'Hide chart' : 'Show chart'}
          </Button>
          <SegmentedControl
            aria-label="View"
            size="xs"
            value={props.view}
            onChange={(value) => props.onViewChange(value === 'table' ? 'table' : 'board')}
            data={[
              { value: 'board', label: 'Board' },
              { value: 'table', label: 'Table' },
            ]}
          />
        </Group>
      </Group>
      {showChart ? (
        <Box pt="md" h={196}>
          <Suspense fallback={null}>
            <StageChart counts={props.program.stageCounts as Partial<Record<Stage, number>>} />
          </Suspense>
        </Box>
      ) : null}
    </Paper>
  );
}

function Seats({ program }: { program: Program }) {
  const share = program.capacity ? Math.min(100, (program.seatsTaken / program.capacity) * 100) : 0;
  return (
    <Stack gap={4} miw={180}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Seats
      </Text>
      <Text fw={600} aria-label="Seats taken">
        {program.capacity
          ? `${program.seatsTaken} of ${program.capacity} taken`
          : `${program.seatsTaken} taken (no limit)`}
      </Text>
      {program.capacity ? (
        <Progress value={share} color={share >= 100 ? 'orange' : 'violet'} size="sm" />
      ) : null}
    </Stack>
  );
}
