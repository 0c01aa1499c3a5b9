// Badges for an asset's usage rights: expired and expiring-soon stand out; active ones are quiet.
import { Badge, Group, Tooltip } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { type UsageChannel, usageChannelLabels } from '../../lib/labels';
import type { UsageRightView } from './api';

const colors = { active: 'teal', expiring_soon: 'orange', expired: 'red', upcoming: 'gray' } as const;

export function rightLabel(r: UsageRightView): string {
  const channel = usageChannelLabels[r.channel as UsageChannel] ?? r.channel;
  if (r.status === 'expired') return `${channel}: expired`;
  if (r.status === 'expiring_soon')
    return `${channel}: ${r.daysLeft === 0 ? 'ends today' : `${r.daysLeft}d left`}`;
  if (r.status === 'upcoming') return `${channel}: from ${formatDate(r.startsOn)}`;
  return channel;
}

export function RightsBadges({ rights }: { rights: UsageRightView[] }) {
  if (rights.length === 0)
    return (
      <Badge size="sm" variant="outline" color="gray">
        No usage rights
      </Badge>
    );
  return (
    <Group gap={4}>
      {rights.map((r) => (
        <Tooltip
          key={r.channel}
          label={`${formatDate(r.startsOn)} – ${r.endsOn ? formatDate(r.endsOn) : 'no end'}`}
          withArrow
        >
          <Badge size="sm" variant={r.status === 'active' ? 'light' : 'filled'} color={colors[r.status]}>
            {rightLabel(r)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
