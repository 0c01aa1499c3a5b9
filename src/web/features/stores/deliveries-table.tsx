// The last 50 deliveries of a connection: topic, outcome, HTTP status, detail, time. Details are
// untrusted text from the platform and shown as text.
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { EmptyCard } from '../../components/empty-card';
import { formatDateTime } from '../../lib/format';
import type { Delivery } from './api';
import { StatusBadge } from './status-dot';

/** Topics of the "Send test delivery" samples (see testTopics on the server). */
const testTopics = new Set(['troupe/test', 'troupe.test']);

export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) {
    return (
      <EmptyCard
        icon={<IconInbox size={28} />}
        variant="light"
        title="No deliveries yet"
        description="Once the platform sends its first webhook it shows here with its outcome. Send a test delivery to check the secret and the URL now."
      />
    );
  }
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Received</Table.Th>
              <Table.Th>Topic</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th ta="right">HTTP</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm">{formatDateTime(d.receivedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" ff="monospace">
                      {d.topic}
                    </Text>
                    {testTopics.has(d.topic) ? (
                      <Badge size="xs" color="gray" variant="light">
                        test
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td ta="right">{d.httpStatus}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {d.detail ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
