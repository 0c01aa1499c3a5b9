// Imports a prospect CSV into a list (R2/R3): check the file first (a dry run that reports what would
// be added, merged with existing creators or counted as duplicates, and each bad row by line), then import.
import { Alert, Anchor, List, Modal, Stack, Text } from '@mantine/core';
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
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [phase, setPhase] = useState<'idle' | 'checking' | 'importing'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ProspectImportResult | null>(null);
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
      const r = await importProspectsCsv(workspaceId, props.listId, file, { dryRun, onError }, setProgress);
      setResult(r);
      if (r.written) {
        notifySuccess(`Added ${r.added} to ${props.listName}.`);
        await props.onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={`Import prospects into ${props.listName}`} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          One person per row with a header row. Columns: platform, handle, email, name, followers, source,
          country (any order, any case). Each row needs a handle with its platform, or an email. People
          already in your workspace are matched by platform + handle, then by email.{' '}
          <Anchor href={templateHref} download="troupe-prospects-template.csv" size="sm">
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
          hasFile={Boolean(file)}
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
