// The UGC library (B7): published pieces as a grid with filters, rights badges, the detail drawer and a
// bulk export for an intended channel (refused, naming each asset, when a right is missing or expired).
import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPhoto, IconSearch, IconSend } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { type AssetFilters, assetsQuery, exportAssets } from '../../features/library/api';
import { AssetCard } from '../../features/library/asset-card';
import { AssetDrawer } from '../../features/library/asset-drawer';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { ApiError } from '../../lib/api';
import {
  formatLabels,
  optionsOf,
  platformLabels,
  type UsageChannel,
  usageChannelLabels,
} from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';

const route = getRouteApi('/w/$workspaceId/library');

const rightsOptions = [
  { value: 'active', label: 'Active' },
  { value: 'expiring_soon', label: 'Expiring within 30 days' },
  { value: 'expired', label: 'Expired' },
];

export function LibraryPage() {
  const { workspaceId, can } = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [filters, setFilters] = useState<AssetFilters>({ sort: 'newest' });
  const set = (patch: Partial<AssetFilters>) => setFilters((old) => ({ ...old, ...patch }));
  const query = { ...filters, q: debouncedQ.trim() || undefined };
  const { data, isFetching } = useQuery({
    ...assetsQuery(workspaceId, query),
    placeholderData: (prev) => prev,
  });
  const { data: everything } = useSuspenseQuery(assetsQuery(workspaceId, { sort: 'newest' }));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [channel, setChannel] = useState<UsageChannel>('paid_social');
  const [exporting, setExporting] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; lines: string[] } | null>(null);

  const items = data?.items ?? everything.items;
  const nameOf = new Map(everything.items.map((a) => [a.id, `${a.creatorName}’s ${formatLabels[a.format]}`]));
  const ambassadors = [
    ...new Map(everything.items.map((a) => [a.ambassadorId, a.creatorName])).entries(),
  ].map(([value, label]) => ({ value, label }));
  const filtered = Object.entries(query).some(([k, v]) => k !== 'sort' && v !== undefined && v !== '');
  const openAsset = (assetId: string | undefined) =>
    navigate({ search: (old) => ({ ...old, asset: assetId }), replace: true });

  const runExport = async () => {
    setExporting(true);
    setRefusal(null);
    try {
      const { name } = await exportAssets(workspaceId, [...selected], channel);
      notifySuccess(`Downloaded ${name} (${selected.size} ${selected.size === 1 ? 'asset' : 'assets'}).`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problems.length > 0)
        setRefusal({
          message: `Not exported: ${e.problems.length} of ${selected.size} selected ${selected.size === 1 ? 'asset has' : 'assets have'} no current ${usageChannelLabels[channel].toLowerCase()} right. Expired assets cannot be exported for paid use.`,
          lines: e.problems.map((p) => {
            const id = p.message.split(' ')[0] ?? '';
            return `${nameOf.get(id) ?? id}: ${p.message.slice(id.length + 1)}`;
          }),
        });
      else setRefusal({ message: messageOf(e), lines: [] });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Library"
        description="Every approved and published piece, with who made it, how it performed and where you may reuse it."
        actions={
          <ButtonLink
            to="/w/$workspaceId/content/published"
            params={{ workspaceId }}
            variant="default"
            leftSection={<IconSend size={16} />}
          >
            Published content
          </ButtonLink>
        }
      />
      {everything.total === 0 ? (
        <EmptyCard
          icon={<IconPhoto size={28} />}
          variant="light"
          title="No assets yet"
          description="A piece joins the library when its post URL is recorded after approval. Record one on the Published content page."
          actions={
            <ButtonLink to="/w/$workspaceId/content/published" params={{ workspaceId }}>
              Go to published content
            </ButtonLink>
          }
        />
      ) : (
        <Stack gap="md">
          <Paper withBorder radius="lg" p="md">
            <Stack gap="sm">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  label="Search"
                  placeholder="Caption, @handle or name"
                  leftSection={<IconSearch size={16} />}
                  value={q}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  w={240}
                />
                <Select
                  label="Ambassador"
                  placeholder="Anyone"
                  data={ambassadors}
                  value={filters.ambassadorId ?? null}
                  onChange={(v) => set({ ambassadorId: v ?? undefined })}
                  clearable
                  searchable
                  w={180}
                />
                <Select
                  label="Program"
                  placeholder="All"
                  data={programs.map((p) => ({ value: p.id, label: p.name }))}
                  value={filters.programId ?? null}
                  onChange={(v) => set({ programId: v ?? undefined })}
                  clearable
                  w={180}
                />
                <Select
                  label="Product"
                  placeholder="Any"
                  data={everything.products}
                  value={filters.product ?? null}
                  onChange={(v) => set({ product: v ?? undefined })}
                  clearable
                  searchable
                  w={160}
                />
                <Select
                  label="Platform"
                  placeholder="Any"
                  data={optionsOf(platformLabels)}
                  value={filters.platform ?? null}
                  onChange={(v) => set({ platform: v ?? undefined })}
                  clearable
                  w={130}
                />
                <Select
                  label="Format"
                  placeholder="Any"
                  data={optionsOf(formatLabels)}
                  value={filters.format ?? null}
                  onChange={(v) => set({ format: v ?? undefined })}
                  clearable
                  w={130}
                />
              </Group>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label="Published from"
                  value={filters.publishedFrom ?? ''}
                  onChange={(e) => set({ publishedFrom: e.currentTarget.value || undefined })}
                  w={150}
                />
                <TextInput
                  type="date"
                  label="to"
                  value={filters.publishedTo ?? ''}
                  onChange={(e) => set({ publishedTo: e.currentTarget.value || undefined })}
                  w={150}
                />
                <NumberInput
                  label="Min. views"
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  value={filters.minViews ?? ''}
                  onChange={(v) => set({ minViews: typeof v === 'number' ? v : undefined })}
                  w={120}
                />
                <NumberInput
                  label="Min. engagement"
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  value={filters.minEngagement ?? ''}
                  onChange={(v) => set({ minEngagement: typeof v === 'number' ? v : undefined })}
                  w={140}
                />
                <Select
                  label="Rights"
                  placeholder="Any"
                  data={rightsOptions}
                  value={filters.rights ?? null}
                  onChange={(v) => set({ rights: (v as AssetFilters['rights']) ?? undefined })}
                  clearable
                  w={190}
                />
                <Select
                  label="Channel"
                  placeholder="Any"
                  data={optionsOf(usageChannelLabels)}
                  value={filters.channel ?? null}
                  onChange={(v) => set({ channel: v ?? undefined })}
                  clearable
                  w={150}
                />
                <Select
                  label="Sort"
                  data={[
                    { value: 'newest', label: 'Newest' },
                    { value: 'most_viewed', label: 'Most viewed' },
                  ]}
                  value={filters.sort ?? 'newest'}
                  onChange={(v) => set({ sort: v === 'most_viewed' ? 'most_viewed' : 'newest' })}
                  allowDeselect={false}
                  w={140}
                />
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder radius="lg" p="sm">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" aria-live="polite">
                {data?.total ?? everything.total}{' '}
                {(data?.total ?? everything.total) === 1 ? 'asset' : 'assets'}
                {isFetching ? ' …' : ''} · {selected.size} selected
              </Text>
              <Group gap="xs" wrap="wrap">
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setSelected(new Set(items.map((a) => a.id)))}
                  disabled={items.length === 0}
                >
                  Select all shown
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setSelected(new Set())}
                  disabled={selected.size === 0}
                >
                  Clear
                </Button>
                <Text component="label" htmlFor="library-intended-use" size="xs" c="dimmed">
                  Intended use
                </Text>
                <Select
                  id="library-intended-use"
                  size="xs"
                  data={optionsOf(usageChannelLabels)}
                  value={channel}
                  onChange={(v) => v && setChannel(v as UsageChannel)}
                  allowDeselect={false}
                  w={150}
                />
                {can('content.write') ? (
                  <Button
                    size="xs"
                    leftSection={<IconDownload size={14} />}
                    disabled={selected.size === 0}
                    loading={exporting}
                    onClick={runExport}
                  >
                    Export zip
                  </Button>
                ) : null}
              </Group>
            </Group>
          </Paper>

          {refusal ? (
            <Alert color="red" title="Export refused" withCloseButton onClose={() => setRefusal(null)}>
              <Text size="sm">{refusal.message}</Text>
              {refusal.lines.length > 0 ? (
                <List size="sm" mt="xs">
                  {refusal.lines.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}

          {items.length === 0 ? (
            <EmptyCard
              icon={<IconSearch size={28} />}
              variant="light"
              title="Nothing matches these filters"
              description={filtered ? 'Clear a filter or two to see more of the library.' : 'No assets yet.'}
              actions={
                <Button
                  variant="default"
                  onClick={() => {
                    setQ('');
                    setFilters({ sort: 'newest' });
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md">
              {items.map((a) => (
                <AssetCard
                  key={a.id}
                  workspaceId={workspaceId}
                  asset={a}
                  selected={selected.has(a.id)}
                  onSelect={(on) =>
                    setSelected((old) => {
                      const next = new Set(old);
                      if (on) next.add(a.id);
                      else next.delete(a.id);
                      return next;
                    })
                  }
                  onOpen={() => openAsset(a.id)}
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
      <AssetDrawer assetId={search.asset ?? null} onClose={() => openAsset(undefined)} />
    </>
  );
}
