// The asset detail drawer: media, credit line, the approved caption (as text), rights (editable) and metrics.
import {
  Anchor,
  Badge,
  Code,
  CopyButton,
  Divider,
  Drawer,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../lib/format';
import { type ContentFormat, formatLabels, type Platform, platformLabels } from '../../lib/labels';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { assetQuery } from './api';
import { Thumbnail } from './asset-card';
import { MetricsTable } from './metrics-panel';
import { RightsBadges } from './rights-badges';
import { RightsEditor } from './rights-editor';

export function AssetDrawer(props: { assetId: string | null; onClose: () => void }) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const {
    data: asset,
    error,
    isPending,
  } = useQuery({
    ...assetQuery(workspaceId, props.assetId ?? ''),
    enabled: props.assetId !== null,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['library', workspaceId] });
  return (
    <Drawer
      opened={props.assetId !== null}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={asset ? `${asset.creatorName} · ${formatLabels[asset.format as ContentFormat]}` : 'Asset'}
    >
      {props.assetId && isPending ? <Loader /> : null}
      {error ? <Text c="red">{messageOf(error)}</Text> : null}
      {asset ? (
        <Stack gap="md">
          <Group align="flex-start" wrap="nowrap" gap="md">
            <div style={{ width: 140, flex: 'none' }}>
              <Thumbnail workspaceId={workspaceId} asset={asset} />
            </div>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={600}>{asset.creatorName}</Text>
              <Text size="sm" c="dimmed">
                {asset.handle ?? '—'} · {platformLabels[asset.platform as Platform]} · {asset.programName}
              </Text>
              <Text size="sm">Published {formatDateTime(asset.publishedAt)}</Text>
              {asset.postUrl ? (
                <Anchor href={asset.postUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  <Group gap={4} wrap="nowrap">
                    <IconExternalLink size={14} /> View the post
                  </Group>
                </Anchor>
              ) : null}
              <Group gap={4}>
                {asset.products.map((p) => (
                  <Badge key={p} size="sm" variant="outline" color="gray">
                    {p}
                  </Badge>
                ))}
              </Group>
            </Stack>
          </Group>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Credit line
            </Text>
            <CopyButton value={asset.creditLine}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                  <UnstyledButton onClick={copy} aria-label="Copy the credit line">
                    <Code>{asset.creditLine}</Code>
                  </UnstyledButton>
                </Tooltip>
              )}
            </CopyButton>
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Approved caption
            </Text>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="asset-caption"
            >
              {asset.caption}
            </Text>
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Media ({asset.media.length})
            </Text>
            {asset.media.length === 0 ? (
              <Text size="sm" c="dimmed">
                No files were attached to the approved draft.
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {asset.media.map((m) => (
                  <List.Item key={m.id}>
                    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {m.originalName}
                    </Text>{' '}
                    <Text span size="xs" c="dimmed">
                      {m.contentType}, {Math.max(1, Math.round(m.sizeBytes / 1024))} KB
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <Divider />
          <Title order={4} size="h5">
            Usage rights
          </Title>
          <RightsBadges rights={asset.rights} />
          {can('content.write') ? (
            <RightsEditor
              key={JSON.stringify(asset.rights)}
              workspaceId={workspaceId}
              asset={asset}
              onSaved={refresh}
            />
          ) : null}
          <Divider />
          <Title order={4} size="h5">
            Metrics
          </Title>
          <MetricsTable snapshots={asset.metrics} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
