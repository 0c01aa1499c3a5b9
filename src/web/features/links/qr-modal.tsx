// A link's QR code, with PNG and SVG downloads (for print, packaging inserts, event booths).
import { Alert, Anchor, Button, Center, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { formatDate } from '../../lib/format';
import type { Link } from './api';
import { qrUrl } from './api';

export function QrModal(props: { workspaceId: string; link: Link | null; onClose: () => void }) {
  const { link, workspaceId } = props;
  return (
    <Modal opened={link !== null} onClose={props.onClose} title="QR code" centered>
      {link ? (
        <Stack>
          <ScanWarning link={link} />
          <Center>
            <Image
              src={qrUrl(workspaceId, link.id, 'svg')}
              alt={`QR code for ${link.url}`}
              w={240}
              h={240}
              fit="contain"
            />
          </Center>
          <Text size="sm" ta="center">
            <Anchor href={link.url} target="_blank" rel="noreferrer">
              {link.url}
            </Anchor>
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            Scans count as clicks of {link.ambassador.name}’s link.
          </Text>
          <Group justify="center">
            <Button
              component="a"
              href={qrUrl(workspaceId, link.id, 'png', true)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              PNG
            </Button>
            <Button
              component="a"
              href={qrUrl(workspaceId, link.id, 'svg', true)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              SVG
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** A printed code outlives the link's settings: say when a scan would not reach the shop. */
function ScanWarning(props: { link: Link }) {
  const { link } = props;
  const text =
    link.status === 'disabled'
      ? 'This link is disabled: a scan opens a “link no longer active” page, not your shop. Enable the link before you print this code.'
      : link.status === 'expired'
        ? `This link expired on ${formatDate(link.expiresAt ?? '')}: a scan opens a “link no longer active” page, not your shop. Make a new link before you print a code.`
        : link.expiresAt
          ? `This link expires on ${formatDate(link.expiresAt)}; a printed code stops reaching your shop then.`
          : null;
  if (!text) return null;
  return (
    <Alert color={link.status === 'active' ? 'blue' : 'orange'} icon={<IconAlertTriangle size={16} />} p="sm">
      {text}
    </Alert>
  );
}
