// A link's QR code, with PNG and SVG downloads (for print, packaging inserts, event booths).
import { Anchor, Button, Center, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Link } from './api';
import { qrUrl } from './api';

export function QrModal(props: { workspaceId: string; link: Link | null; onClose: () => void }) {
  const { link, workspaceId } = props;
  return (
    <Modal opened={link !== null} onClose={props.onClose} title="QR code" centered>
      {link ? (
        <Stack>
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
