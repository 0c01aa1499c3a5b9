// Thumbnails of a round's media (images and videos from the authenticated media route) with their
// original file names shown as text.
import { Anchor, Card, Image, SimpleGrid, Text } from '@mantine/core';
import type { MediaItem } from './api';
import { formatBytes } from './labels';

export function MediaGrid({ media, urlOf }: { media: MediaItem[]; urlOf: (id: string) => string }) {
  if (media.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No media attached.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      {media.map((m) => (
        <Card key={m.id} withBorder padding="xs" radius="md">
          <Card.Section>
            {m.contentType.startsWith('video/') ? (
              // biome-ignore lint/a11y/useMediaCaption: ambassadors' drafts come without caption tracks
              <video
                src={urlOf(m.id)}
                controls
                preload="metadata"
                style={{ width: '100%', maxHeight: 180 }}
              />
            ) : (
              <Image src={urlOf(m.id)} alt={m.originalName} h={140} fit="cover" />
            )}
          </Card.Section>
          <Anchor
            href={urlOf(m.id)}
            target="_blank"
            rel="noopener"
            size="xs"
            mt={6}
            style={{ overflowWrap: 'anywhere' }}
          >
            {m.originalName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatBytes(m.sizeBytes)}
            {m.carriedFromRound ? ` · from round ${m.carriedFromRound}` : ''}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
