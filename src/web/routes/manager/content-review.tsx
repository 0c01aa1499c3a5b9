// The review queue (B4): drafts waiting longest first, with the 24-hour SLA and the compliance summary.
import { Badge, Card, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { type SubmissionStatus, submissionsQuery } from '../../features/content/api';
import {
  formatLabels,
  platformLabels,
  rulesSummary,
  slaText,
  statusColors,
  statusLabels,
} from '../../features/content/labels';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate, formatRelative } from '../../lib/format';

const route = getRouteApi('/w/$workspaceId/content/review');

const statusFilters: Array<{ value: SubmissionStatus | 'all'; label: string }> = [
  { value: 'in_review', label: 'Waiting' },
  { value: 'changes_requested', label: 'Changes requested' },
  { value: 'approved', label: 'Approved' },
  { value: 'all', label: 'All' },
];

export function ContentReviewPage() {
  const { workspaceId } = useWorkspace();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/w/$workspaceId/content/review' });
  const status: SubmissionStatus | 'all' = search.status ?? 'in_review';
  const filter = { status: status === 'all' ? undefined : status, programId: search.programId };
  const { data } = useSuspenseQuery(submissionsQuery(workspaceId, filter));
  const programs = useQuery(programsQuery(workspaceId));
  const overdue = data.items.filter((s) => s.sla?.isOverdue).length;

  return (
    <>
      <PageHeader
        title="Review queue"
        description={
          status === 'in_review'
            ? `${data.items.length} draft${data.items.length === 1 ? '' : 's'} waiting${overdue > 0 ? `, ${overdue} past the 24-hour target` : ''}. Oldest first.`
            : 'Drafts by status, oldest first.'
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                status:
                  value === 'in_review' ? undefined : (value as 'changes_requested' | 'approved' | 'all'),
              }),
            })
          }
          data={statusFilters}
          aria-label="Status"
        />
        <Select
          placeholder="All programs"
          aria-label="Program"
          clearable
          data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={search.programId ?? null}
          onChange={(value) =>
            void navigate({ search: (prev) => ({ ...prev, programId: value ?? undefined }) })
          }
          w={240}
        />
      </Group>
      {data.items.length === 0 ? (
        <EmptyCard
          icon={<IconChecklist size={32} />}
          title={status === 'in_review' ? 'Nothing waiting for review' : 'No drafts here'}
          description="Ambassadors submit drafts from their portal (Content tab); each arrives here with its compliance check. Invite ambassadors to the portal from their page under People."
        />
      ) : (
        <Card withBorder radius="lg" p={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ambassador</Table.Th>
                  <Table.Th>Draft</Table.Th>
                  <Table.Th>Compliance</Table.Th>
                  <Table.Th>Waiting</Table.Th>
                  <Table.Th>Planned</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => {
                  const sla = s.sla ? slaText(s.sla) : null;
                  return (
                    <Table.Tr key={s.id} data-submission={s.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/w/$workspaceId/content/$submissionId"
                          params={{ workspaceId, submissionId: s.id }}
                          fw={600}
                        >
                          {s.creatorName}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {s.programName}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Text size="sm">
                          {platformLabels[s.platform]} {formatLabels[s.format].toLowerCase()} · round{' '}
                          {s.currentRound}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                          {s.caption}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={240}>
                        {s.failingMustRules.length > 0 ? (
                          <>
                            <Badge color="red" variant="light">
                              {s.failingMustRules.length} failing
                            </Badge>
                            <Text size="xs" c="dimmed" mt={2}>
                              {rulesSummary(s.failingMustRules)}
                            </Text>
                          </>
                        ) : (
                          <Badge color="green" variant="light">
                            Passes
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {sla ? (
                          <Badge
                            color={sla.color}
                            variant={sla.color === 'red' ? 'filled' : 'light'}
                            data-sla
                          >
                            {sla.label}
                          </Badge>
                        ) : (
                          <Badge color={statusColors[s.status]} variant="light">
                            {statusLabels[s.status]}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          sent {formatRelative(s.submittedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{s.plannedAt ? formatDate(s.plannedAt) : '—'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
