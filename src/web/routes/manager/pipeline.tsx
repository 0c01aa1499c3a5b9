// A program's pipeline (PRODUCT R6): a board with a column per stage, or a sortable table. People move only
// to the stages the pipeline allows next — by menu, or by dragging a card onto an allowed column.
import {
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  Paper,
  Progress,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconChevronDown,
  IconChevronUp,
  IconDownload,
  IconPencil,
  IconSelector,
  IconUpload,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { type Stage, stageLabels, stages, transitions } from '../../../core/pipeline/stages';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { StageBadge } from '../../components/stage-badge';
import { AddCreatorModal } from '../../features/people/add-creator-modal';
import { type Ambassador, ambassadorsQuery, exportCsvUrl } from '../../features/people/api';
import { ImportCsvModal } from '../../features/people/import-csv-modal';
import { MoveStageMenu, useStageMove } from '../../features/people/move-stage';
import { type Program, programQuery, programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { countryName } from '../../lib/countries';
import { formatCompact, formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { objectiveLabels, type Platform, platformLabels, statusColors, statusLabels } from '../../lib/labels';

const StageChart = lazy(() => import('../../features/programs/stage-chart'));
const route = getRouteApi('/w/$workspaceId/programs/$programId/pipeline');

export function PipelinePage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const { view = 'board' } = route.useSearch();
  const navigate = useNavigate();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: ambassadors } = useSuspenseQuery(ambassadorsQuery(workspaceId, programId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [adding, addDisclosure] = useDisclosure(false);
  const [importing, importDisclosure] = useDisclosure(false);
  const [showChart, chartDisclosure] = useDisclosure(false);
  const [requestMove, moveDialog] = useStageMove();
  const canMove = can('pipeline.move');
  const existing = useMemo(() => new Set(ambassadors.map((a) => a.creatorId)), [ambassadors]);

  const onMove = (a: Ambassador, to: Stage) =>
    requestMove({ ambassadorId: a.id, name: a.creator.name, from: a.stage, to, programName: program.name });

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId" params={{ workspaceId }} size="sm">
            ← Programs
          </AnchorLink>
        }
        title={program.name}
        description={
          <Group gap={8} component="span">
            <Badge variant="light" radius="sm" component="span">
              {objectiveLabels[program.objective]}
            </Badge>
            <Badge variant="dot" color={statusColors[program.status]} radius="sm" component="span">
              {statusLabels[program.status]}
            </Badge>
          </Group>
        }
        actions={
          <>
            {canMove ? (
              <Button leftSection={<IconUserPlus size={16} />} onClick={addDisclosure.open}>
                Add creator
              </Button>
            ) : null}
            {can('people.write') ? (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                onClick={importDisclosure.open}
              >
                Import CSV
              </Button>
            ) : null}
            <Button
              component="a"
              href={exportCsvUrl(workspaceId, { programId })}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export CSV
            </Button>
            {can('programs.write') ? (
              <ButtonLink
                to="/w/$workspaceId/programs/$programId/edit"
                params={{ workspaceId, programId }}
                variant="subtle"
                leftSection={<IconPencil size={16} />}
              >
                Edit program
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <Paper withBorder radius="lg" p="md" mb="lg">
        <Group justify="space-between" gap="lg" wrap="wrap">
          <Group gap="xl" wrap="wrap">
            <Capacity program={program} />
            <Stack gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                In pipeline
              </Text>
              <Text fw={600}>{formatNumber(ambassadors.length)}</Text>
            </Stack>
          </Group>
          <Group gap="sm">
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconChartBar size={14} />}
              onClick={chartDisclosure.toggle}
              aria-expanded={showChart}
            >
              {showChart ? 'Hide chart' : 'Show chart'}
            </Button>
            <SegmentedControl
              aria-label="View"
              size="xs"
              value={view}
              onChange={(value) =>
                void navigate({
                  to: '/w/$workspaceId/programs/$programId/pipeline',
                  params: { workspaceId, programId },
                  search: { view: value === 'table' ? 'table' : undefined },
                  replace: true,
                })
              }
              data={[
                { value: 'board', label: 'Board' },
                { value: 'table', label: 'Table' },
              ]}
            />
          </Group>
        </Group>
        {showChart ? (
          <Box pt="md" h={196}>
            <Suspense fallback={null}>
              <StageChart counts={program.stageCounts as Partial<Record<Stage, number>>} />
            </Suspense>
          </Box>
        ) : null}
      </Paper>

      {ambassadors.length === 0 ? (
        <Card withBorder radius="lg" py={48}>
          <EmptyState
            icon={<IconUsers size={28} />}
            variant="light"
            title="No one in this pipeline yet"
            description={
              canMove
                ? 'Add creators you already know, or import your customer or CRM list as prospects — your warmest pool.'
                : 'A manager can add creators or import a list.'
            }
          >
            {canMove ? (
              <EmptyState.Actions>
                <Button leftSection={<IconUserPlus size={16} />} onClick={addDisclosure.open}>
                  Add creator
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconUpload size={16} />}
                  onClick={importDisclosure.open}
                >
                  Import CSV
                </Button>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        </Card>
      ) : view === 'table' ? (
        <PipelineTable ambassadors={ambassadors} canMove={canMove} onMove={onMove} />
      ) : (
        <PipelineBoard ambassadors={ambassadors} canMove={canMove} onMove={onMove} />
      )}

      {moveDialog}
      <AddCreatorModal
        opened={adding}
        onClose={addDisclosure.close}
        programId={programId}
        programName={program.name}
        existingCreatorIds={existing}
      />
      <ImportCsvModal
        opened={importing}
        onClose={importDisclosure.close}
        programs={programs}
        defaultProgramId={programId}
      />
    </>
  );
}

function Capacity({ program }: { program: Program }) {
  const share = program.capacity ? Math.min(100, (program.seatsTaken / program.capacity) * 100) : 0;
  return (
    <Stack gap={4} miw={180}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Seats
      </Text>
      <Text fw={600} aria-label="Seats taken">
        {program.capacity
          ? `${program.seatsTaken} of ${program.capacity} taken`
          : `${program.seatsTaken} taken (no limit)`}
      </Text>
      {program.capacity ? (
        <Progress value={share} color={share >= 100 ? 'orange' : 'violet'} size="sm" />
      ) : null}
    </Stack>
  );
}

interface ViewProps {
  ambassadors: Ambassador[];
  canMove: boolean;
  onMove: (a: Ambassador, to: Stage) => void;
}

function handleOf(a: Ambassador): string {
  return a.creator.handle ? `@${a.creator.handle}` : '—';
}

function platformOf(a: Ambassador): string {
  const platform = a.creator.platform as Platform | null;
  return platform && platform in platformLabels ? platformLabels[platform] : '';
}

function PipelineBoard({ ambassadors, canMove, onMove }: ViewProps) {
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

type SortKey = 'name' | 'handle' | 'followers' | 'country' | 'stage' | 'since';

const sorters: Record<SortKey, (a: Ambassador, b: Ambassador) => number> = {
  name: (a, b) => a.creator.name.localeCompare(b.creator.name),
  handle: (a, b) => (a.creator.handle ?? '').localeCompare(b.creator.handle ?? ''),
  followers: (a, b) => (a.creator.followers ?? -1) - (b.creator.followers ?? -1),
  country: (a, b) => (a.creator.country ?? '').localeCompare(b.creator.country ?? ''),
  stage: (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage),
  since: (a, b) => a.stageChangedAt.localeCompare(b.stageChangedAt),
};

function PipelineTable({ ambassadors, canMove, onMove }: ViewProps) {
  const { workspaceId } = useWorkspace();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'stage', desc: false });
  const rows = useMemo(() => {
    const sorted = [...ambassadors].sort(sorters[sort.key]);
    return sort.desc ? sorted.reverse() : sorted;
  }, [ambassadors, sort]);

  const header = (key: SortKey, label: string, align?: 'right') => {
    const active = sort.key === key;
    const Icon = active ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
    return (
      <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} ta={align}>
        <UnstyledButton
          onClick={() => setSort({ key, desc: active ? !sort.desc : false })}
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 4,
            fontWeight: 600,
            fontSize: 'inherit',
          }}
        >
          {label}
          <Icon size={14} />
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing="sm" aria-label="Pipeline">
          <Table.Thead>
            <Table.Tr>
              {header('name', 'Name')}
              {header('handle', 'Handle')}
              {header('followers', 'Followers', 'right')}
              {header('country', 'Country')}
              {header('stage', 'Stage')}
              {header('since', 'Since')}
              {canMove ? (
                <Table.Th w={60}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspaceId/creators/$creatorId"
                    params={{ workspaceId, creatorId: a.creatorId }}
                    fw={500}
                    size="sm"
                  >
                    {a.creator.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {handleOf(a)}
                    {platformOf(a) ? (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        · {platformOf(a)}
                      </Text>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(a.creator.followers)}</Table.Td>
                <Table.Td>{a.creator.country ? countryName(a.creator.country) : '—'}</Table.Td>
                <Table.Td>
                  <StageBadge stage={a.stage} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(a.stageChangedAt)}>
                    {formatRelative(a.stageChangedAt)}
                  </Text>
                </Table.Td>
                {canMove ? (
                  <Table.Td>
                    <MoveStageMenu name={a.creator.name} stage={a.stage} onPick={(to) => onMove(a, to)} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
