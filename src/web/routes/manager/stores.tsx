// Stores & tracking (T3): every connection that reports orders, with the state of its last delivery,
// and the way in for adding one. Secrets never appear here.
import { Alert, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconBuildingStore, IconPlus, IconRoute } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isWebhookKind } from '../../../core/stores/kinds';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { programsQuery } from '../../features/programs/api';
import { AddConnectionModal } from '../../features/stores/add-connection-modal';
import { connectionsQuery } from '../../features/stores/api';
import { kindLabels } from '../../features/stores/kinds';
import { LastDelivery } from '../../features/stores/status-dot';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatNumber } from '../../lib/format';

export function StoresPage() {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(connectionsQuery(workspaceId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [adding, setAdding] = useState(false);
  const canManage = can('stores.manage');
  const connections = data.items;
  const addButton =
    canManage && programs.length > 0 ? (
      <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
        Add connection
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        title="Stores & tracking"
        description="Where orders come from: your store’s signed webhooks, the conversion pixel, the API or CSV imports. Each order is credited to at most one ambassador."
        actions={
          <>
            <ButtonLink
              variant="default"
              to="/w/$workspaceId/tracking-setup"
              params={{ workspaceId }}
              leftSection={<IconRoute size={16} />}
            >
              Tracking setup guide
            </ButtonLink>
            {connections.length > 0 ? addButton : null}
          </>
        }
      />
      {!canManage ? (
        <Alert color="gray" variant="light" mb="md">
          Only admins and owners add connections or see their secrets; you can see what is connected and how
          deliveries are going.
        </Alert>
      ) : null}
      {connections.length === 0 ? (
        <EmptyCard
          icon={<IconBuildingStore size={28} />}
          variant="light"
          title="No store connected yet"
          description={
            programs.length === 0
              ? 'Create a program first: each connection reports orders into one program.'
              : 'Connect Shopify, WooCommerce or Stripe, or add the pixel to your order-confirmation page, so orders are credited to the ambassadors who drove them. The tracking setup guide walks you through it.'
          }
          actions={
            <>
              {addButton}
              <ButtonLink variant="default" to="/w/$workspaceId/tracking-setup" params={{ workspaceId }}>
                Read the guide
              </ButtonLink>
            </>
          }
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label="Connections" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Connection</Table.Th>
                  <Table.Th>Program</Table.Th>
                  <Table.Th>Last received</Table.Th>
                  <Table.Th ta="right">Received (24 h)</Table.Th>
                  <Table.Th ta="right">Orders</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {connections.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <AnchorLink
                          to="/w/$workspaceId/stores/$connectionId"
                          params={{ workspaceId, connectionId: c.id }}
                          fw={500}
                          size="sm"
                        >
                          {c.name}
                        </AnchorLink>
                        <Badge variant="light" size="sm">
                          {kindLabels[c.kind]}
                        </Badge>
                      </Group>
                      {c.shopDomain ? (
                        <Text size="xs" c="dimmed">
                          {c.shopDomain}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.programName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <LastDelivery connection={c} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(isWebhookKind(c.kind) ? c.deliveriesLast24h : c.ordersLast24h)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(c.ordersCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Text size="sm" c="dimmed" mt="md">
        New here? The{' '}
        <AnchorLink to="/w/$workspaceId/tracking-setup" params={{ workspaceId }} inherit>
          tracking setup guide
        </AnchorLink>{' '}
        explains links, codes, webhooks, the pixel and how a conversion is credited.
      </Text>
      <AddConnectionModal
        opened={adding}
        workspaceId={workspaceId}
        programs={programs}
        takenNames={connections.map((c) => c.name)}
        onClose={() => setAdding(false)}
        onCreated={() => queryClient.invalidateQueries({ queryKey: ['stores', workspaceId] })}
      />
    </>
  );
}
