// A coloured dot and words for what a connection last received: a webhook connection's last delivery, or
// for the pixel, the API and CSV imports (which send orders, not deliveries) its last order.
import { Badge, ColorSwatch, Group, Text, Tooltip } from '@mantine/core';
import { isWebhookKind } from '../../../core/stores/kinds';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { Connection, DeliveryStatus } from './api';
import { statusColors, statusLabels } from './kinds';

/** A delivery's outcome in a word or two, beside its time in the list. */
const statusWords: Record<DeliveryStatus, string> = {
  processed: 'Processed',
  duplicate: 'Already counted',
  held: 'Held',
  ignored: 'Ignored',
  failed: 'Failed',
  refused: 'Refused',
};

function Dot(props: { color: string; children: string; dimmed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch color={props.color} size={10} withShadow={false} />
      <Text size="sm" c={props.dimmed ? 'dimmed' : undefined}>
        {props.children}
      </Text>
    </Group>
  );
}

export function LastDelivery({ connection }: { connection: Connection }) {
  const last = connection.lastDelivery;
  if (connection.isDisabled) {
    return (
      <Badge color="gray" variant="light">
        Disabled
      </Badge>
    );
  }
  if (!isWebhookKind(connection.kind)) {
    return connection.lastOrderAt ? (
      <Tooltip label={`Last order received ${formatDateTime(connection.lastOrderAt)}`}>
        <div>
          <Dot color="var(--mantine-color-teal-6)">{`Received ${formatRelative(connection.lastOrderAt)}`}</Dot>
        </div>
      </Tooltip>
    ) : (
      <Dot color="var(--mantine-color-gray-4)" dimmed>
        No order yet
      </Dot>
    );
  }
  if (!last) {
    return (
      <Dot color="var(--mantine-color-gray-4)" dimmed>
        Nothing from the store yet
      </Dot>
    );
  }
  return (
    <Tooltip
      label={`${statusLabels[last.status]}, HTTP ${last.httpStatus}, ${formatDateTime(last.receivedAt)}`}
    >
      <div>
        <Dot color={`var(--mantine-color-${statusColors[last.status]}-6)`}>
          {`${statusWords[last.status]} · ${formatRelative(last.receivedAt)}`}
        </Dot>
      </div>
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
