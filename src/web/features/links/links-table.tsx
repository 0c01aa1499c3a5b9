// A table of tracked links: copy the short URL, QR code, click totals (all, unique, bots and previews),
// disable/enable, and delete (confirmed) for a link never clicked: a link with clicks is only disabled, so
// its clicks stay as attribution evidence. Used on the program's Links page and on a creator's page.
import { ActionIcon, Badge, CopyButton, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import {
  IconCheck,
  IconCopy,
  IconDots,
  IconLink,
  IconLinkOff,
  IconQrcode,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { formatDate, formatNumber } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useWorkspace } from '../workspaces/workspace-context';
import { deleteLink, type Link, setLinkEnabled } from './api';
import { QrModal } from './qr-modal';

const statusColors = { active: 'teal', disabled: 'gray', expired: 'orange' } as const;
const statusLabels = { active: 'Active', disabled: 'Disabled', expired: 'Expired' } as const;

export function LinksTable(props: { links: Link[]; showAmbassador?: boolean; label: string }) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [qrFor, setQrFor] = useState<Link | null>(null);
  const [deleting, setDeleting] = useState<Link | null>(null);
  const canWrite = can('tracking.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['links', workspaceId] });

  const toggle = async (link: Link) => {
    try {
      await setLinkEnabled(workspaceId, link.id, link.status === 'disabled');
      notifySuccess(
        link.status === 'disabled'
          ? 'The link redirects again.'
          : 'The link is off: visitors now see a “no longer active” page.',
      );
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>
              {props.showAmbassador ? <Table.Th>Ambassador</Table.Th> : null}
              <Table.Th>Short link</Table.Th>
              <Table.Th>Destination</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Clicks (all time)</Table.Th>
              <Table.Th ta="right">Unique (all time)</Table.Th>
              <Table.Th ta="right">Bots (all time)</Table.Th>
              <Table.Th w={84} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.links.map((link) => (
              <Table.Tr key={link.id} data-testid={`link-row-${link.slug}`}>
                {props.showAmbassador ? (
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {link.ambassador.name}
                    </Text>
                    {link.ambassador.handle ? (
                      <Text size="xs" c="dimmed">
                        @{link.ambassador.handle}
                      </Text>
                    ) : null}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" ff="monospace">
                      /l/{link.slug}
                    </Text>
                    <CopyButton value={link.url}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                          <ActionIcon
                            variant="subtle"
                            color={copied ? 'teal' : 'gray'}
                            onClick={copy}
                            aria-label={`Copy ${link.url}`}
                          >
                            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                  {link.campaign ? (
                    <Text size="xs" c="dimmed">
                      Campaign: {link.campaign}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" truncate title={link.destination}>
                    {link.destination.replace(/^https?:\/\//, '')}
                  </Text>
                  {link.expiresAt ? (
                    <Text size="xs" c="dimmed">
                      {link.status === 'expired' ? 'Expired' : 'Expires'} {formatDate(link.expiresAt)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {/* Never cut to "ACTI…" when the table is short of room: the destination gives way. */}
                  <Badge variant="light" color={statusColors[link.status]} radius="sm" miw="max-content">
                    {statusLabels[link.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" data-testid="link-clicks">
                  {formatNumber(link.totals.clicks)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(link.totals.unique)}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {formatNumber(link.totals.bot)}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label="QR code">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => setQrFor(link)}
                        aria-label="QR code"
                      >
                        <IconQrcode size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {canWrite ? (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label="Link actions">
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={
                              link.status === 'disabled' ? <IconLink size={14} /> : <IconLinkOff size={14} />
                            }
                            onClick={() => void toggle(link)}
                          >
                            {link.status === 'disabled' ? 'Enable' : 'Disable'}
                          </Menu.Item>
                          {link.totals.clicks === 0 ? (
                            <Menu.Item
                              color="red"
                              leftSection={<IconTrash size={14} />}
                              onClick={() => setDeleting(link)}
                            >
                              Delete…
                            </Menu.Item>
                          ) : (
                            <Menu.Label maw={220} style={{ whiteSpace: 'normal' }}>
                              Links with clicks can’t be deleted: their clicks are attribution evidence.
                              {link.status === 'disabled' ? '' : ' Disable it instead.'}
                            </Menu.Label>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <QrModal workspaceId={workspaceId} link={qrFor} onClose={() => setQrFor(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this link?"
        message={
          deleting
            ? `/l/${deleting.slug} has no clicks yet. Deleted, it stops working (visitors see “link not found”). Once a link has clicks it can only be disabled.`
            : ''
        }
        confirmLabel="Delete link"
        onConfirm={async () => {
          if (!deleting) return;
          await deleteLink(workspaceId, deleting.id);
          notifySuccess('Link deleted.');
          await refresh();
        }}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
