// Outreach (R4): templates with their response rate, the messages sent (with replies recorded by hand)
// and the threads due a follow-up. Message text is untrusted and shown as text.
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
import { IconMailForward, IconPencil, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { fieldsIn } from '../../../core/outreach/merge';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyCard } from '../../components/empty-card';
import { InlineError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  createTemplate,
  type DueFollowUp,
  deleteTemplate,
  followUpsQuery,
  messagesQuery,
  type OutreachMessage,
  type OutreachTemplate,
  recordReply,
  sendFollowUp,
  templatesQuery,
  updateTemplate,
} from '../../features/outreach/api';
import { TemplateEditor } from '../../features/outreach/template-editor';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export function OutreachPage() {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data: templates } = useSuspenseQuery(templatesQuery(workspaceId));
  const { data: messages } = useSuspenseQuery(messagesQuery(workspaceId));
  const { data: due } = useSuspenseQuery(followUpsQuery(workspaceId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [editing, setEditing] = useState<OutreachTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OutreachTemplate | null>(null);
  const canSend = can('outreach.send');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['outreach', workspaceId] });

  return (
    <>
      <PageHeader
        title="Outreach"
        description="Personal invitations with merge fields. Every message names something the person actually posted; replies you record give each template its response rate."
        actions={
          canSend ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              New template
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="templates-title">
          <Title order={3} size="h4" mb="sm" id="templates-title">
            Templates
          </Title>
          {templates.length === 0 ? (
            <EmptyCard
              icon={<IconMailForward size={28} />}
              variant="light"
              title="No templates yet"
              description="Write an invitation with {{firstName}} and {{recentPost}}, then invite prospects from a prospect list."
              actions={
                canSend ? (
                  <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={16} />}>
                    New template
                  </Button>
                ) : null
              }
            />
          ) : (
            <Paper withBorder radius="lg">
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" aria-label="Templates">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Program</Table.Th>
                      <Table.Th>Follow-up</Table.Th>
                      <Table.Th ta="right">Threads</Table.Th>
                      <Table.Th ta="right">Replied</Table.Th>
                      <Table.Th ta="right">Response rate</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {templates.map((t) => (
                      <Table.Tr key={t.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {t.name}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {t.subject}
                          </Text>
                          {fieldsIn(t.body).includes('recentPost') ? (
                            <Badge size="xs" variant="light" mt={2}>
                              Personalised
                            </Badge>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t.programName ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t.followUpDays ? `after ${t.followUpDays} days` : 'none'}</Text>
                        </Table.Td>
                        <Table.Td ta="right">{t.stats.threads}</Table.Td>
                        <Table.Td ta="right">{t.stats.replied}</Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={600} aria-label={`Response rate of ${t.name}`}>
                            {percent(t.stats.responseRate)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {canSend ? (
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                leftSection={<IconPencil size={14} />}
                                onClick={() => setEditing(t)}
                                aria-label={`Edit ${t.name}`}
                              >
                                Edit
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                color="red"
                                onClick={() => setDeleting(t)}
                                aria-label={`Delete ${t.name}`}
                              >
                                <IconTrash size={14} />
                              </Button>
                            </Group>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </section>

        <FollowUps due={due} canSend={canSend} onChanged={refresh} />
        <SentMessages messages={messages} canSend={canSend} onChanged={refresh} />
      </Stack>

      <TemplateEditor
        opened={editing !== null}
        template={editing === 'new' ? null : editing}
        programs={programs}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (editing && editing !== 'new') await updateTemplate(workspaceId, editing.id, input);
          else await createTemplate(workspaceId, input);
          notifySuccess(`Template “${input.name}” saved.`);
          await refresh();
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete template?"
        message={`“${deleting?.name ?? ''}” will be deleted. Messages already sent with it are kept.`}
        confirmLabel="Delete template"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting) await deleteTemplate(workspaceId, deleting.id);
          await refresh();
        }}
      />
    </>
  );
}

function FollowUps(props: { due: DueFollowUp[]; canSend: boolean; onChanged: () => Promise<unknown> }) {
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

function SentMessages(props: {
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
