// The manager's publication panel for one submission (B5): record the post URL of an approved piece (it
// then becomes a library asset) and enter its metrics. Mounted by the review page and the published list.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconPhoto } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../../components/links';
import { formatDateTime } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type Publication, publicationQuery, recordPostUrl } from './api';
import { MetricsEntryForm, MetricsTable } from './metrics-panel';

const examples: Record<string, string> = {
  instagram: 'https://www.instagram.com/p/…',
  tiktok: 'https://www.tiktok.com/@handle/video/…',
  youtube: 'https://www.youtube.com/watch?v=…',
  other: 'https://…',
};

export function PostUrlForm(props: {
  publication: Publication;
  onSubmit: (input: { postUrl: string; publishedAt?: string | undefined }) => Promise<unknown>;
  withDate?: boolean;
}) {
  const { publication } = props;
  const [postUrl, setPostUrl] = useState(publication.postUrl ?? '');
  const [publishedAt, setPublishedAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await props.onSubmit({
        postUrl: postUrl.trim(),
        publishedAt: publishedAt ? new Date(publishedAt).toISOString() : undefined,
      });
    } catch (e) {
      const errors = fieldErrorsOf(e);
      setFieldErrors(errors);
      if (!errors.postUrl && !errors.publishedAt) setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label="Post URL"
          description={`The live ${platformLabels[publication.platform]} post`}
          placeholder={examples[publication.platform]}
          value={postUrl}
          onChange={(e) => setPostUrl(e.currentTarget.value)}
          error={fieldErrors.postUrl}
          required
        />
        {props.withDate ? (
          <TextInput
            type="datetime-local"
            label="Published at"
            description="Your local time; leave empty for now"
            value={publishedAt}
            onChange={(e) => setPublishedAt(e.currentTarget.value)}
            error={fieldErrors.publishedAt}
          />
        ) : null}
        {error ? (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {publication.status === 'published' ? 'Update post URL' : 'Record post URL'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Publication state, post URL form and metrics of one submission (manager view). `onPublished` runs after
 * a post URL is saved, for a page that shows the submission's status elsewhere.
 */
export function PublishPanel({
  submissionId,
  onPublished,
}: {
  submissionId: string;
  onPublished?: (() => Promise<unknown>) | undefined;
}) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data: publication, error, isPending } = useQuery(publicationQuery(workspaceId, submissionId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['library', workspaceId] });
  if (isPending) return null;
  if (error || !publication)
    return (
      <Alert color="red" title="Publication could not be loaded">
        {messageOf(error)}
      </Alert>
    );
  const mayWrite = can('content.write');
  const isPublished = publication.status === 'published';
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      aria-label={`Publication of ${publication.creatorName}’s ${publication.format}`}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} size="h5">
            Publication
          </Title>
          <Badge color={isPublished ? 'teal' : 'blue'} variant="light">
            {isPublished
              ? 'Published'
              : publication.status === 'approved'
                ? 'Approved — awaiting post URL'
                : publication.status}
          </Badge>
        </Group>
        {isPublished && publication.postUrl ? (
          <Group gap="xs">
            <Anchor href={publication.postUrl} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={14} />
                <span style={{ overflowWrap: 'anywhere' }}>{publication.postUrl}</span>
              </Group>
            </Anchor>
            {publication.publishedAt ? (
              <Text size="xs" c="dimmed">
                published {formatDateTime(publication.publishedAt)}
              </Text>
            ) : null}
            {publication.assetId ? (
              <AnchorLink
                to="/w/$workspaceId/library"
                params={{ workspaceId }}
                search={{ asset: publication.assetId }}
                size="sm"
              >
                <Group gap={4} wrap="nowrap">
                  <IconPhoto size={14} /> In the library
                </Group>
              </AnchorLink>
            ) : null}
          </Group>
        ) : null}
        {mayWrite && (publication.status === 'approved' || isPublished) ? (
          <PostUrlForm
            publication={publication}
            withDate
            onSubmit={async (input) => {
              await recordPostUrl(workspaceId, submissionId, input);
              notifySuccess(
                isPublished ? 'Post URL updated.' : 'Published: the piece is now in the library.',
              );
              await refresh();
              await onPublished?.();
            }}
          />
        ) : null}
        {isPublished ? (
          <>
            <Title order={5} size="h6" mt="xs">
              Metrics
            </Title>
            <MetricsTable snapshots={publication.metrics} />
            {mayWrite ? (
              <MetricsEntryForm workspaceId={workspaceId} submissionId={submissionId} onSaved={refresh} />
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
