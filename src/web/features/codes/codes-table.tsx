// A program's discount codes: code, ambassador, description, status, redemptions, Shopify; rotate and
// retire (each confirmed, with a reason), and "Create in Shopify" where the program has a connection.

import {
  ActionIcon,
  Badge,
  Button,
  CopyButton,
  Group,
  Menu,
  Paper,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconDots, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../../components/links';
import { formatDate, formatNumber } from '../../lib/format';
import { notifyError, notifySuccess, notifyWarning } from '../../lib/notify';
import { useWorkspace } from '../workspaces/workspace-context';
import { codesKey, createInShopify, type DiscountCodeView, type RotateResult, retire, rotate } from './api';
import { ReasonModal } from './reason-modal';

type Action = { kind: 'rotate' | 'retire'; code: DiscountCodeView };

export function CodesTable(props: {
  programId: string;
  items: DiscountCodeView[];
  hasShopify: boolean;
  onRotated: (result: RotateResult) => void;
}) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [syncing, setSyncing] = useState<string | null>(null);
  const canWrite = can('tracking.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: codesKey(workspaceId, props.programId) });

  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={860}>
        <Table highlightOnHover verticalSpacing="sm" aria-label="Discount codes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Ambassador</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Redemptions</Table.Th>
              <Table.Th>Shopify</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((c) => (
              <Table.Tr key={c.id} data-code={c.code}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text
                      ff="monospace"
                      fw={600}
                      c={c.status === 'retired' ? 'dimmed' : undefined}
                      td={c.status === 'retired' ? 'line-through' : undefined}
                    >
                      {c.code}
                    </Text>
                    <CopyButton value={c.code}>
                      {({ copied, copy }) => (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          onClick={copy}
                          aria-label={`Copy ${c.code}`}
                        >
                          {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                        </ActionIcon>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspaceId/creators/$creatorId"
                    params={{ workspaceId, creatorId: c.creatorId }}
                    size="sm"
                    fw={500}
                  >
                    {c.ambassadorName}
                  </AnchorLink>
                  {c.handle ? (
                    <Text size="xs" c="dimmed">
                      @{c.handle}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.description}</Text>
                </Table.Td>
                <Table.Td>
                  {c.status === 'active' ? (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  ) : (
                    <Tooltip
                      label={`${c.retiredReason ?? 'No reason given'} · ${c.retiredAt ? formatDate(c.retiredAt) : ''}`}
                    >
                      <Badge color="gray" variant="light">
                        Retired
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(c.redemptions)}</Table.Td>
                <Table.Td>
                  {c.shopify ? (
                    <Badge color="green" variant="dot">
                      Synced {c.syncedAt ? formatDate(c.syncedAt) : ''}
                    </Badge>
                  ) : props.hasShopify && c.status === 'active' && canWrite ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={syncing === c.id}
                      onClick={async () => {
                        setSyncing(c.id);
                        try {
                          await createInShopify(workspaceId, props.programId, c.id);
                          notifySuccess(`${c.code} now works at your Shopify checkout.`);
                          await refresh();
                        } catch (e) {
                          notifyError(e, `${c.code} was not created in Shopify`);
                        } finally {
                          setSyncing(null);
                        }
                      }}
                    >
                      Create in Shopify
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canWrite && c.status === 'active' ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${c.code}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          leftSection={<IconRefresh size={14} />}
                          onClick={() => setAction({ kind: 'rotate', code: c })}
                        >
                          Rotate…
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => setAction({ kind: 'retire', code: c })}
                        >
                          Retire…
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CodeActionModal
        action={action}
        onClose={() => setAction(null)}
        onConfirm={async (reason) => {
          if (!action) return;
          if (action.kind === 'rotate') {
            const result = await rotate(workspaceId, props.programId, action.code.id, reason);
            notifySuccess(`${result.retired.code} → ${result.issued.code}`, 'Code rotated');
            if (result.shopifyNote) notifyWarning(result.shopifyNote);
            props.onRotated(result);
          } else {
            const result = await retire(workspaceId, props.programId, action.code.id, reason);
            notifySuccess(`${result.retired.code} is retired.`);
            if (result.shopifyNote) notifyWarning(result.shopifyNote);
          }
          await refresh();
        }}
      />
    </Paper>
  );
}

function CodeActionModal(props: {
  action: Action | null;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const a = props.action;
  const isRotate = a?.kind === 'rotate';
  return (
    <ReasonModal
      opened={a !== null}
      title={isRotate ? `Rotate ${a?.code.code}?` : `Retire ${a?.code.code}?`}
      message={`${
        isRotate
          ? `${a?.code.code} stops working for new orders and ${a?.code.ambassadorName} gets a new code from the program’s pattern with a random ending, so it cannot be guessed from the old one; orders that used the old one stay credited.`
          : `${a?.code.code} stops being ${a?.code.ambassadorName}’s code. It can never be issued again; orders that used it stay credited.`
      }${a?.code.shopify ? ' It is removed from Shopify too.' : ''}`}
      reasonLabel="Reason (optional, kept with the code)"
      placeholder={isRotate ? 'e.g. Posted on a coupon site' : 'e.g. Left the program'}
      confirmLabel={isRotate ? 'Rotate code' : 'Retire code'}
      danger
      onClose={props.onClose}
      onConfirm={props.onConfirm}
    />
  );
}
