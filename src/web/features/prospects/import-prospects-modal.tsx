// Imports a prospect CSV into a list (R2/R3): check the file first (a dry run that reports what would
// be added, merged with existing creators or counted as duplicates, and each bad row by line), then import.
import { Anchor, List, Modal, Stack, Text } from '@mantine/core';
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
import { importProspectsCsv, type ProspectImportResult } from './api';

const template = [
  'platform,handle,email,name,followers,source,country',
  'instagram,janeglows,jane@example.com,Jane Doe,12400,Shopify customers,US',
  ',,sam@example.com,Sam Lee,,Loyalty programme,GB',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

function Summary({ result }: { result: ProspectImportResult }) {
  const would = result.written ? '' : ' would be';
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        {result.added}
        {would} added to the list
      </List.Item>
      <List.Item>
        {result.mergedIntoExisting}
        {would} matched to people already in your workspace
      </List.Item>
      <List.Item>
        {result.created}
        {would} created as new people
      </List.Item>
      <List.Item>
        {result.duplicates} {result.duplicates === 1 ? 'duplicate' : 'duplicates'} (already in the list or
        repeated in the file)
      </List.Item>
    </List>
  );
}

export function ImportProspectsModal(props: {
  opened: boolean;
  onClose: () => void;
  listId: string;
  listName: string;
  onImported: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const csv = useCsvImport({
    importFile: (file, options, onProgress) =>
      importProspectsCsv(workspaceId, props.listId, file, options, onProgress),
    successMessage: (r) => `Added ${r.added} to ${props.listName}.`,
    onImported: props.onImported,
    onClose: props.onClose,
  });
  const { busy, result } = csv;

  return (
    <Modal
      opened={props.opened}
      onClose={csv.close}
      title={`Import prospects into ${props.listName}`}
      size="xl"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          One person per row with a header row. Columns: platform, handle, email, name, followers, source,
          country (any order, any case). Each row needs a handle with its platform, or an email. People
          already in your workspace are matched by platform + handle, then by email.{' '}
          <Anchor href={templateHref} download="troupe-prospects-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
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
