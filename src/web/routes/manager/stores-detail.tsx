// One store connection: where the platform should send orders (URL, topics, snippet), a test delivery,
// the last 50 deliveries, API keys for api connections, and the secret's management. Deleting says how
// many orders go with it.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isWebhookKind } from '../../../core/stores/kinds';
import { ConfirmModal } from '../../components/confirm-modal';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  type ConnectionDetail,
  connectionQuery,
  deleteConnection,
  type RevealedConnection,
  rotateSecret,
  sendTestDelivery,
  setDisabled,
  type TestDeliveryResult,
  updateConnection,
} from '../../features/stores/api';
import { ApiKeysSection } from '../../features/stores/api-keys-section';
import { ConnectionSnippets } from '../../features/stores/connection-snippets';
import { DeliveriesTable } from '../../features/stores/deliveries-table';
import { EditConnectionModal } from '../../features/stores/edit-connection-modal';
import { kindLabels } from '../../features/stores/kinds';
import { PlatformInstructions } from '../../features/stores/platform-instructions';
import { SecretOnce } from '../../features/stores/secret-once';
import { LastDelivery } from '../../features/stores/status-dot';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatCount, formatDateTime, formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';

const route = getRouteApi('/w/$workspaceId/stores/$connectionId');

export function StoreConnectionPage() {
  const { connectionId } = route.useParams();
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: connection } = useSuspenseQuery(connectionQuery(workspaceId, connectionId));
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'disable' | 'rotate' | null>(null);
  const [rotated, setRotated] = useState<RevealedConnection | null>(null);
  const canManage = can('stores.manage');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stores', workspaceId] });
  const isWebhook = isWebhookKind(connection.kind);

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/stores" params={{ workspaceId }} size="sm">
            ← Stores & tracking
          </AnchorLink>
        }
        title={
          <Group gap="sm">
            {connection.name}
            <Badge variant="light">{kindLabels[connection.kind]}</Badge>
            {connection.isDisabled ? (
              <Badge color="gray" variant="filled">
                Disabled
              </Badge>
            ) : null}
          </Group>
        }
        description={`Reports orders into ${connection.programName}. Added ${formatDateTime(connection.createdAt)}.`}
        actions={
          canManage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
              {connection.isDisabled ? (
                <Button
                  variant="default"
                  leftSection={<IconPlayerPlay size={16} />}
                  onClick={async () => {
                    await setDisabled(workspaceId, connection.id, false);
                    notifySuccess(`${connection.name} is enabled again.`);
                    await refresh();
                  }}
                >
                  Enable
                </Button>
              ) : (
                <Button
                  variant="default"
                  leftSection={<IconPlayerPause size={16} />}
                  onClick={() => setConfirm('disable')}
                >
                  Disable
                </Button>
              )}
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirm('delete')}
              >
                Delete
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="xl">
        {rotated?.secret ? (
          <SecretOnce
            values={[{ label: 'Webhook secret', value: rotated.secret }]}
            where="Paste it into the Secret field of both WooCommerce webhooks now: the old one no longer works."
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {/* Test deliveries prove the secret, not that the store sends: they are listed below, not counted here. */}
          <Fact
            label={isWebhook ? 'Last delivery from the store' : 'Last order received'}
            value={<LastDelivery connection={connection} />}
          />
          <Fact
            label={isWebhook ? 'From the store in the last 24 hours' : 'Orders in the last 24 hours'}
            value={formatNumber(isWebhook ? connection.deliveriesLast24h : connection.ordersLast24h)}
          />
          <Fact label="Orders" value={formatNumber(connection.ordersCount)} />
        </SimpleGrid>

        <Setup connection={connection} canManage={canManage} onRotate={() => setConfirm('rotate')} />

        {connection.kind === 'api' && canManage ? (
          <ApiKeysSection workspaceId={workspaceId} connectionId={connection.id} />
        ) : null}

        {isWebhook ? (
          <section aria-labelledby="deliveries-title">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="deliveries-title">
                Last deliveries
              </Title>
              {canManage ? (
                <TestDelivery workspaceId={workspaceId} connectionId={connection.id} onDone={refresh} />
              ) : null}
            </Group>
            <DeliveriesTable deliveries={connection.deliveries} />
          </section>
        ) : (
          <Text size="sm" c="dimmed">
            Orders from this connection, with whom each credits and why, are on{' '}
            <AnchorLink
              to="/w/$workspaceId/programs/$programId/conversions"
              params={{ workspaceId, programId: connection.programId }}
              search={{ connection: connection.id }}
              size="sm"
            >
              the conversions page of {connection.programName}
            </AnchorLink>
            .
          </Text>
        )}
      </Stack>

      <EditConnectionModal
        opened={editing}
        connection={connection}
        onClose={() => setEditing(false)}
        onSave={async (input) => {
          await updateConnection(workspaceId, connection.id, input);
          notifySuccess('Connection saved.');
          await refresh();
        }}
      />
      <ConfirmModal
        opened={confirm === 'disable'}
        title="Disable this connection?"
        message={`Deliveries to ${connection.name} are refused and nothing is recorded until you enable it again. The platform may retry and eventually give up.`}
        confirmLabel="Disable"
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          await setDisabled(workspaceId, connection.id, true);
          await refresh();
        }}
      />
      <ConfirmModal
        opened={confirm === 'rotate'}
        title="Generate a new secret?"
        message="The current secret stops working at once: WooCommerce deliveries fail until you paste the new one into both webhooks."
        confirmLabel="Generate new secret"
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          setRotated(await rotateSecret(workspaceId, connection.id));
          await refresh();
        }}
      />
      <ConfirmModal
        opened={confirm === 'delete'}
        title={`Delete ${connection.name}?`}
        message={
          connection.ordersCount > 0
            ? `This deletes the connection and its ${formatNumber(connection.ordersCount)} order${connection.ordersCount === 1 ? '' : 's'}, with the credit they gave ambassadors. Disable it instead to keep them.`
            : 'This deletes the connection, its deliveries and API keys. No orders came through it.'
        }
        confirmLabel={
          connection.ordersCount > 0
            ? `Delete with ${formatCount(connection.ordersCount, 'order')}`
            : 'Delete connection'
        }
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          const { ordersDeleted } = await deleteConnection(workspaceId, connection.id);
          notifySuccess(
            `${connection.name} was deleted${ordersDeleted > 0 ? ` with ${formatCount(ordersDeleted, 'order')}` : ''}.`,
          );
          await navigate({ to: '/w/$workspaceId/stores', params: { workspaceId } });
          await refresh();
        }}
      />
    </>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {label}
      </Text>
      {typeof value === 'string' ? (
        <Text size="xl" fw={600}>
          {value}
        </Text>
      ) : (
        value
      )}
    </Paper>
  );
}

