// The ambassador's approved posts (B5): share the live link of each, so nobody chases screenshots.
import { Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { EmptyCard } from '../../components/empty-card';
import { portalPublicationsQuery } from '../../features/library/api';
import { PortalPublishForm } from '../../features/library/portal-publish-form';
import { formatDate } from '../../lib/format';
import { type ContentFormat, formatLabels, type Platform, platformLabels } from '../../lib/labels';

export function PortalPostsPage() {
  const { data: items } = useSuspenseQuery(portalPublicationsQuery);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        My posts
      </Title>
      {items.length === 0 ? (
        <EmptyCard
          icon={<IconSend size={28} />}
          variant="light"
          title="No approved posts yet"
          description="When the brand approves one of your drafts, it shows here so you can share the live link once it is posted."
        />
      ) : (
        items.map((p) => (
          <Stack key={p.submissionId} gap={6}>
            <Text size="sm" fw={600}>
              {p.programName} · {formatLabels[p.format as ContentFormat]} on{' '}
              {platformLabels[p.platform as Platform]}
              {p.publishedAt ? ` · posted ${formatDate(p.publishedAt)}` : ''}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {p.caption}
            </Text>
            <PortalPublishForm submissionId={p.submissionId} />
          </Stack>
        ))
      )}
    </Stack>
  );
}
