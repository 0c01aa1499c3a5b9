// A pipeline stage as a coloured badge.
import { Badge, type BadgeProps } from '@mantine/core';
import { type Stage, stageLabels } from '../../core/pipeline/stages';
import { stageColors } from '../lib/labels';

export function StageBadge({ stage, ...props }: { stage: Stage } & BadgeProps) {
  return (
    <Badge color={stageColors[stage]} variant="light" radius="sm" {...props}>
      {stageLabels[stage]}
    </Badge>
  );
}