/** Where this connection's orders come from and what to paste where. */
function Setup({
  connection,
  canManage,
  onRotate,
}: {
  connection: ConnectionDetail;
  canManage: boolean;
  onRotate: () => void;
}) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Title order={3} size="h4">
          Setup
        </Title>
        <ConnectionSnippets connection={connection} />
        <PlatformInstructions
          kind={connection.kind}
          webhookUrl={connection.webhookUrl}
          topics={connection.topics}
          added
        />
        {connection.hasSecret ? (
          <Group gap="sm">
            <Text size="sm">
              Signing secret:{' '}
              {canManage ? (
                <Text span ff="monospace" size="sm">
                  {connection.secretHint}
                </Text>
              ) : (
                'set (visible to admins)'
              )}
            </Text>
            {canManage && connection.kind === 'woocommerce' ? (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconRefresh size={14} />}
                onClick={onRotate}
              >
                Generate new secret
              </Button>
            ) : null}
          </Group>
        ) : null}
        {connection.kind === 'shopify' ? (
          <Text size="sm" c="dimmed">
            {connection.shopDomain && connection.hasAdminToken
              ? `Discount codes can be created in ${connection.shopDomain}.`
              : 'Add your shop domain and an Admin API access token (Edit) to create discount codes in Shopify.'}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Asks the server to send itself a signed sample delivery and shows the outcome (or the error). */
function TestDelivery({
  workspaceId,
  connectionId,
  onDone,
}: {
  workspaceId: string;
  connectionId: string;
  onDone: () => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestDeliveryResult | { error: string } | null>(null);
  return (
    <Stack gap={6} align="flex-end">
      <Button
        variant="light"
        leftSection={<IconSend size={16} />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setResult(null);
          try {
            setResult(await sendTestDelivery(workspaceId, connectionId));
            await onDone();
          } catch (e) {
            setResult({ error: messageOf(e) });
          } finally {
            setBusy(false);
          }
        }}
      >
        Send test delivery
      </Button>
      {result ? (
        'error' in result ? (
          <Alert color="red" variant="light" role="alert" py={6} title="The test delivery could not be sent">
            {result.error}
          </Alert>
        ) : (
          <Alert
            color={result.status === 'failed' || result.status === 'refused' ? 'red' : 'teal'}
            variant="light"
            role="status"
            py={6}
            title={`Test delivery: ${result.status} (HTTP ${result.httpStatus})`}
          >
            {result.detail ?? ''}
          </Alert>
        )
      ) : null}
    </Stack>
  );
}
