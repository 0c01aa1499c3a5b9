// People: every creator in the workspace, searchable and filterable by program and stage, with paging,
// CSV import and export, and a form for adding someone by hand.
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconDownload, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type Stage, stageLabels, stages } from '../../../core/pipeline/stages';
import type { PeopleSearch } from '../../app/router';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { ErrorView, PageHeader } from '../../components/page';
import { AddOrImportButtons } from '../../features/people/add-or-import-buttons';
import { type Creator, createCreator, creatorsQuery, exportCsvUrl } from '../../features/people/api';
import { CreatorForm } from '../../features/people/creator-form';
import { ImportCsvModal } from '../../features/people/import-csv-modal';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { countryName } from '../../lib/countries';
import { formatCompact, formatNumber } from '../../lib/format';
import { platformLabels, stageColors } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/people');
const pageSize = 25;

export function PeoplePage() {
  const { workspaceId, can } = useWorkspace();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const page = search.page ?? 1;
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const list = useQuery(
    creatorsQuery(workspaceId, {
      q: search.q,
      programId: search.programId,
      stage: search.stage,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const [creating, createDisclosure] = useDisclosure(false);
  const [importing, importDisclosure] = useDisclosure(false);
  const [q, setQ] = useState(search.q ?? '');

  const setSearch = (patch: Partial<PeopleSearch>) =>
    void navigate({
      to: '/w/$workspaceId/people',
      params: { workspaceId },
      search: { ...search, page: undefined, ...patch },
      replace: true,
    });
  const setQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 300);
  const hasFilters = Boolean(search.q || search.programId || search.stage);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const addOrImport = can('people.write') ? (
    <AddOrImportButtons
      addLabel="New creator"
      onAdd={createDisclosure.open}
      onImport={importDisclosure.open}
    />
  ) : null;

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone you work with or might: customers, prospects, applicants and ambassadors."
        actions={
          <>
            {addOrImport}
            <Button
              component="a"
              href={exportCsvUrl(workspaceId, search)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export CSV
            </Button>
          </>
        }
      />

      <Paper withBorder radius="lg" p="md" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Name, email or handle"
            leftSection={<IconSearch size={16} />}
            rightSection={list.isFetching ? <Loader size={14} /> : null}
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              setQuery(event.currentTarget.value);
            }}
            style={{ flex: '1 1 260px' }}
          />
          <Select
            label="Program"
            placeholder="All programs"
            data={programs.map((p) => ({ value: p.id, label: p.name }))}
            value={search.programId ?? null}
            onChange={(value) => setSearch({ programId: value ?? undefined })}
            clearable
            w={220}
          />
          <Select
            label="Stage"
            placeholder="Any stage"
            data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
            value={search.stage ?? null}
            onChange={(value) => setSearch({ stage: stages.find((s) => s === value) })}
            clearable
            w={180}
          />
          {hasFilters ? (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setQ('');
                setSearch({ q: undefined, programId: undefined, stage: undefined });
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
      </Paper>

      {list.isError ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Paper withBorder radius="lg" p="xl">
          <Group justify="center">
            <Loader aria-label="Loading people" />
          </Group>
        </Paper>
      ) : total === 0 && hasFilters ? (
        <EmptyCard
          icon={<IconSearch size={28} />}
          title="No one matches these filters"
          description="Try another search, or clear the filters to see everyone."
        />
      ) : total === 0 ? (
        <EmptyCard
          icon={<IconUsers size={28} />}
          variant="light"
          title="No people yet"
          description="Add creators one by one, or import your customer, CRM or loyalty list as a CSV file — the warmest place to find ambassadors."
          actions={addOrImport}
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="People">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Accounts</Table.Th>
                  <Table.Th>Country</Table.Th>
                  <Table.Th>Programs</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                {list.data.items.map((c) => (
                  <PersonRow key={c.id} creator={c} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" p="md" gap="sm">
            <Text size="sm" c="dimmed">
              {formatNumber((page - 1) * pageSize + 1)}–{formatNumber(Math.min(page * pageSize, total))} of{' '}
              {formatNumber(total)}
            </Text>
            {pages > 1 ? (
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => setSearch({ ...search, page: p > 1 ? p : undefined })}
                size="sm"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              />
            ) : null}
          </Group>
        </Paper>
      )}

      <Modal opened={creating} onClose={createDisclosure.close} title="New creator" size="lg">
        <CreatorForm
          initial={null}
          submitLabel="Create creator"
          onCancel={createDisclosure.close}
          onSubmit={async (input) => {
            const created = await createCreator(workspaceId, input);
            await queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] });
            notifySuccess(`${created.name} was added.`);
            createDisclosure.close();
          }}
        />
      </Modal>
      <ImportCsvModal
        opened={importing}
        onClose={importDisclosure.close}
        programs={programs}
        defaultProgramId={search.programId}
      />
    </>
  );
}

function PersonRow({ creator: c }: { creator: Creator }) {
  const { workspaceId } = useWorkspace();
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink
          to="/w/$workspaceId/creators/$creatorId"
          params={{ workspaceId, creatorId: c.id }}
          fw={500}
          size="sm"
        >
          {c.name}
        </AnchorLink>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={c.email ? undefined : 'dimmed'}>
          {c.email ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        {c.socialAccounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {c.socialAccounts.map((a) => (
              <Text key={a.id} size="sm">
                @{a.handle}{' '}
                <Text span size="xs" c="dimmed">
                  {platformLabels[a.platform]} · {formatCompact(a.followers)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{c.country ? countryName(c.country) : '—'}</Text>
      </Table.Td>
      <Table.Td>
        {c.programs.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Group gap={4}>
            {c.programs.map((m) => (
              <Badge
                key={m.ambassadorId}
                variant="light"
                color={stageColors[m.stage as Stage]}
                radius="sm"
                tt="none"
              >
                {m.programName}: {stageLabels[m.stage]}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
