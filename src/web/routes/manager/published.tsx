// Published content (B5): approved pieces waiting for their post URL, and published ones with their
// metrics — each with the publication panel the review page also mounts.
import { Accordion, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconPhoto, IconSend } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { type Publication, publicationsQuery } from '../../features/library/api';
import { ImportMetricsModal } from '../../features/library/import-metrics-modal';
import { PublishPanel } from '../../features/library/publish-panel';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatCompact, formatDate } from '../../lib/format';
import { type ContentFormat, formatLabels, type Platform, platformLabels } from '../../lib/labels';

function Heading({ p }: { p: Publication }) {
  const latest = p.metrics.at(-1);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm">
          {p.creatorName} · {formatLabels[p.format as ContentFormat]} on{' '}
          {platformLabels[p.platform as Platform]}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {p.caption}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        {latest?.views !== null && latest?.views !== undefined ? (
          <Text size="xs" c="dimmed">
            {formatCompact(latest.views)} views
          </Text>
        ) : null}
        {p.publishedAt ? (
          <Badge variant="light" color="teal">
            {formatDate(p.publishedAt)}
          </Badge>
        ) : (
          <Badge variant="light" color="blue">
            Needs URL
          </Badge>
        )}
      </Group>
    </Group>
  );
}

export function PublishedContentPage() {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data: items } = useSuspenseQuery(publicationsQuery(workspaceId));
  const [importing, setImporting] = useState(false);
  const waiting = items.filter((p) => p.status === 'approved');
  const published = items.filter((p) => p.status === 'published');
  return (
    <>
      <PageHeader
        title="Published content"
        description="Approved pieces waiting for their post URL, and what they did once live. Recording the URL adds the piece to the library with the program’s usage rights."
        actions={
          <>
            {can('content.write') ? (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
              >
                Import metrics CSV
              </Button>
            ) : null}
            <ButtonLink
              to="/w/$workspaceId/library"
              params={{ workspaceId }}
              search={{}}
              leftSection={<IconPhoto size={16} />}
            >
              Library
            </ButtonLink>
          </>
        }
      />
      {items.length === 0 ? (
        <EmptyCard
          icon={<IconSend size={28} />}
          variant="light"
          title="Nothing approved yet"
          description="Once a reviewer approves a draft, it shows here until its post URL is recorded — by the ambassador in the portal or by you."
        />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="waiting-title">
            <Title order={3} size="h4" mb="sm" id="waiting-title">
              Waiting for a post URL ({waiting.length})
            </Title>
            {waiting.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every approved piece has its URL.
              </Text>
            ) : (
              <Accordion
                variant="separated"
                radius="lg"
                multiple
                defaultValue={waiting.slice(0, 3).map((p) => p.submissionId)}
              >
                {waiting.map((p) => (
                  <Accordion.Item key={p.submissionId} value={p.submissionId}>
                    <Accordion.Control>
                      <Heading p={p} />
                    </Accordion.Control>
                    <Accordion.Panel>
                      <PublishPanel submissionId={p.submissionId} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )}
          </section>
          <section aria-labelledby="published-title">
            <Title order={3} size="h4" mb="sm" id="published-title">
              Published ({published.length})
            </Title>
            {published.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing published yet.
              </Text>
            ) : (
              <Accordion variant="separated" radius="lg">
                {published.map((p) => (
                  <Accordion.Item key={p.submissionId} value={p.submissionId}>
                    <Accordion.Control>
                      <Heading p={p} />
                    </Accordion.Control>
                    <Accordion.Panel>
                      <PublishPanel submissionId={p.submissionId} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )}
          </section>
        </Stack>
      )}
      <ImportMetricsModal
        opened={importing}
        onClose={() => setImporting(false)}
        onImported={() => queryClient.invalidateQueries({ queryKey: ['library', workspaceId] })}
      />
    </>
  );
}
