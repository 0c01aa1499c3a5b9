// One prospect list: who is on it, whether they are already in the target program, their latest vetting;
// import more, vet in bulk, export, and invite the ticked people with a personalised template.
import { Badge, Button, Checkbox, Menu, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconDownload,
  IconPencil,
  IconSend,
  IconShieldCheck,
  IconTrash,
  IconUpload,
  IconUsers,
} from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { stageLabels } from '../../../core/pipeline/stages';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { SendOutreachModal } from '../../features/outreach/send-outreach-modal';
import { programsQuery } from '../../features/programs/api';
import {
  deleteProspectList,
  exportListUrl,
  inviteFromList,
  prospectListQuery,
  sourceLabels,
  updateProspectList,
} from '../../features/prospects/api';
import { BulkVetModal } from '../../features/prospects/bulk-vet-modal';
import { ImportProspectsModal } from '../../features/prospects/import-prospects-modal';
import { ListFormModal } from '../../features/prospects/list-form-modal';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatCompact } from '../../lib/format';
import { platformLabels, stageColors } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/prospects/$listId');
const verdictColors = { recommend: 'teal', review: 'yellow', reject: 'red' } as const;
const invitable = (stage: string | null) => stage === null || stage === 'prospect' || stage === 'invited';

export function ProspectListPage() {
  const { listId } = route.useParams();
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: list } = useSuspenseQuery(prospectListQuery(workspaceId, listId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [importing, importDisclosure] = useDisclosure(false);
  const [vetting, vetDisclosure] = useDisclosure(false);
  const [inviting, inviteDisclosure] = useDisclosure(false);
  const [editing, editDisclosure] = useDisclosure(false);
  const [deleting, deleteDisclosure] = useDisclosure(false);
  const canWrite = can('prospects.write');
  const canSend = can('outreach.send');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['prospects', workspaceId] });

  const selectable = list.entries.filter((e) => invitable(e.stage));
  const allSelected = selectable.length > 0 && selectable.every((e) => selected.has(e.creatorId));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const recipients = list.entries
    .filter((e) => selected.has(e.creatorId))
    .map((e) => ({ creatorId: e.creatorId, name: e.name, handle: e.handle }));

  const inviteButton = canSend ? (
    <Tooltip
      label={
        list.programId ? 'Tick the people to invite first' : 'Choose a program for this list first (Edit)'
      }
      disabled={!!list.programId && selected.size > 0}
    >
      <Button
        leftSection={<IconSend size={16} />}
        onClick={inviteDisclosure.open}
        disabled={!list.programId || selected.size === 0}
        data-disabled={!list.programId || selected.size === 0 ? true : undefined}
      >
        Invite selected ({selected.size})
      </Button>
    </Tooltip>
  ) : null;

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/prospects" params={{ workspaceId }} size="sm">
            ← Prospect lists
          </AnchorLink>
        }
        title={list.name}
        description={`${sourceLabels[list.source]} · ${list.entryCount} ${list.entryCount === 1 ? 'prospect' : 'prospects'} · ${list.programName ? `for ${list.programName}` : 'no program chosen yet'}`}
        actions={
          <>
            {inviteButton}
            {canWrite ? (
              <Button variant="light" leftSection={<IconUpload size={16} />} onClick={importDisclosure.open}>
                Import CSV
              </Button>
            ) : null}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {can('vetting.run') ? (
                  <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={vetDisclosure.open}>
                    Vet from a file
                  </Menu.Item>
                ) : null}
                <Menu.Item
                  leftSection={<IconDownload size={16} />}
                  component="a"
                  href={exportListUrl(workspaceId, listId)}
                  download
                >
                  Export CSV
                </Menu.Item>
                {canWrite ? (
                  <>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={editDisclosure.open}>
                      Edit list
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconTrash size={16} />}
                      color="red"
                      onClick={deleteDisclosure.open}
                    >
                      Delete list
                    </Menu.Item>
                  </>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      {list.entries.length === 0 ? (
        <EmptyCard
          icon={<IconUsers size={28} />}
          variant="light"
          title="This list is empty"
          description="Import a CSV of customers, CRM contacts or search results. People already in your workspace are matched, not duplicated."
          actions={
            canWrite ? (
              <Button leftSection={<IconUpload size={16} />} onClick={importDisclosure.open}>
                Import CSV
              </Button>
            ) : null
          }
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" aria-label="Prospects" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select everyone who can be invited"
                      checked={allSelected}
                      indeterminate={selected.size > 0 && !allSelected}
                      onChange={() =>
                        setSelected(allSelected ? new Set() : new Set(selectable.map((e) => e.creatorId)))
                      }
                      disabled={selectable.length === 0}
                    />
                  </Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Handle</Table.Th>
                  <Table.Th ta="right">Followers</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>{list.programName ? `In ${list.programName}` : 'Program'}</Table.Th>
                  <Table.Th>Vetting</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.entries.map((e) => (
                  <Table.Tr key={e.creatorId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${e.name}`}
                        checked={selected.has(e.creatorId)}
                        onChange={() => toggle(e.creatorId)}
                        disabled={!invitable(e.stage)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspaceId/creators/$creatorId"
                        params={{ workspaceId, creatorId: e.creatorId }}
                        fw={500}
                        size="sm"
                      >
                        {e.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {e.handle ? (
                        <Text size="sm">
                          @{e.handle}{' '}
                          <Text span size="xs" c="dimmed">
                            {e.platform ? platformLabels[e.platform as keyof typeof platformLabels] : ''}
                          </Text>
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatCompact(e.followers)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={e.email ? undefined : 'dimmed'}>
                        {e.email ?? 'no email'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.source || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {e.stage ? (
                        <Badge color={stageColors[e.stage]} variant="light">
                          {stageLabels[e.stage]}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not yet
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e.vetting ? (
                        <Badge color={verdictColors[e.vetting.verdict]} variant="light">
                          {e.vetting.score} · {e.vetting.verdict}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not vetted
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <ImportProspectsModal
        opened={importing}
        onClose={importDisclosure.close}
        listId={listId}
        listName={list.name}
        onImported={refresh}
      />
      <BulkVetModal opened={vetting} onClose={vetDisclosure.close} listId={listId} onVetted={refresh} />
      <SendOutreachModal
        opened={inviting}
        onClose={inviteDisclosure.close}
        title={`Invite ${recipients.length} to ${list.programName ?? 'the program'}`}
        recipients={recipients}
        programId={list.programId}
        submitLabel={`Invite and send (${recipients.length})`}
        onSend={async (input) => {
          const result = await inviteFromList(workspaceId, listId, input);
          notifySuccess(`Invited ${result.invited.length} and sent their messages.`);
          setSelected(new Set());
          await Promise.all([
            refresh(),
            queryClient.invalidateQueries({ queryKey: ['outreach', workspaceId] }),
            queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] }),
          ]);
        }}
      />
      <ListFormModal
        opened={editing}
        title="Edit list"
        submitLabel="Save"
        initial={{ name: list.name, source: list.source, programId: list.programId }}
        programs={programs}
        onClose={editDisclosure.close}
        onSave={async (input) => {
          await updateProspectList(workspaceId, listId, input);
          await refresh();
        }}
      />
      <ConfirmModal
        opened={deleting}
        title="Delete this list?"
        message={`“${list.name}” and its ${list.entryCount} entries will be deleted. The people stay in your workspace.`}
        confirmLabel="Delete list"
        onClose={deleteDisclosure.close}
        onConfirm={async () => {
          await deleteProspectList(workspaceId, listId);
          await refresh();
          await navigate({ to: '/w/$workspaceId/prospects', params: { workspaceId } });
        }}
      />
    </>
  );
}
