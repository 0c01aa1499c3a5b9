// A coloured dot and words for a connection's last delivery ("never" when nothing has arrived yet).
import { Badge, ColorSwatch, Group, Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { Connection, DeliveryStatus } from './api';
import { statusColors, statusLabels } from './kinds';

export function LastDelivery({ connection }: { connection: Connection }) {
  const last = connection.lastDelivery;
  if (connection.isDisabled) {
    return (
      <Badge color="gray" variant="light">
        Disabled
      </Badge>
    );
  }
  if (!last) {
    return (
      <Group gap={6} wrap="nowrap">
        <ColorSwatch color="var(--mantine-color-gray-4)" size={10} withShadow={false} />
        <Text size="sm" c="dimmed">
          Nothing from the store yet
        </Text>
      </Group>
    );
  }
  return (
    <Tooltip
      label={`${statusLabels[last.status]}, HTTP ${last.httpStatus}, ${formatDateTime(last.receivedAt)}`}
    >
      <Group gap={6} wrap="nowrap">
        <ColorSwatch
          color={`var(--mantine-color-${statusColors[last.status]}-6)`}
          size={10}
          withShadow={false}
        />
        <Text size="sm">
          {last.status} · {formatRelative(last.receivedAt)}
        </Text>
      </Group>
    </Tooltip>
  );
}

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {status}
    </Badge>
  );
}
