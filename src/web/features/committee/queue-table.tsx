// The committee's queue: applicants in review with their vetting score, the caller's status and, once the
// caller has reviewed, the aggregate and its spread.
import { Badge, Paper, Table, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { StageBadge } from '../../components/stage-badge';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useWorkspace } from '../workspaces/workspace-context';
import type { QueueItem, ReviewStatus } from './api';
import { AggregateText, Handles, VettingBadge } from './score-parts';

const statusBadges: Record<ReviewStatus, { label: string; color: string }> = {
  none: { label: 'To score', color: 'blue' },
  submitted: { label: 'Scored', color: 'teal' },
  abstained: { label: 'Abstained', color: 'gray' },
};

export function QueueTable({ programId, items }: { programId: string; items: QueueItem[] }) {
  const { workspaceId } = useWorkspace();
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={860}>
        <Table highlightOnHover verticalSpacing="sm" aria-label="Review queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Applicant</Table.Th>
              <Table.Th>Handles</Table.Th>
              <Table.Th>Vetting</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Reviews</Table.Th>
              <Table.Th>You</Table.Th>
              <Table.Th>Aggregate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.ambassadorId}>
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspaceId/programs/$programId/committee/$ambassadorId"
                    params={{ workspaceId, programId, ambassadorId: item.ambassadorId }}
                    fw={500}
                    size="sm"
                  >
                    {item.creatorName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Handles handles={item.handles} />
                </Table.Td>
                <Table.Td>
                  <VettingBadge workspaceId={workspaceId} vetting={item.vetting} />
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={item.stage} />
                  <Text size="xs" c="dimmed" title={formatDateTime(item.stageChangedAt)}>
                    {formatRelative(item.stageChangedAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{item.reviewCount}</Table.Td>
                <Table.Td>
                  <Badge variant="light" radius="sm" color={statusBadges[item.myStatus].color}>
                    {statusBadges[item.myStatus].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {item.aggregate ? (
                    <AggregateText aggregate={item.aggregate} />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {item.myStatus === 'none' ? 'Hidden until you score' : '—'}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The queue as CSV (aggregates only where the caller may see them), for offline committee meetings. */
export function queueCsv(items: QueueItem[]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // Quote always; neutralise spreadsheet formulas in names and handles.
    return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
  };
  const header = [
    'applicant',
    'handles',
    'stage',
    'vetting_score',
    'vetting_verdict',
    'reviews',
    'my_status',
    'aggregate',
    'min',
    'max',
    'std_dev',
  ];
  const rows = items.map((i) => [
    i.creatorName,
    i.handles.map((h) => `${h.platform}:@${h.handle}`).join(' '),
    i.stage,
    i.vetting?.score ?? null,
    i.vetting?.verdict ?? null,
    i.reviewCount,
    i.myStatus,
    i.aggregate?.mean ?? null,
    i.aggregate?.min ?? null,
    i.aggregate?.max ?? null,
    i.aggregate?.stdDev ?? null,
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}
