// Programs list: each program's objective, status, seats and pipeline at a glance (the workspace home).
import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { reviewableStages } from '../../../core/committee/review-stages';
import { type Stage, stageLabels, stages } from '../../../core/pipeline/stages';
import { EmptyCard } from '../../components/empty-card';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { StageBadge } from '../../components/stage-badge';
import { BriefStaleBadge } from '../../features/briefs/stale-badge';
import { type Program, programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatMoney } from '../../lib/format';
import { objectiveLabels, statusColors, statusLabels } from '../../lib/labels';

export function ProgramsPage() {
  const { workspaceId, workspace, can } = useWorkspace();
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const canWrite = can('programs.write');
  const newButton = canWrite ? (
    <ButtonLink
      to="/w/$workspaceId/programs/new"
      params={{ workspaceId }}
      leftSection={<IconPlus size={16} />}
    >
      New program
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Programs"
        description={`Ambassador programs in ${workspace.name}: who you recruit, what you ask of them, and where everyone stands.`}
        actions={programs.length > 0 ? newButton : null}
      />
      {programs.length === 0 ? (
        <EmptyCard
          icon={<IconTargetArrow size={28} />}
          variant="light"
          title="Create your first program"
          description={
            canWrite
              ? 'A program sets out why you work with ambassadors, who you are looking for and what you offer. Start with a name and an objective; you can refine the rest later.'
              : 'There are no programs yet. A manager or admin of this workspace can create one.'
          }
          actions={newButton}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
          {programs.map((program) => (
            <ProgramCard key={program.id} program={program} canWrite={canWrite} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function ProgramCard({ program, canWrite }: { program: Program; canWrite: boolean }) {
  const { workspaceId } = useWorkspace();
  const counts = stages
    .map((stage) => [stage, program.stageCounts[stage] ?? 0] as [Stage, number])
    .filter(([, n]) => n > 0);
  const people = counts.reduce((sum, [, n]) => sum + n, 0);
  const seatShare = program.capacity ? Math.min(100, (program.seatsTaken / program.capacity) * 100) : 0;
  return (
    <Card withBorder radius="lg" padding="lg" component="article" aria-label={program.name}>
      <Stack gap="md" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }}>
              {program.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light" radius="sm">
                {objectiveLabels[program.objective]}
              </Badge>
              <Badge variant="dot" color={statusColors[program.status]} radius="sm">
                {statusLabels[program.status]}
              </Badge>
              <BriefStaleBadge workspaceId={workspaceId} programId={program.id} />
            </Group>
          </Stack>
        </Group>
        {program.why ? (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {program.why}
          </Text>
        ) : null}
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Seats
            </Text>
            <Text size="sm" c="dimmed">
              {program.capacity
                ? `${program.seatsTaken} of ${program.capacity} taken`
                : `${program.seatsTaken} taken · no limit`}
            </Text>
          </Group>
          {program.capacity ? (
            <Progress
              value={seatShare}
              color={seatShare >= 100 ? 'orange' : 'violet'}
              aria-label={`${program.seatsTaken} of ${program.capacity} seats taken`}
            />
          ) : null}
        </Stack>
        <Stack gap={6} style={{ flex: 1 }}>
          <Text size="sm" fw={500}>
            Pipeline · {people} {people === 1 ? 'person' : 'people'}
          </Text>
          {counts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No one yet. Add creators or import a list from the pipeline.
            </Text>
          ) : (
            <Group gap={6}>
              {counts.map(([stage, n]) => (
                <Tooltip key={stage} label={`${n} ${stageLabels[stage]}`}>
                  <StageBadge stage={stage} rightSection={<b>{n}</b>} />
                </Tooltip>
              ))}
            </Group>
          )}
        </Stack>
        {program.budgetMinor !== null ? (
          <Text size="xs" c="dimmed">
            Budget {formatMoney(program.budgetMinor, program.currency)}
          </Text>
        ) : null}
        <Group gap="sm">
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/pipeline"
            params={{ workspaceId, programId: program.id }}
            variant="light"
            aria-label={`Open pipeline of ${program.name}`}
          >
            Open pipeline
          </ButtonLink>
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/committee"
            params={{ workspaceId, programId: program.id }}
            variant="subtle"
            aria-label={`Committee of ${program.name}`}
          >
            Committee ({reviewableStages.reduce((n, s) => n + (program.stageCounts[s] ?? 0), 0)})
          </ButtonLink>
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/briefs"
            params={{ workspaceId, programId: program.id }}
            variant="subtle"
            aria-label={`Briefs of ${program.name}`}
          >
            Briefs
          </ButtonLink>
          {canWrite ? (
            <ButtonLink
              to="/w/$workspaceId/programs/$programId/edit"
              params={{ workspaceId, programId: program.id }}
              variant="subtle"
              color="gray"
              leftSection={<IconPencil size={14} />}
              aria-label={`Edit ${program.name}`}
            >
              Edit
            </ButtonLink>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
