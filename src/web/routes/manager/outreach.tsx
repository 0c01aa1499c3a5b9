// Outreach (R4): templates with their response rate, the messages sent (with replies recorded by hand)
// and the threads due a follow-up. Message text is untrusted and shown as text.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconMailForward, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldsIn } from '../../../core/outreach/merge';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyCard } from '../../components/empty-card';
import { PageHeader } from '../../components/page';
import {
  createTemplate,
  deleteTemplate,
  followUpsQuery,
  messagesQuery,
  type OutreachTemplate,
  templatesQuery,
  updateTemplate,
} from '../../features/outreach/api';
import { FollowUps } from '../../features/outreach/follow-ups';
import { SentMessages } from '../../features/outreach/sent-messages';
import { TemplateEditor } from '../../features/outreach/template-editor';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { notifySuccess } from '../../lib/notify';

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
