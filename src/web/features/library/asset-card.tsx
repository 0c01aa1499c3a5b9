// One asset in the library grid: thumbnail (or a placeholder), who made it, where, and its rights badges.
import {
  AspectRatio,
  Badge,
  Box,
  Card,
  Center,
  Checkbox,
  Group,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconPhoto, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCompact, formatDate } from '../../lib/format';
import { type ContentFormat, formatLabels, type Platform, platformLabels } from '../../lib/labels';
import { type AssetSummary, mediaUrl } from './api';
import { RightsBadges } from './rights-badges';

/** The first image of the piece, or a placeholder while the media route is unavailable or there is none. */
export function Thumbnail({ workspaceId, asset }: { workspaceId: string; asset: AssetSummary }) {
  const [failed, setFailed] = useState(false);
  const Icon =
    asset.format === 'video' || asset.format === 'reel' || asset.format === 'short' ? IconVideo : IconPhoto;
  return (
    <AspectRatio ratio={4 / 5}>
      {asset.thumbnailMediaId && !failed ? (
        <img
          src={mediaUrl(workspaceId, asset.thumbnailMediaId)}
          alt={`${asset.creatorName}’s ${formatLabels[asset.format as ContentFormat]}`}
          loading="lazy"
          style={{ objectFit: 'cover', width: '100%', height: '100%' }}
          onError={() => setFailed(true)}
        />
      ) : (
        <Center bg="var(--mantine-color-violet-0)" c="violet.4" aria-label="No preview">
          <Icon size={40} stroke={1.4} />
        </Center>
      )}
    </AspectRatio>
  );
}

export function AssetCard(props: {
  workspaceId: string;
  asset: AssetSummary;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
}) {
  const { asset } = props;
  const views = asset.latestMetrics?.views;
  return (
    <Card
      withBorder
      radius="lg"
      padding={0}
      data-testid="asset-card"
      aria-label={`Asset by ${asset.creatorName}`}
    >
      {/* One button for the picture and its caption, so either opens the drawer (Enter/Space too). */}
      <Box pos="relative">
        <UnstyledButton
          onClick={props.onOpen}
          w="100%"
          display="block"
          aria-label={`Open ${asset.creatorName}’s ${asset.format}`}
        >
          <Thumbnail workspaceId={props.workspaceId} asset={asset} />
          <Stack gap={6} px="sm" pt="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" truncate>
                {asset.creatorName}
              </Text>
              {views !== null && views !== undefined ? (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatCompact(views)} views
                </Text>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" truncate>
              {asset.handle ?? '—'} · {formatDate(asset.publishedAt)}
            </Text>
            <Group gap={4}>
              <Badge size="xs" variant="light" color="violet">
                {platformLabels[asset.platform as Platform]}
              </Badge>
              <Badge size="xs" variant="light" color="gray">
                {formatLabels[asset.format as ContentFormat]}
              </Badge>
              {asset.products.map((p) => (
                <Badge key={p} size="xs" variant="outline" color="gray">
                  {p}
                </Badge>
              ))}
            </Group>
          </Stack>
        </UnstyledButton>
        <Checkbox
          pos="absolute"
          top={10}
          left={10}
          size="md"
          checked={props.selected}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
          aria-label={`Select ${asset.creatorName}’s ${asset.format} for export`}
        />
      </Box>
      <Stack gap={6} px="sm" pb="sm" pt={6}>
        <RightsBadges rights={asset.rights} />
      </Stack>
    </Card>
  );
}
