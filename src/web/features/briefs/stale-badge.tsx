// The "brief is stale" badge for a program (programs list and program page). Renders nothing until the
// staleness is known, and nothing for a program whose briefs are fresh.
import { Badge, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { briefStalenessQuery } from './api';

export function BriefStaleBadge({ workspaceId, programId }: { workspaceId: string; programId: string }) {
  const { data } = useQuery(briefStalenessQuery(workspaceId));
  const entry = data?.items.find((i) => i.programId === programId);
  if (!data || !entry || entry.staleBriefs === 0) return null;
  return (
    <Tooltip
      label={`Not updated for ${entry.oldestAgeDays} days (more than ${data.staleAfterDays}). Review it and publish a new version.`}
    >
      <Badge
        color="orange"
        variant="light"
        radius="sm"
        component="span"
        leftSection={<IconClockExclamation size={12} />}
      >
        Brief is stale
      </Badge>
    </Tooltip>
  );
}
