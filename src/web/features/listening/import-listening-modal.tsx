// Imports a listening tool's export (CSV or a JSON array): check the file first (a dry run that reports
// the matches and each bad row by line), then import. Re-importing a post updates it.
import { Anchor, FileInput, List, Modal, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import {
  CsvImportActions,
  CsvImportResultAlert,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { useCsvImport } from '../../components/use-csv-import';
import { useWorkspace } from '../workspaces/workspace-context';
import { importListening, type ListeningImportResult } from './api';

const template = [
  'platform,handle,url,caption,posted_at',
  'instagram,@janeglows,https://www.instagram.com/p/C1a2b3/,"Morning routine with the Glow Serum #ad @glowco",2026-03-05',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

function Summary({ result }: { result: ListeningImportResult }) {
  const would = result.written ? '' : ' would be';
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        {result.created}
        {would} new, {result.updated}
        {would} updated (already imported)
      </List.Item>
      <List.Item>
        {result.matchedAmbassadors}
        {would} matched to an ambassador by handle
      </List.Item>
      <List.Item>
        {result.matchedByUrl}
        {would} matched to a submission by post URL
      </List.Item>
      <List.Item>
        {result.matchedByCaption}
        {would} proposed by caption: confirm each with “Use as post URL”
      </List.Item>
    </List>
  );
}

export function ImportListeningModal(props: {
  opened: boolean;
  onClose: () => void;
  onImported: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const csv = useCsvImport({
    importFile: (file, options, onProgress) => importListening(workspaceId, file, options, onProgress),
    successMessage: (r) => `${r.created} new and ${r.updated} updated posts.`,
    successTitle: 'Listening import finished',
    onImported: props.onImported,
    onClose: props.onClose,
  });
  const { busy, result } = csv;

  const bad = result ? new Set(result.errors.map((e) => e.line)).size : 0;
  return (
    <Modal opened={props.opened} onClose={csv.close} title="Import posts from a listening tool" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          A CSV with a header row, or a JSON array of posts. Columns: handle (or Author, Username), url (or
          URL, Link), caption (or Text, Content), posted_at (or Date), platform (optional: read from the
          link). Posts are matched to ambassadors by handle and to their submissions by post URL.{' '}
          <Anchor href={templateHref} download="troupe-listening-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
        <FileInput
          label="File"
          placeholder="Choose a .csv or .json file"
          accept=".csv,text/csv,.json,application/json"
          leftSection={<IconFileImport size={18} />}
          value={csv.file}
          onChange={csv.setFile}
          clearable
          disabled={busy}
        />
        <CsvUploadProgress busy={busy} progress={csv.progress} phase={csv.phase} />
        <FormError title="The file could not be processed" message={csv.error} />
        {result ? (
          <CsvImportResultAlert
            written={result.written}
            refused={!result.dryRun}
            problems={result.errors.length > 0}
            problemRows={bad}
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
