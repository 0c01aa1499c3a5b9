// Imports a listening tool's export (CSV or a JSON array): check the file first (a dry run that reports
// the matches and each bad row by line), then import. Re-importing a post updates it.
import { Alert, Anchor, FileInput, List, Modal, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { CsvImportActions, CsvProblemsTable, CsvUploadProgress } from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
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
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [phase, setPhase] = useState<'idle' | 'checking' | 'importing'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ListeningImportResult | null>(null);
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
      const r = await importListening(workspaceId, file, { dryRun, onError }, setProgress);
      setResult(r);
      if (r.written) {
        notifySuccess(`${r.created} new and ${r.updated} updated posts.`, 'Listening import finished');
        await props.onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };

  const bad = result ? new Set(result.errors.map((e) => e.line)).size : 0;
  return (
    <Modal opened={props.opened} onClose={close} title="Import posts from a listening tool" size="xl">
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
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          clearable
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
              {bad > 0 ? (
                <Text size="sm">
                  {bad} {bad === 1 ? 'row has' : 'rows have'} problems
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
