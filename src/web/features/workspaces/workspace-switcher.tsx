// Switches between the user's workspaces and creates new ones.
import { Box, Group, Menu, Modal, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { roleLabels } from '../../lib/labels';
import { CreateWorkspaceForm } from './create-workspace-form';
import { useWorkspace } from './workspace-context';

export function WorkspaceSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const { workspace, workspaces } = useWorkspace();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-start" width="target" shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={`Workspace: ${workspace.name}. Switch workspace`}
            p="xs"
            w="100%"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              border: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {workspace.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {roleLabels[workspace.role]}
                </Text>
              </Box>
              <IconSelector size={16} color="var(--mantine-color-gray-6)" />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              rightSection={w.id === workspace.id ? <IconCheck size={14} /> : null}
              onClick={() => {
                onNavigate?.();
                void navigate({ to: '/w/$workspaceId', params: { workspaceId: w.id } });
              }}
            >
              <Text size="sm" truncate maw={180}>
                {w.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={14} />} onClick={open}>
            New workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={creating} onClose={close} title="New workspace">
        <CreateWorkspaceForm
          onCreated={() => {
            close();
            onNavigate?.();
          }}
        />
      </Modal>
    </>
  );
}
