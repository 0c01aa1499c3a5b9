// Imports orders from CSV into one of the program's store connections (T3): check the file first (a dry
// run that says how many orders are new, duplicates or credited, and names each bad row by line and
// column), then import. Re-importing the same file adds nothing.
import { Alert, Anchor, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  CsvFileInput,
  CsvImportActions,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type ConversionsPage, importOrdersCsv, type OrderImportResult } from './api';

const template = [
  'order_id,occurred_at,amount,currency,customer_email,codes,click_id,landing_url',
  '1042,2026-11-20T15:15:42Z,92.15,USD,maya@example.net,JANE15,,',
  '1043,2026-11-20T16:02:10Z,47.40,EUR,lena@example.org,,clk_3k9x,https://shop.example.com/?tclid=clk_3k9x',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

function Summary({ result }: { result: OrderImportResult }) {
  const would = result.written ? '' : ' would be';
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        {result.created}
        {would} new {result.created === 1 ? 'order' : 'orders'}, {result.credited} credited to an ambassador
      </List.Item>
      <List.Item>
        {result.duplicates} already recorded for this connection (or repeated in the file)
      </List.Item>
    </List>
  );
}

export function ImportOrdersModal(props: {
  opened: boolean;
  onClose: () => void;
  connections: ConversionsPage['connections'];
  onImported: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const usable = props.connections.filter((c) => !c.disabled);
  const [connectionId, setConnectionId] = useState<string | null>(usable[0]?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [phase, setPhase] = useState<'idle' | 'checking' | 'importing'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<OrderImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase !== 'idle';

  const close = () => {
    if (busy) return;
    setFile(null);
    setResult(null);
    setError(null);
    setOnError('abort');
    props.onClose();
  };

  const run = async (dryRun: boolean) => {
    if (!file || !connectionId) return;
    setError(null);
    setProgress(0);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const r = await importOrdersCsv(workspaceId, connectionId, file, { dryRun, onError }, setProgress);
      setResult(r);
      if (r.written) {
        notifySuccess(`Imported ${r.created} ${r.created === 1 ? 'order' : 'orders'}.`);
        await props.onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title="Import orders from CSV" size="xl">
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
          data={usable.map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }))}
          value={connectionId}
          onChange={(value) => {
            setConnectionId(value);
            setResult(null);
          }}
          allowDeselect={false}
          disabled={busy}
        />
        <CsvFileInput
          file={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          disabled={busy}
        />
        <CsvUploadProgress busy={busy} progress={progress} phase={phase} />
        <FormError title="The file could not be processed" message={error} />
        {result ? (
          <Alert
            color={result.written ? 'teal' : result.errors.length > 0 ? 'orange' : 'blue'}
            title={
              result.written
                ? 'Import finished'
                : result.dryRun
                  ? result.errors.length > 0
                    ? 'Some rows have problems'
                    : 'The file looks good'
                  : 'Nothing was imported'
            }
            role="status"
          >
            <Stack gap={4}>
              <Summary result={result} />
              {result.errors.length > 0 ? (
                <Text size="sm">
                  {result.skipped} {result.skipped === 1 ? 'row has' : 'rows have'} problems
                  {result.written
                    ? ' and were skipped'
                    : ': fix them and check again, or choose to skip them'}
                  .
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <CsvProblemsTable errors={result?.errors ?? []} />
        <CsvImportActions
          written={Boolean(result?.written)}
          hasFile={Boolean(file) && Boolean(connectionId)}
          busy={busy}
          phase={phase}
          onError={onError}
          setOnError={setOnError}
          onRun={(dryRun) => void run(dryRun)}
          onClose={close}
        />
      </Stack>
    </Modal>
  );
}
