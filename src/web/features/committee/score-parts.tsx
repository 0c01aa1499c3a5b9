// Small read-only parts of committee scores: the aggregate with its spread, a vetting badge, handles.
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { formatCompact } from '../../lib/format';
import { type Applicant, type Spread, vettingReportHref } from './api';

const verdictColors = { recommend: 'teal', review: 'yellow', reject: 'red' } as const;
const verdictLabels = { recommend: 'Recommend', review: 'Review', reject: 'Reject' } as const;

/** "3.75 / 5 · 2.5–4.5 · σ 0.8": the committee's weighted mean, its range and standard deviation. */
export function AggregateText({ aggregate }: { aggregate: Spread | null }) {
  if (!aggregate) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" span>
      <Text span fw={700}>
        {aggregate.mean.toFixed(2)}
      </Text>
      <Text span c="dimmed" size="xs">
        {' '}
        / 5 · range {aggregate.min.toFixed(2)}–{aggregate.max.toFixed(2)} · σ {aggregate.stdDev.toFixed(2)}
      </Text>
    </Text>
  );
}

export function VettingBadge({
  workspaceId,
  vetting,
}: {
  workspaceId: string;
  vetting: Applicant['vetting'];
}) {
  if (!vetting) {
    return (
      <Text size="sm" c="dimmed">
        Not vetted
      </Text>
    );
  }
  return (
    <Tooltip label={`Vetting verdict: ${verdictLabels[vetting.verdict]} — open the report`}>
      <Anchor href={vettingReportHref(workspaceId, vetting.reportId)} underline="never">
        <Badge
          color={verdictColors[vetting.verdict]}
          variant="light"
          radius="sm"
          style={{ cursor: 'pointer' }}
        >
          {vetting.score} · {verdictLabels[vetting.verdict]}
        </Badge>
      </Anchor>
    </Tooltip>
  );
}

export function Handles({ handles }: { handles: Applicant['creator']['handles'] }) {
  if (handles.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No handles
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {handles.map((h) => (
        <Text key={`${h.platform}:${h.handle}`} size="sm">
          @{h.handle}
          <Text span c="dimmed" size="xs">
            {' '}
            · {h.platform}
            {h.followers !== null ? ` · ${formatCompact(h.followers)}` : ''}
          </Text>
        </Text>
      ))}
    </Group>
  );
}
