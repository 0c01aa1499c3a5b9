// The outreach page's sent messages: each with its text on click, its delivery status and a recorded reply.
import {
  Badge,
  Box,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { InlineError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type OutreachMessage, recordReply } from './api';

export function SentMessages(props: {
  messages: OutreachMessage[];
  canSend: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { workspaceId } = useWorkspace();
  const [open, setOpen] = useState<string | null>(null);
  const [replying, setReplying] = useState<OutreachMessage | null>(null);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="sent-title">
      <Title order={3} size="h4" mb="sm" id="sent-title">
        Sent messages
      </Title>
      {props.messages.length === 0 ? (
        <EmptyCard
          icon={<IconSend size={28} />}
          variant="light"
          title="Nothing sent yet"
          description="Open a prospect list, tick the people you want, and choose “Invite selected” to send a template."
          actions={
            <AnchorLink to="/w/$workspaceId/prospects" params={{ workspaceId }}>
              Go to prospect lists
            </AnchorLink>
          }
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label="Sent messages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Template</Table.Th>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Reply</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.messages.map((m) => (
                  <Fragment key={m.id}>
                    <Table.Tr>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.creatorName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.to}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          style={{ cursor: 'pointer' }}
                          onClick={() => setOpen(open === m.id ? null : m.id)}
                        >
                          {m.subject}
                        </Text>
                        {m.kind === 'follow_up' ? (
                          <Badge size="xs" variant="light" color="grape">
                            Follow-up
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.templateName ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" title={formatDateTime(m.sentAt)}>
                          {formatRelative(m.sentAt)}
                        </Text>
                        <Badge size="xs" variant="light" color={m.outboxStatus === 'failed' ? 'red' : 'gray'}>
                          {m.outboxStatus ?? 'recorded'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {m.repliedAt ? (
                          <Stack gap={0}>
                            <Badge color="teal" variant="light">
                              Replied {formatDate(m.repliedAt)}
                            </Badge>
                            {m.replyNote ? (
                              <Text size="xs" c="dimmed" lineClamp={2}>
                                {m.replyNote}
                              </Text>
                            ) : null}
                          </Stack>
                        ) : props.canSend ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => {
                              setReplying(m);
                              setDate(new Date().toISOString().slice(0, 10));
                              setNote('');
                              setError(null);
                            }}
                            aria-label={`Record reply from ${m.creatorName}`}
                          >
                            Record reply
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            No reply yet
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open === m.id ? (
                      <Table.Tr>
                        <Table.Td colSpan={5} p={0}>
                          <Box px="md" py="sm" bg="var(--mantine-color-gray-0)">
                            <Code
                              block
                              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 13 }}
                            >
                              {m.body}
                            </Code>
                          </Box>
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Modal opened={replying !== null} onClose={() => setReplying(null)} title="Record a reply">
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (!replying) return;
            setBusy(true);
            setError(null);
            try {
              await recordReply(workspaceId, replying.id, { repliedAt: date, note });
              notifySuccess(`Reply from ${replying.creatorName} recorded.`);
              setReplying(null);
              await props.onChanged();
            } catch (e) {
              setError(messageOf(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Stack>
            <Text size="sm">
              {replying?.creatorName} answered “{replying?.subject}”.
            </Text>
            <TextInput
              type="date"
              label="Replied on"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
            />
            <Textarea
              label="Note"
              placeholder="What did they say?"
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <InlineError message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReplying(null)} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Save reply
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </section>
  );
}
