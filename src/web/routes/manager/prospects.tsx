// Prospect lists (R2/R3): warm pools (customers, CRM, loyalty) and discovery results, each a list you can
// import into, vet and invite from.
import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconListSearch, IconPlus } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { programsQuery } from '../../features/programs/api';
import { createProspectList, prospectListsQuery, sourceLabels } from '../../features/prospects/api';
import { ListFormModal } from '../../features/prospects/list-form-modal';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate } from '../../lib/format';

export function ProspectsPage() {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: lists } = useSuspenseQuery(prospectListsQuery(workspaceId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [creating, creatingDisclosure] = useDisclosure(false);
  const canWrite = can('prospects.write');
  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={creatingDisclosure.open}>
      New list
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Prospects"
        description="Start with people who already love you: import customers, CRM or loyalty members, or the results of a hashtag search. Vet them, then invite the best with a personal message."
        actions={newButton}
      />
      {lists.length === 0 ? (
        <EmptyCard
          icon={<IconListSearch size={28} />}
          variant="light"
          title="No prospect lists yet"
          description="Create a list, then import a CSV with platform, handle, email, name, followers, source and country columns."
          actions={newButton}
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Prospect lists">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>List</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Program</Table.Th>
                  <Table.Th ta="right">Prospects</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lists.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspaceId/prospects/$listId"
                        params={{ workspaceId, listId: l.id }}
                        fw={500}
                      >
                        {l.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {sourceLabels[l.source]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{l.programName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{l.entryCount}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(l.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ListFormModal
        opened={creating}
        title="New prospect list"
        submitLabel="Create list"
        initial={{ name: '', source: 'customers', programId: programs[0]?.id ?? null }}
        programs={programs}
        onClose={creatingDisclosure.close}
        onSave={async (input) => {
          const list = await createProspectList(workspaceId, input);
          await queryClient.invalidateQueries({ queryKey: ['prospects', workspaceId] });
          await navigate({
            to: '/w/$workspaceId/prospects/$listId',
            params: { workspaceId, listId: list.id },
          });
        }}
      />
    </>
  );
}
