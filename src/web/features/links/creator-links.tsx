// The "Links" card on a creator's page: their tracked links in every program, with totals, and a way to
// create one for any program they are in.
import { Button, Card, Group, Menu, Text, Title } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorView } from '../../components/page';
import { useWorkspace } from '../workspaces/workspace-context';
import { creatorLinksQuery } from './api';
import { CreateLinkModal } from './create-link-modal';
import { LinksTable } from './links-table';

export function CreatorLinks(props: {
  creatorId: string;
  name: string;
  memberships: Array<{ ambassadorId: string; programId: string; programName: string }>;
}) {
  const { workspaceId, can } = useWorkspace();
  const links = useQuery(creatorLinksQuery(workspaceId, props.creatorId));
  const [creatingFor, setCreatingFor] = useState<(typeof props.memberships)[number] | null>(null);
  const canWrite = can('tracking.write') && props.memberships.length > 0;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label="Links">
      <Group justify="space-between" mb="md">
        <Title order={3} fz="h4">
          Links
        </Title>
        {canWrite ? (
          props.memberships.length === 1 ? (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setCreatingFor(props.memberships[0]!)}
            >
              New link
            </Button>
          ) : (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  New link
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {props.memberships.map((m) => (
                  <Menu.Item key={m.ambassadorId} onClick={() => setCreatingFor(m)}>
                    {m.programName}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )
        ) : null}
      </Group>
      {links.isError ? (
        <ErrorView error={links.error} onRetry={() => void links.refetch()} />
      ) : links.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : links.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tracked links yet.{' '}
          {canWrite
            ? 'Create one to give them a short link to share; its clicks are counted here.'
            : props.memberships.length === 0
              ? 'Add them to a program first.'
              : 'A manager can create one.'}
        </Text>
      ) : (
        <LinksTable links={links.data} label={`${props.name}’s links`} />
      )}
      <CreateLinkModal
        opened={creatingFor !== null}
        programId={creatingFor?.programId ?? ''}
        ambassadors={
          creatingFor
            ? [{ value: creatingFor.ambassadorId, label: `${props.name} · ${creatingFor.programName}` }]
            : []
        }
        ambassadorId={creatingFor?.ambassadorId}
        onClose={() => setCreatingFor(null)}
      />
    </Card>
  );
}
