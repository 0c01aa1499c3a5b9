// Bulk vetting of a list (R2/R3 with V1–V9): upload a JSONL file of vetting inputs, one creator per line
// (docs/vetting-input.schema.json); each line is matched to a prospect by platform + handle.
import { Alert, Button, FileInput, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconFileCode } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '../../components/form-error';
import { ApiError } from '../../lib/api';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type BulkVetResult, bulkVet } from './api';

export function BulkVetModal(props: {
  opened: boolean;
  onClose: () => void;
  listId: string;
  onVetted: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<BulkVetResult | null>(null);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);

  const close = () => {
    if (busy) return;
    setFile(null);
    setResult(null);
    setError(null);
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title="Vet prospects from a file" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          A .jsonl file with one creator per line, in the vetting input format (platform, handle, followers,
          posts, comment samples, follower sample…; see docs/vetting-input.schema.json). Each line is matched
          to a prospect in this list by platform and handle.
        </Text>
        <FileInput
          label="JSONL file"
          placeholder="Choose a .jsonl file"
          accept=".jsonl,.ndjson,application/x-ndjson,text/plain"
          leftSection={<IconFileCode size={18} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
          }}
          disabled={busy}
          clearable
        />
        {busy ? <Progress value={progress} animated={progress >= 100} aria-label="Upload progress" /> : null}
        {error ? (
          <FormError
            title="Nothing was vetted"
            message={[error.message, ...error.lines].filter(Boolean).join(' · ')}
          />
        ) : null}
        {result ? (
          <Alert color="teal" title={`Vetted ${result.vetted.length}`} role="status">
            <Stack gap={4}>
              {result.vetted.length > 0 ? (
                <List size="sm">
                  {result.vetted.map((v) => (
                    <List.Item key={v.reportId}>
                      @{v.handle}: {v.score} ({v.verdict})
                    </List.Item>
                  ))}
                </List>
              ) : null}
              {result.unmatched.length > 0 ? (
                <Text size="sm">
                  Not in this list:{' '}
                  {result.unmatched.map((u) => `line ${u.line} (${u.platform} @${u.handle})`).join(', ')}
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {result ? 'Done' : 'Cancel'}
          </Button>
          <Button
            disabled={!file || busy}
            loading={busy}
            onClick={async () => {
              if (!file) return;
              setBusy(true);
              setError(null);
              try {
                setResult(await bulkVet(workspaceId, props.listId, file, setProgress));
                await props.onVetted();
              } catch (e) {
                setError({
                  message: e instanceof ApiError && e.problems.length > 0 ? '' : messageOf(e),
                  lines: e instanceof ApiError ? e.problems.map((p) => `${p.field}: ${p.message}`) : [],
                });
              } finally {
                setBusy(false);
              }
            }}
          >
            Vet
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
