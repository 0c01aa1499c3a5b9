// One of the ambassador's submissions: every round with the reviewer's comments anchored on the caption,
// the resubmit form when changes were requested, and the post URL form once it is approved.
import { Accordion, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import {
  portalMediaUrl,
  portalSubmissionQuery,
  portalSubmissionsKey,
  resubmitDraft,
  type SubmissionDetail,
} from '../../features/content/api';
import { formatLabels, platformLabels, statusColors, statusLabels } from '../../features/content/labels';
import { LiveCheck } from '../../features/content/live-check';
import { MediaPicker, mediaHints } from '../../features/content/media-picker';
import { RoundView } from '../../features/content/round-view';
import { PortalPublishForm } from '../../features/library/portal-publish-form';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';

const route = getRouteApi('/portal/app/content/$submissionId');

function ResubmitForm({ submission }: { submission: SubmissionDetail }) {
  const last = submission.rounds[submission.rounds.length - 1];
  const [caption, setCaption] = useState(last?.caption ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const queryClient = useQueryClient();
  const resubmit = useMutation({
    mutationFn: () => resubmitDraft(submission.id, caption, files),
    onSuccess: async (updated) => {
      queryClient.setQueryData(portalSubmissionQuery(submission.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: portalSubmissionsKey });
      notifySuccess(`Round ${updated.currentRound} is with the team for review.`, 'Resubmitted');
    },
  });
  const errors = resubmit.isError ? fieldErrorsOf(resubmit.error) : {};
  return (
    <Card withBorder radius="lg" p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          resubmit.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="h4">
            Resubmit
          </Title>
          <Text size="sm" c="dimmed">
            Edit the caption with the comments above in mind. New files replace the current ones; without new
            files, the current media stay.
          </Text>
          <Textarea
            label="Caption"
            autosize
            minRows={4}
            maxRows={14}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
            error={errors.caption}
          />
          <Card withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
            <LiveCheck programId={submission.programId} platform={submission.platform} caption={caption} />
          </Card>
          <MediaPicker value={files} onChange={setFiles} label="Replace media (optional)" />
          <FormError message={resubmit.isError ? messageOf(resubmit.error) : null} />
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconRefresh size={16} />}
              loading={resubmit.isPending}
              disabled={mediaHints(files).length > 0}
            >
              Resubmit for review
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function PortalSubmissionPage() {
  const { submissionId } = route.useParams();
  const { data: s } = useSuspenseQuery(portalSubmissionQuery(submissionId));
  const queryClient = useQueryClient();
  const rounds = [...s.rounds].reverse();
  const [latest, ...earlier] = rounds;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink to="/portal/content" size="sm">
          ← Content
        </AnchorLink>
        <Group justify="space-between">
          <Title order={2} fz="h3">
            {platformLabels[s.platform]} {formatLabels[s.format].toLowerCase()} · {s.programName}
          </Title>
          <Badge color={statusColors[s.status]} size="lg" variant="light">
            {statusLabels[s.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Round {s.currentRound}
          {s.plannedAt ? ` · planned for ${formatDate(s.plannedAt)}` : ''}
        </Text>
      </Stack>
      {s.status === 'changes_requested' ? (
        <Text size="sm">
          The team asked for changes. Their comments are highlighted on your caption below.
        </Text>
      ) : null}
      {latest ? (
        <Card withBorder radius="lg" p="lg">
          <RoundView round={latest} mediaUrl={portalMediaUrl} />
        </Card>
      ) : null}
      {s.status === 'changes_requested' ? <ResubmitForm submission={s} /> : null}
      {s.status === 'approved' || s.status === 'published' ? (
        <PortalPublishForm
          submissionId={s.id}
          // Recording the post URL makes the submission "published": refresh the badge above too.
          onPublished={() => queryClient.invalidateQueries({ queryKey: portalSubmissionsKey })}
        />
      ) : null}
      {earlier.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} fz="h5">
            Earlier rounds
          </Title>
          <Accordion variant="separated">
            {earlier.map((r) => (
              <Accordion.Item key={r.id} value={r.id}>
                <Accordion.Control>Round {r.round}</Accordion.Control>
                <Accordion.Panel>
                  <RoundView round={r} mediaUrl={portalMediaUrl} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ) : null}
    </Stack>
  );
}
