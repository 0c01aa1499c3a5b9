// Listening (B8): posts mentioning the brand, imported from a listening tool, with the ambassador and
// submission each one matched. Unmatched posts are highlighted; caption matches wait for "Use as post URL".
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  ScrollArea,
  SegmentedControl,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconDownload, IconEar, IconFileImport, IconLink } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  confirmPostUrl,
  type ListenedPost,
  listenedPostsQuery,
  listeningExportUrl,
} from '../../features/listening/api';
import { ImportListeningModal } from '../../features/listening/import-listening-modal';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/notify';

function UseAsPostUrlButton({ post }: { post: ListenedPost }) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Tooltip label="Record this link as the submission’s post URL and mark it published">
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconLink size={14} />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await confirmPostUrl(workspaceId, post.id);
            await queryClient.invalidateQueries({ queryKey: ['listening', workspaceId] });
            notifySuccess('The submission is published with this post URL.');
          } catch (e) {
            notifyError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        Use as post URL
      </Button>
    </Tooltip>
  );
}

function PostRow({ post, canWrite }: { post: ListenedPost; canWrite: boolean }) {
  const { workspaceId } = useWorkspace();
  const isUnmatched = !post.ambassador || !post.submission;
  return (
    <Table.Tr
      bg={isUnmatched ? 'var(--mantine-color-orange-0)' : undefined}
      data-unmatched={isUnmatched || undefined}
    >
      <Table.Td>
        <Text size="sm" fw={500}>
          @{post.handle}
        </Text>
        <Text size="xs" c="dimmed">
          {platformLabels[post.platform]}
          {post.postedAt ? ` · ${formatDate(post.postedAt)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td maw={360}>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {post.caption || '—'}
        </Text>
        <Anchor
          href={post.url}
          target="_blank"
          rel="noopener noreferrer nofollow"
          size="xs"
          style={{ overflowWrap: 'anywhere' }}
        >
          {post.url}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {post.ambassador ? (
          <>
            <AnchorLink
              to="/w/$workspaceId/creators/$creatorId"
              params={{ workspaceId, creatorId: post.ambassador.creatorId }}
              size="sm"
            >
              {post.ambassador.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {post.ambassador.programName}
            </Text>
          </>
        ) : (
          <Badge color="orange" variant="light" radius="sm">
            No ambassador with this handle
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {post.submission ? (
          <Group gap={6}>
            <Badge variant="light" radius="sm" color={post.matchedBy === 'url' ? 'teal' : 'blue'} tt="none">
              {post.matchedBy === 'url' ? 'Matched by URL' : 'Same caption (proposed)'}
            </Badge>
            <Text size="xs" c="dimmed">
              {post.submission.format} · {post.submission.status.replace('_', ' ')}
            </Text>
            {post.canUseAsPostUrl && canWrite ? <UseAsPostUrlButton post={post} /> : null}
          </Group>
        ) : (
          <Badge color="orange" variant="light" radius="sm">
            No submission
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ListeningPage() {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unmatched'>('all');
  const [importOpen, setImportOpen] = useState(false);
  const { data: posts } = useSuspenseQuery(listenedPostsQuery(workspaceId, filter === 'unmatched'));
  const canWrite = can('content.write');
  const importButton = canWrite ? (
    <Button leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
      Import posts
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Listening"
        description="Posts that mention the brand, from your listening tool’s export: matched to ambassadors by handle and to their submissions by link, so nobody sends screenshots."
        actions={
          <>
            {importButton}
            <Button
              component="a"
              href={listeningExportUrl(workspaceId)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export CSV
            </Button>
          </>
        }
      />
      <Group mb="md">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v === 'unmatched' ? 'unmatched' : 'all')}
          data={[
            { value: 'all', label: 'All posts' },
            { value: 'unmatched', label: 'Unmatched' },
          ]}
        />
      </Group>
      {posts.length === 0 ? (
        <EmptyCard
          icon={<IconEar size={28} />}
          variant="light"
          title={filter === 'unmatched' ? 'Every post is matched' : 'No listened posts yet'}
          description={
            filter === 'unmatched'
              ? 'Each imported post has an ambassador and a submission.'
              : canWrite
                ? 'Export the posts that mention your brand from your listening tool (Brandwatch, Talkwalker, Mention, …) as CSV or JSON and import them here.'
                : 'A manager of this workspace can import posts from a listening tool.'
          }
          actions={filter === 'all' ? importButton : null}
        />
      ) : (
        <Card withBorder radius="lg" p={0}>
          <ScrollArea>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Listened posts" miw={860}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Author</Table.Th>
                  <Table.Th>Post</Table.Th>
                  <Table.Th>Ambassador</Table.Th>
                  <Table.Th>Submission</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {posts.map((p) => (
                  <PostRow key={p.id} post={p} canWrite={canWrite} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Card>
      )}
      <ImportListeningModal
        opened={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => queryClient.invalidateQueries({ queryKey: ['listening', workspaceId] })}
      />
    </>
  );
}
