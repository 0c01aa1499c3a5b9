// A program's conversions (PRODUCT T3/T4): every order from its stores, the pixel, the API or CSV, with
// who was credited, how, why, and what refunds took back; totals over the filter; CSV export and import.
import { Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconReceipt, IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader, PageLoader } from '../../components/page';
import {
  type ConversionFilters,
  conversionsQuery,
  exportConversionsUrl,
  pageSize,
} from '../../features/conversions/api';
import { ConversionsTable, methodLabels } from '../../features/conversions/conversions-table';
import { ImportOrdersModal, importableConnections } from '../../features/conversions/import-orders-modal';
import { ambassadorsQuery } from '../../features/people/api';
import { programQuery } from '../../features/programs/api';
import { kindLabels } from '../../features/stores/kinds';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatCount, formatMoney, formatNumber } from '../../lib/format';

const route = getRouteApi('/w/$workspaceId/programs/$programId/conversions');

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

export function ConversionsPage() {
  const { programId } = route.useParams();
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: ambassadors } = useQuery(ambassadorsQuery(workspaceId, programId));
  // A store connection's page links here with `?connection=<id>`: its orders only, until cleared.
  const { connection } = route.useSearch();
  const [filters, setFilters] = useState<ConversionFilters>({ connectionId: connection });
  const [page, setPage] = useState(0);
  const [importing, importDisclosure] = useDisclosure(false);
  const { data, isPending } = useQuery(conversionsQuery(workspaceId, programId, filters, page));
  const setFilter = (next: Partial<ConversionFilters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(0);
  };
  const isFiltered = Object.values(filters).some((v) => v !== undefined);
  const hasImportable = importableConnections(data?.connections ?? []).length > 0;
  const canImport = can('conversions.write') && hasImportable;

  return (
    <>
      <PageHeader
        above={
          <AnchorLink
            to="/w/$workspaceId/programs/$programId/pipeline"
            params={{ workspaceId, programId }}
            size="sm"
          >
            ← {program.name}
          </AnchorLink>
        }
        title="Conversions"
        description="Orders from your stores, pixel, API and imports, credited to at most one ambassador under the program’s rules. Refunds and cancellations take credit back in proportion."
        actions={
          <>
            {canImport ? (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                onClick={importDisclosure.open}
              >
                Import orders
              </Button>
            ) : null}
            <Button
              component="a"
              href={exportConversionsUrl(workspaceId, programId, filters)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={data?.total === 0}
            >
              Export CSV
            </Button>
          </>
        }
      />
      <Stack>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Ambassador"
            placeholder="All ambassadors"
            clearable
            searchable
            w={220}
            data={(ambassadors ?? []).map((a) => ({ value: a.id, label: a.creator.name }))}
            value={filters.ambassadorId ?? null}
            onChange={(v) => setFilter({ ambassadorId: v ?? undefined })}
          />
          <Select
            label="Source"
            placeholder="All sources"
            clearable
            w={220}
            data={(data?.connections ?? []).map((c) => ({
              value: c.id,
              label: `${c.name} · ${kindLabels[c.kind]}`,
            }))}
            value={filters.connectionId ?? null}
            onChange={(v) => setFilter({ connectionId: v ?? undefined })}
          />
          <Select
            label="Credit"
            placeholder="All orders"
            clearable
            w={170}
            data={[
              { value: 'credited', label: 'Credited' },
              { value: 'rejected', label: 'Not credited' },
            ]}
            value={filters.status ?? null}
            onChange={(v) => setFilter({ status: (v as ConversionFilters['status']) ?? undefined })}
          />
          <Select
            label="Method"
            placeholder="Any method"
            clearable
            w={170}
            data={(['code', 'click', 'both'] as const).map((m) => ({ value: m, label: methodLabels[m] }))}
            value={filters.method ?? null}
            onChange={(v) => setFilter({ method: (v as ConversionFilters['method']) ?? undefined })}
          />
          <Select
            label="Refunds"
            placeholder="Any"
            clearable
            w={200}
            data={[
              { value: 'yes', label: 'Refunded or cancelled' },
              { value: 'no', label: 'Not refunded' },
            ]}
            value={filters.refunded ?? null}
            onChange={(v) => setFilter({ refunded: (v as ConversionFilters['refunded']) ?? undefined })}
          />
        </Group>

        {isPending || !data ? (
          <PageLoader />
        ) : data.total === 0 ? (
          <EmptyCard
            icon={<IconReceipt size={28} />}
            variant="light"
            title={isFiltered ? 'No orders match these filters' : 'No conversions yet'}
            description={
              isFiltered
                ? 'Clear a filter to see more orders.'
                : data.connections.length === 0
                  ? 'Connect a store (Shopify, WooCommerce, Stripe), add the pixel or create an API key on the store connections page; orders then appear here with who drove them.'
                  : hasImportable
                    ? 'Orders appear here as your store reports them. Send a test delivery from the store connections page, or import past orders from CSV.'
                    : 'Orders appear here as your store reports them. To import past orders from CSV, add a connection of kind “CSV import” on the store connections page.'
            }
            actions={
              isFiltered ? null : (
                <>
                  {canImport ? (
                    <Button leftSection={<IconUpload size={16} />} onClick={importDisclosure.open}>
                      Import orders
                    </Button>
                  ) : null}
                  <ButtonLink to="/w/$workspaceId/stores" params={{ workspaceId }} variant="default">
                    Store connections
                  </ButtonLink>
                </>
              )
            }
          />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {data.totals.map((t) => (
                <CurrencyTotals key={t.currency} t={t} />
              ))}
            </SimpleGrid>
            <Paper withBorder radius="lg">
              <ConversionsTable items={data.items} />
            </Paper>
            {data.total > pageSize ? (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {formatNumber(page * pageSize + 1)}–
                  {formatNumber(Math.min(data.total, (page + 1) * pageSize))} of {formatNumber(data.total)}
                </Text>
                <Pagination
                  total={Math.ceil(data.total / pageSize)}
                  value={page + 1}
                  onChange={(p) => setPage(p - 1)}
                  aria-label="Pages of conversions"
                />
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      {data ? (
        <ImportOrdersModal
          opened={importing}
          onClose={importDisclosure.close}
          connections={data.connections}
          onImported={() =>
            queryClient.invalidateQueries({ queryKey: ['conversions', workspaceId, programId] })
          }
        />
      ) : null}
    </>
  );
}

/** The four figures of one currency over the filtered orders. */
function CurrencyTotals({
  t,
}: {
  t: {
    currency: string;
    orders: number;
    credited: number;
    amountMinor: number;
    creditedMinor: number;
    refundedMinor: number;
    creditedVerifiedMinor: number;
    creditedPixelMinor: number;
    pixelOrders: number;
  };
}) {
  return (
    <>
      <Stat
        label={`Orders (${t.currency})`}
        value={formatNumber(t.orders)}
        hint={`${formatNumber(t.credited)} credited to an ambassador`}
      />
      <Stat label="Revenue" value={formatMoney(t.amountMinor, t.currency)} hint="Order totals as placed" />
      <Stat
        label={t.pixelOrders > 0 ? 'Credited, verified sources' : 'Credited after refunds'}
        value={formatMoney(t.creditedVerifiedMinor, t.currency)}
        hint={
          t.pixelOrders > 0
            ? `From verified sources (stores, API, CSV). Plus ${formatMoney(t.creditedPixelMinor, t.currency)} from the pixel — unverified, self-reported by browsers (${formatCount(t.pixelOrders, 'pixel order')})`
            : 'From verified sources (stores, API, CSV): what commissions are computed on'
        }
      />
      <Stat
        label="Refunded"
        value={formatMoney(t.refundedMinor, t.currency)}
        hint="Refund amounts over these orders; a cancelled order loses its credit without counting here"
      />
    </>
  );
}
