// Runs vetting for a creator from the UI: paste or upload the creator JSON (docs/vetting-input.schema.json),
// optionally against a program; the API's problems are listed by field; on success, opens the report.
import { Alert, Button, FileInput, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconFileTypeJs, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { messageOf } from '../../lib/problems';
import { programsQuery } from '../programs/api';
import { useWorkspace } from '../workspaces/workspace-context';
import { runVetting } from './api';

interface Problem {
  field: string;
  message: string;
}

export function RunVettingModal(props: {
  opened: boolean;
  onClose: () => void;
  creatorId: string;
  /** A starting point for the JSON: the creator's first social account. */
  template: { platform: string; handle: string; followers: number } | null;
}) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const programs = useQuery({ ...programsQuery(workspaceId), enabled: props.opened });
  const [json, setJson] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [programId, setProgramId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setJson('');
    setFile(null);
    setProgramId(null);
    setError(null);
    setProblems([]);
    props.onClose();
  };

  const submit = async () => {
    setError(null);
    setProblems([]);
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (e) {
      setError(`The creator JSON could not be read: ${messageOf(e)}`);
      return;
    }
    setBusy(true);
    try {
      const report = await runVetting(workspaceId, {
        input,
        creatorId: props.creatorId,
        programId: programId ?? undefined,
      });
      await queryClient.invalidateQueries({ queryKey: ['vetting', workspaceId, 'list'] });
      await queryClient.invalidateQueries({
        queryKey: ['creators', workspaceId, 'timeline', props.creatorId],
      });
      setBusy(false);
      close();
      await navigate({
        to: '/w/$workspaceId/vetting/$reportId',
        params: { workspaceId, reportId: report.id },
      });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problems.length > 0) {
        setError('The creator JSON does not match the vetting input schema:');
        // Fields under `input.` are the pasted JSON's own; say them as the user wrote them.
        setProblems(e.problems.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') })));
      } else {
        setError(messageOf(e));
      }
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title="Run vetting" size="xl" closeOnClickOutside={!busy}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Paste or upload one creator as JSON: <code>platform</code>, <code>handle</code> and{' '}
            <code>followers</code> are required; add <code>posts</code> (with <code>commentSamples</code>),{' '}
            <code>followerHistory</code>, <code>followerSample</code> and <code>audience</code> for the full
            checks. The schema is in docs/vetting-input.schema.json and the API document.
          </Text>
          <Group align="flex-end" gap="sm">
            <FileInput
              label="Upload a file"
              placeholder="creator.json"
              accept="application/json,.json"
              leftSection={<IconFileTypeJs size={16} />}
              value={file}
              clearable
              onChange={async (picked) => {
                setFile(picked);
                if (picked) setJson(await picked.text());
              }}
              style={{ flex: 1 }}
            />
            {props.template ? (
              <Button
                variant="default"
                onClick={() => setJson(JSON.stringify({ ...props.template, posts: [] }, null, 2))}
              >
                Start from their account
              </Button>
            ) : null}
          </Group>
          <Textarea
            label="Creator JSON"
            required
            autosize
            minRows={8}
            maxRows={18}
            value={json}
            onChange={(e) => setJson(e.currentTarget.value)}
            placeholder='{ "platform": "instagram", "handle": "nora.glow", "followers": 24000, "posts": [] }'
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <Select
            label="Program"
            description="Vetting against a program also checks its persona, competitors and exclusivity window."
            placeholder="No program"
            clearable
            data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={programId}
            onChange={setProgramId}
          />
          {error ? (
            <Alert color="red" role="alert" title={error}>
              {problems.length > 0 ? (
                <List size="sm">
                  {problems.map((p) => (
                    <List.Item key={`${p.field}:${p.message}`}>
                      <code>{p.field}</code>: {p.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconSearch size={16} />}
              disabled={!json.trim()}
            >
              Run vetting
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
