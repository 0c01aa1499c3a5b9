// A pipeline as a board: a column per stage, people as cards. A card can be dragged only onto the stages the
// pipeline allows next; other columns fade while it is dragged.
import { Badge, Card, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { type Stage, stageLabels, stages, transitions } from '../../../core/pipeline/stages';
import { AnchorLink } from '../../components/links';
import { formatCompact, formatDateTime, formatRelative } from '../../lib/format';
import type { Ambassador } from '../people/api';
import { MoveStageMenu } from '../people/move-stage';
import { useWorkspace } from '../workspaces/workspace-context';
import { handleOf, type PipelineViewProps, platformOf } from './pipeline-view';

export function PipelineBoard({ ambassadors, canMove, onMove }: PipelineViewProps) {
  const [dragging, setDragging] = useState<Ambassador | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  const byStage = useMemo(() => {
    const map = new Map<Stage, Ambassador[]>(stages.map((s) => [s, []]));
    for (const a of ambassadors) map.get(a.stage)?.push(a);
    return map;
  }, [ambassadors]);

  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={10}>
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
        {stages.map((stage) => {
          const people = byStage.get(stage) ?? [];
          const isAllowedTarget = dragging !== null && transitions[dragging.stage].includes(stage);
          return (
            <Paper
              key={stage}
              component="section"
              aria-label={stageLabels[stage]}
              // Empty stages stay narrow so the people in the pipeline fit on screen.
              w={people.length > 0 ? 248 : 172}
              miw={people.length > 0 ? 248 : 172}
              p="xs"
              radius="md"
              bg={
                over === stage && isAllowedTarget
                  ? 'var(--mantine-color-violet-0)'
                  : 'var(--mantine-color-gray-1)'
              }
              style={{
                outline: isAllowedTarget ? '2px dashed var(--mantine-color-violet-4)' : undefined,
                opacity: dragging && !isAllowedTarget && dragging.stage !== stage ? 0.55 : 1,
                transition: 'opacity 120ms, background-color 120ms',
              }}
              onDragOver={(event) => {
                if (!isAllowedTarget) return;
                event.preventDefault();
                setOver(stage);
              }}
              onDragLeave={() => setOver((s) => (s === stage ? null : s))}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging && isAllowedTarget) onMove(dragging, stage);
                setDragging(null);
                setOver(null);
              }}
            >
              <Group justify="space-between" px={4} pb="xs" wrap="nowrap" gap={6}>
                <Text fw={600} size="sm" truncate title={stageLabels[stage]}>
                  {stageLabels[stage]}
                </Text>
                <Badge size="sm" variant="white" color="gray">
                  {people.length}
                </Badge>
              </Group>
              <Stack gap={8} mih={60}>
                {people.length === 0 ? (
                  <Text size="xs" c="dimmed" ta="center" py="md">
                    No one here
                  </Text>
                ) : (
                  people.map((a) => (
                    <PipelineCard
                      key={a.id}
                      ambassador={a}
                      canMove={canMove}
                      onMove={onMove}
                      onDragStart={() => setDragging(a)}
                      onDragEnd={() => {
                        setDragging(null);
                        setOver(null);
                      }}
                    />
                  ))
                )}
              </Stack>
            </Paper>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

function PipelineCard(props: {
  ambassador: Ambassador;
  canMove: boolean;
  onMove: (a: Ambassador, to: Stage) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { workspaceId } = useWorkspace();
  const a = props.ambassador;
  return (
    <Card
      component="article"
      aria-label={a.creator.name}
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      draggable={props.canMove}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', a.id);
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      style={{ cursor: props.canMove ? 'grab' : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <AnchorLink
            to="/w/$workspaceId/creators/$creatorId"
            params={{ workspaceId, creatorId: a.creatorId }}
            fw={600}
            size="sm"
            c="dark"
            truncate
          >
            {a.creator.name}
          </AnchorLink>
          <Text size="xs" c="dimmed" truncate>
            {handleOf(a)}
            {platformOf(a) ? ` · ${platformOf(a)}` : ''}
          </Text>
        </Stack>
        {props.canMove ? (
          <MoveStageMenu name={a.creator.name} stage={a.stage} onPick={(to) => props.onMove(a, to)} />
        ) : null}
      </Group>
      <Group justify="space-between" mt={6}>
        <Text size="xs" fw={500}>
          {a.creator.followers !== null
            ? `${formatCompact(a.creator.followers)} followers`
            : 'Followers unknown'}
        </Text>
        <Text size="xs" c="dimmed" title={formatDateTime(a.stageChangedAt)}>
          {formatRelative(a.stageChangedAt)}
        </Text>
      </Group>
    </Card>
  );
}
