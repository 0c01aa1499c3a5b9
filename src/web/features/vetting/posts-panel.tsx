// The creator's posts and sampled comments from the report's input, newest first: what evidence links
// point at. Spam comments carry the reasons the engine gave. Untrusted text is rendered as text.
import { Badge, Button, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDate, formatNumber } from '../../lib/format';
import type { CreatorInput, ReviewedReport } from './api';
import { useEvidence, useTarget } from './evidence';
import { commentAnchor, formatPct, postAnchor, reasonLabel } from './report-view';

type Post = NonNullable<CreatorInput['posts']>[number];
type CommentSample = NonNullable<Post['commentSamples']>[number];

const collapsedComments = 4;

export function PostsPanel({ input, report }: { input: CreatorInput; report: ReviewedReport }) {
  const posts = useMemo(
    () => [...(input.posts ?? [])].sort((a, b) => b.postedAt.localeCompare(a.postedAt)),
    [input.posts],
  );
  const verdicts = useMemo(
    () => new Map(report.sections.comments.items.map((c) => [`${c.postId}:${c.index}`, c])),
    [report],
  );
  const rates = useMemo(
    () => new Map(report.sections.engagement.figures.perPost.map((p) => [p.postId, p.ratePct])),
    [report],
  );
  return (
    <Card withBorder radius="lg" padding={0} component="section" aria-label="Posts and comments">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={3} fz="h4">
          Posts and comments
        </Title>
        <Text size="xs" c="dimmed">
          {posts.length} posts · {report.sections.comments.figures.sampled} comments sampled
        </Text>
      </Group>
      {posts.length === 0 ? (
        <Text size="sm" c="dimmed" p="md" pt={0}>
          The input had no posts. Add `posts` with `commentSamples` to the creator JSON to check engagement
          and comments.
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 140px)" type="auto" offsetScrollbars>
          <Stack gap="sm" p="md" pt={4}>
            {posts.map((post) => (
              <PostCard key={post.id} post={post} ratePct={rates.get(post.id)} verdicts={verdicts} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}

function PostCard(props: {
  post: Post;
  ratePct: number | undefined;
  verdicts: Map<string, ReviewedReport['sections']['comments']['items'][number]>;
}) {
  const { post } = props;
  const target = useTarget(postAnchor(post.id));
  const { openPostId } = useEvidence();
  const [isExpanded, setExpanded] = useState(false);
  const comments = post.commentSamples ?? [];
  const shown = isExpanded || openPostId === post.id ? comments : comments.slice(0, collapsedComments);
  return (
    <Card withBorder radius="md" padding="sm" {...target}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {post.id}
            </Text>
            {post.format ? (
              <Badge size="xs" variant="light" color="gray">
                {post.format}
              </Badge>
            ) : null}
            {post.isSponsored ? (
              <Badge size="xs" variant="light" color="orange">
                sponsored{post.brands?.length ? `: ${post.brands.join(', ')}` : ''}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatDate(post.postedAt)}
          </Text>
        </Group>
        {post.caption ? (
          <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {post.caption}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {formatNumber(post.likes ?? 0)} likes · {formatNumber(post.comments ?? 0)} comments
          {post.views !== undefined ? ` · ${formatNumber(post.views)} views` : ''}
          {props.ratePct !== undefined ? ` · ${formatPct(props.ratePct, 2)} engagement` : ''}
        </Text>
        {shown.length > 0 ? (
          <Stack gap={4} mt={4}>
            {shown.map((comment, index) => (
              <CommentRow
                // Samples have no ids; their index in the post is how the report refers to them.
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the comment's identity here
                key={index}
                postId={post.id}
                index={index}
                comment={comment}
                verdict={props.verdicts.get(`${post.id}:${index}`)}
              />
            ))}
          </Stack>
        ) : null}
        {comments.length > collapsedComments && openPostId !== post.id ? (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setExpanded((v) => !v)}>
            {isExpanded ? 'Show fewer comments' : `Show all ${comments.length} comments`}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

function CommentRow(props: {
  postId: string;
  index: number;
  comment: CommentSample;
  verdict: { isSpam: boolean; reasons: string[] } | undefined;
}) {
  const target = useTarget(commentAnchor(props.postId, props.index));
  const isSpam = props.verdict?.isSpam ?? false;
  return (
    <Group
      gap={6}
      wrap="nowrap"
      align="flex-start"
      px={6}
      py={2}
      data-spam={isSpam ? 'true' : undefined}
      {...target}
    >
      <Text size="xs" fw={600} style={{ flexShrink: 0, maxWidth: 120, overflowWrap: 'anywhere' }}>
        @{props.comment.author}
      </Text>
      <Text size="xs" style={{ flex: 1, overflowWrap: 'anywhere' }}>
        {props.comment.text}
      </Text>
      {isSpam ? (
        <Badge
          size="xs"
          color="red"
          variant="light"
          style={{ flexShrink: 0 }}
          title={props.verdict?.reasons.map(reasonLabel).join(', ')}
        >
          {reasonLabel(props.verdict?.reasons[0] ?? 'spam')}
        </Badge>
      ) : null}
    </Group>
  );
}
