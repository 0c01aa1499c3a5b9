// The ambassador's "I posted it" form in the portal (B5): paste the live post's URL of an approved draft.
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { portalPublicationQuery, recordOwnPostUrl } from './api';
import { PostUrlForm } from './publish-panel';

/** `onPublished` runs after the post URL is saved, for a page that shows the submission's status. */
export function PortalPublishForm({
  submissionId,
  onPublished,
}: {
  submissionId: string;
  onPublished?: (() => Promise<unknown>) | undefined;
}) {
  const queryClient = useQueryClient();
  const { data: publication, error, isPending } = useQuery(portalPublicationQuery(submissionId));
  if (isPending) return null;
  if (error || !publication) return <Alert color="red">{messageOf(error)}</Alert>;
  if (publication.status !== 'approved' && publication.status !== 'published') return null;
  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {publication.status === 'published' ? 'Posted' : 'Approved — post it, then share the link'}
        </Title>
        {publication.status === 'published' && publication.postUrl ? (
          <Text size="sm">
            <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" /> Thanks! We have your post:{' '}
            <Anchor href={publication.postUrl} target="_blank" rel="noopener noreferrer">
              {publication.postUrl}
            </Anchor>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Once it is live, paste the link here so nobody has to chase screenshots.
          </Text>
        )}
        <PostUrlForm
          publication={publication}
          onSubmit={async (input) => {
            await recordOwnPostUrl(submissionId, { postUrl: input.postUrl });
            notifySuccess('Thanks — your post is recorded.');
            await queryClient.invalidateQueries({ queryKey: ['portal', 'publication', submissionId] });
            await queryClient.invalidateQueries({ queryKey: ['portal', 'publications'] });
            await onPublished?.();
          }}
        />
      </Stack>
    </Paper>
  );
}
