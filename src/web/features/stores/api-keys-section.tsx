// API keys of an `api` connection: create (shown once), list by prefix, revoke with a confirmation.
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyCard } from '../../components/empty-card';
import { InlineError } from '../../components/form-error';
import { formatDateTime, formatRelative } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import { type ApiKey, apiKeysQuery, type CreatedApiKey, createApiKey, revokeApiKey } from './api';
import { SecretOnce } from './secret-once';

export function ApiKeysSection({ workspaceId, connectionId }: { workspaceId: string; connectionId: string }) {
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(apiKeysQuery(workspaceId, connectionId));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stores', workspaceId] });
  const newKeyButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New API key
    </Button>
  );

  return (
    <section aria-labelledby="api-keys-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="api-keys-title">
          API keys
        </Title>
        {keys.length > 0 ? newKeyButton : null}
      </Group>
      {keys.length === 0 ? (
        <EmptyCard
          icon={<IconKey size={28} />}
          variant="light"
          title="No API keys yet"
          description="Create a key for the server that reports your orders. It is shown once; Troupe keeps only a hash."
          actions={newKeyButton}
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {k.name}
                      </Text>
                      {k.createdBy ? (
                        <Text size="xs" c="dimmed">
                          by {k.createdBy}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {k.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(k.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{k.lastUsedAt ? formatRelative(k.lastUsedAt) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {k.revokedAt ? (
                        <Badge color="gray" variant="light">
                          Revoked {formatRelative(k.revokedAt)}
                        </Badge>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(k)}
                          aria-label={`Revoke ${k.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <NewKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreate={async (name) => {
          const created = await createApiKey(workspaceId, connectionId, name);
          await refresh();
          return created;
        }}
      />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke API key?"
        message={`Requests with “${revoking?.name ?? ''}” (${revoking?.prefix ?? ''}…) are refused from now on. This cannot be undone; create a new key if you need one.`}
        confirmLabel="Revoke key"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (revoking) await revokeApiKey(workspaceId, connectionId, revoking.id);
          notifySuccess('The key was revoked.');
          await refresh();
        }}
      />
    </section>
  );
}

function NewKeyModal(props: {
  opened: boolean;
  onClose: () => void;
  onCreate: (name: string) => Promise<CreatedApiKey>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = () => {
    setName('');
    setError(null);
    setCreated(null);
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={created ? 'Your new API key' : 'New API key'}
      size="lg"
    >
      {created ? (
        <Stack>
          <SecretOnce
            values={[{ label: 'API key', value: created.token }]}
            where="Put it in your server’s configuration as a Bearer token."
            shownAs="its first characters, to tell keys apart"
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              setCreated(await props.onCreate(name));
            } catch (e) {
              setError(fieldErrorsOf(e).name ?? messageOf(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Stack>
            <TextInput
              label="Name"
              description="Which system uses it, e.g. Checkout server"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              data-autofocus
            />
            <InlineError message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
