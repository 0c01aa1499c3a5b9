// Imports metrics snapshots from CSV: check the file first (a dry run naming each bad row by line and
// column), then import; nothing is written while a row is bad unless the user chooses to skip bad rows.
import { Anchor, Modal, Stack, Text } from '@mantine/core';
import {
  CsvFileInput,
  CsvImportActions,
  CsvImportResultAlert,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { useCsvImport } from '../../components/use-csv-import';
import { useWorkspace } from '../workspaces/workspace-context';
import { importMetricsCsv } from './api';

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
  const csv = useCsvImport({
    importFile: (file, options, onProgress) => importMetricsCsv(workspaceId, file, options, onProgress),
    successMessage: (r) => `Imported ${r.imported} metrics ${r.imported === 1 ? 'snapshot' : 'snapshots'}.`,
    onImported: props.onImported,
    onClose: props.onClose,
  });
  const { busy, result } = csv;
  const would = result && !result.written ? ' would be' : '';
  return (
    <Modal opened={props.opened} onClose={csv.close} title="Import metrics" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          One snapshot per row with a header row. Columns: post_url or submission_id, captured_at, then any of
          likes, comments, shares, saves, views, reach (whole numbers, at least one).{' '}
          <Anchor href={templateHref} download="troupe-metrics-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
        <CsvFileInput file={csv.file} onChange={csv.setFile} disabled={busy} />
        <CsvUploadProgress busy={busy} progress={csv.progress} phase={csv.phase} />
        <FormError title="The file could not be processed" message={csv.error} />
        {result ? (
          <CsvImportResultAlert written={result.written} refused={false} problems={result.errors.length > 0}>
            <Text size="sm">
              {result.imported} {result.imported === 1 ? 'snapshot' : 'snapshots'}
              {would} imported; {result.skipped} {result.skipped === 1 ? 'row' : 'rows'}
              {result.written ? ' skipped' : ' with problems'}.
            </Text>
          </CsvImportResultAlert>
        ) : null}
        <CsvProblemsTable errors={result?.errors ?? []} />
        <CsvImportActions {...csv.actions} />
      </Stack>
    </Modal>
  );
}
