// Imports metrics snapshots from CSV: check the file first (a dry run naming each bad row by line and
// column), then import; nothing is written while a row is bad unless the user chooses to skip bad rows.
import { Alert, Anchor, Modal, Stack, Text } from '@mantine/core';
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
import { importMetricsCsv, type MetricsImportResult } from './api';

const template = [
  'post_url,submission_id,captured_at,likes,comments,shares,saves,views,reach',
  'https://www.instagram.com/p/Cx1abc/,,2026-11-20,412,38,12,40,9800,7600',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

export function ImportMetricsModal(props: {
  opened: boolean;
  onClose: () => void;
  onImported: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [phase, setPhase] = useState<'idle' | 'checking' | 'importing'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<MetricsImportResult | null>(null);
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
    if (!file) return;
    setError(null);
    setProgress(0);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const r = await importMetricsCsv(workspaceId, file, { dryRun, onError }, setProgress);
      setResult(r);
      if (r.written) {
        notifySuccess(`Imported ${r.imported} metrics ${r.imported === 1 ? 'snapshot' : 'snapshots'}.`);
        await props.onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };
  const would = result && !result.written ? ' would be' : '';
  return (
    <Modal opened={props.opened} onClose={close} title="Import metrics" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          One snapshot per row with a header row. Columns: post_url or submission_id, captured_at, then any of
          likes, comments, shares, saves, views, reach (whole numbers, at least one).{' '}
          <Anchor href={templateHref} download="troupe-metrics-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
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
                : result.errors.length > 0
                  ? 'Some rows have problems'
                  : 'The file looks good'
            }
            role="status"
          >
            <Text size="sm">
              {result.imported} {result.imported === 1 ? 'snapshot' : 'snapshots'}
              {would} imported; {result.skipped} {result.skipped === 1 ? 'row' : 'rows'}
              {result.written ? ' skipped' : ' with problems'}.
            </Text>
          </Alert>
        ) : null}
        <CsvProblemsTable errors={result?.errors ?? []} />
        <CsvImportActions
          written={result?.written ?? false}
          hasFile={file !== null}
          busy={busy}
          phase={phase}
          onError={onError}
          setOnError={setOnError}
          onRun={run}
          onClose={close}
        />
      </Stack>
    </Modal>
  );
}
