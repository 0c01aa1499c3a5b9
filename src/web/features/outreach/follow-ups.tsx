// The outreach page's due follow-ups: threads past their template's delay, each sent from a small modal.
import { Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type DueFollowUp, sendFollowUp } from './api';

export function FollowUps(props: {
  due: DueFollowUp[];
  canSend: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const [sending, setSending] = useState<DueFollowUp | null>(null);
  const [recentPost, setRecentPost] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="follow-ups-title">
      <Title order={3} size="h4" mb="sm" id="follow-ups-title">
        Due follow-ups
      </Title>
      {props.due.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing due. A thread appears here when its template’s follow-up delay has passed without a reply.
        </Text>
      ) : (
        <Paper withBorder radius="lg">
          <Table verticalSpacing="sm" aria-label="Due follow-ups">
            <Table.Tbody>
              {props.due.map((d) => (
                <Table.Tr key={d.message.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {d.message.creatorName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.message.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      Sent {formatDate(d.message.sentAt)}; due since {formatDate(d.dueSince)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {props.canSend ? (
                      <Button
                        size="compact-sm"
                        leftSection={<IconSend size={14} />}
                        onClick={() => {
                          setSending(d);
                          setRecentPost('');
                          setError(null);
                        }}
                      >
                        Send follow-up
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={sending !== null} onClose={() => setSending(null)} title="Send follow-up">
        <Stack>
          <Text size="sm">
            To {sending?.message.creatorName} ({sending?.message.to}), in the same thread. If the follow-up
            uses {'{{recentPost}}'}, write the line below.
          </Text>
          <TextInput
            label="Their recent post (if the follow-up uses it)"
            value={recentPost}
            onChange={(e) => setRecentPost(e.currentTarget.value)}
          />
          <InlineError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSending(null)} disabled={busy}>
              Cancel
            </Button>
            <Button
              loading={busy}
              onClick={async () => {
                if (!sending) return;
                setBusy(true);
                setError(null);
                try {
                  await sendFollowUp(workspaceId, sending.message.id, recentPost ? { recentPost } : {});
                  notifySuccess(`Follow-up sent to ${sending.message.creatorName}.`);
                  setSending(null);
                  await props.onChanged();
                } catch (e) {
                  setError(messageOf(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              Send
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  );
}
