// A pipeline as a table, sortable by any column (by stage, in pipeline order, to begin with).
import { Paper, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { stages } from '../../../core/pipeline/stages';
import { AnchorLink } from '../../components/links';
import { StageBadge } from '../../components/stage-badge';
import { countryName } from '../../lib/countries';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import type { Ambassador } from '../people/api';
import { MoveStageMenu } from '../people/move-stage';
import { useWorkspace } from '../workspaces/workspace-context';
import { handleOf, type PipelineViewProps, platformOf } from './pipeline-view';

type SortKey = 'name' | 'handle' | 'followers' | 'country' | 'stage' | 'since';

const sorters: Record<SortKey, (a: Ambassador, b: Ambassador) => number> = {
  name: (a, b) => a.creator.name.localeCompare(b.creator.name),
  handle: (a, b) => (a.creator.handle ?? '').localeCompare(b.creator.handle ?? ''),
  followers: (a, b) => (a.creator.followers ?? -1) - (b.creator.followers ?? -1),
  country: (a, b) => (a.creator.country ?? '').localeCompare(b.creator.country ?? ''),
  stage: (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage),
  since: (a, b) => a.stageChangedAt.localeCompare(b.stageChangedAt),
};

export function PipelineTable({ ambassadors, canMove, onMove }: PipelineViewProps) {
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
