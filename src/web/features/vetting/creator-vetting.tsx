// The "Vetting" card on a creator's page: their reports, newest first, and the way to run a new one.
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/links';
import { ErrorView } from '../../components/page';
import { formatDateTime } from '../../lib/format';
import { useWorkspace } from '../workspaces/workspace-context';
import { reportsQuery } from './api';
import { verdictColors, verdictLabels } from './report-view';
import { RunVettingModal } from './run-vetting-modal';

export function CreatorVetting(props: {
  creatorId: string;
  template: { platform: string; handle: string; followers: number } | null;
}) {
  const { workspaceId, can } = useWorkspace();
  const reports = useQuery(reportsQuery(workspaceId, props.creatorId));
  const [running, runDisclosure] = useDisclosure(false);
  const canRun = can('vetting.run');
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label="Vetting">
      <Group justify="space-between" mb="md">
        <Title order={3} fz="h4">
          Vetting
        </Title>
        {canRun ? (
          <Button size="xs" leftSection={<IconShieldSearch size={14} />} onClick={runDisclosure.open}>
            Run vetting
          </Button>
        ) : null}
      </Group>
      {reports.isError ? (
        <ErrorView error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : reports.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not vetted yet.{' '}
          {canRun
            ? 'Run vetting with their posts, comments and follower data to see engagement, spam comments, growth spikes and fit with your persona, each with its evidence.'
            : 'A reviewer can run vetting to check their engagement, comments and audience.'}
        </Text>
      ) : (
        <Table aria-label="Vetting reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Run</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th>Verdict</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspaceId/vetting/$reportId"
                    params={{ workspaceId, reportId: r.id }}
                    size="sm"
                    fw={500}
                  >
                    {formatDateTime(r.createdAt)}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    @{r.handle}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {r.score}
                  {r.score !== r.originalScore ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (engine {r.originalScore})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={verdictColors[r.verdict]}
                    variant="light"
                    style={{ flexShrink: 0 }}
                    miw="fit-content"
                  >
                    {verdictLabels[r.verdict]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RunVettingModal
        opened={running}
        onClose={runDisclosure.close}
        creatorId={props.creatorId}
        template={props.template}
      />
    </Card>
  );
}
