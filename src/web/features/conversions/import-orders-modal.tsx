// Imports orders from CSV into one of the program's store connections (T3): check the file first (a dry
// run that says how many orders are new, duplicates or credited, and names each bad row by line and
// column), then import. Re-importing the same file adds nothing.
import { Anchor, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  CsvFileInput,
  CsvImportActions,
  CsvImportResultAlert,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { useCsvImport } from '../../components/use-csv-import';
import { formatCount, formatNumber } from '../../lib/format';
import { kindLabels } from '../stores/kinds';
import { useWorkspace } from '../workspaces/workspace-context';
import { type ConversionsPage, importOrdersCsv, type OrderImportResult } from './api';

const template = [
  'order_id,occurred_at,amount,currency,customer_email,codes,click_id,landing_url',
  '1042,2026-11-20T15:15:42Z,92.15,USD,maya@example.net,JANE15,,',
  '1043,2026-11-20T16:02:10Z,47.40,EUR,lena@example.org,,clk_3k9x,https://shop.example.com/?tclid=clk_3k9x',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

function Summary({ result }: { result: OrderImportResult }) {
  if (!result.written && !result.dryRun)
    return (
      <Text size="sm">
        No order was recorded. Fix the rows below, or choose “Skip the bad rows and import the rest”.
      </Text>
    );
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        {formatCount(result.created, 'new order')} {result.written ? 'recorded' : 'would be recorded'},{' '}
        {formatNumber(result.credited)} of them credited to an ambassador
      </List.Item>
      <List.Item>
        {result.duplicates} already recorded for this connection (or repeated in the file)
      </List.Item>
    </List>
  );
}

/**
 * The connections a file of orders may go into: enabled ones, and not the pixel's (its orders count as
 * unverified, and a file from the store is not).
 */
export function importableConnections(connections: ConversionsPage['connections']) {
  return connections.filter((c) => !c.disabled && c.kind !== 'pixel');
}

export function ImportOrdersModal(props: {
  opened: boolean;
  onClose: () => void;
  connections: ConversionsPage['connections'];
  onImported: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const usable = importableConnections(props.connections);
  const [connectionId, setConnectionId] = useState<string | null>(
    (usable.find((c) => c.kind === 'csv') ?? usable[0])?.id ?? null,
  );
  const csv = useCsvImport({
    importFile: connectionId
      ? (file, options, onProgress) => importOrdersCsv(workspaceId, connectionId, file, options, onProgress)
      : null,
    successMessage: (r) => `Imported ${r.created} ${r.created === 1 ? 'order' : 'orders'}.`,
    onImported: props.onImported,
    onClose: props.onClose,
  });
  const { busy, result } = csv;

  return (
    <Modal opened={props.opened} onClose={csv.close} title="Import orders from CSV" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          One order per row with a header row. Required columns: order_id, occurred_at (ISO 8601, UTC if no
          zone), amount (e.g. 49.90), currency. Optional: customer_email, codes (space separated), click_id,
          landing_url, referrer_url. Each order is credited under the program’s attribution rules.{' '}
          <Anchor href={templateHref} download="troupe-orders-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
        <Select
          label="Store connection"
          description="Orders already recorded for this connection (by order id) count as duplicates."
          data={usable.map((c) => ({ value: c.id, label: `${c.name} · ${kindLabels[c.kind]}` }))}
          value={connectionId}
          onChange={(value) => {
            setConnectionId(value);
            csv.clearResult();
          }}
          allowDeselect={false}
          disabled={busy}
        />
        <CsvFileInput file={csv.file} onChange={csv.setFile} disabled={busy} />
        <CsvUploadProgress busy={busy} progress={csv.progress} phase={csv.phase} />
        <FormError title="The file could not be processed" message={csv.error} />
        {result ? (
          <CsvImportResultAlert
            written={result.written}
            refused={!result.dryRun}
            problems={result.errors.length > 0}
            problemRows={result.skipped}
          >
            <Summary result={result} />
          </CsvImportResultAlert>
        ) : null}
        <CsvProblemsTable errors={result?.errors ?? []} />
        <CsvImportActions {...csv.actions} />
      </Stack>
    </Modal>
  );
}
