// The ambassador's content page (B2): submit a draft with a live compliance check, and see their drafts.
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import {
  type ContentFormat,
  contentFormats,
  type Platform,
  platforms,
  portalSubmissionsKey,
  portalSubmissionsQuery,
  submitDraft,
} from '../../features/content/api';
import { BriefSelect } from '../../features/content/brief-select';
import {
  formatLabels,
  platformLabels,
  rulesSummary,
  statusColors,
  statusLabels,
} from '../../features/content/labels';
import { LiveCheck } from '../../features/content/live-check';
import { MediaPicker, mediaHints } from '../../features/content/media-picker';
import { portalMeQuery } from '../../features/portal/api';
import { formatDate } from '../../lib/format';
import { fieldErrorsOf, messageOf } from '../../lib/problems';

const submittingStages = new Set(['onboarding', 'active']);

function SubmitDraftForm() {
  const { data: me } = useSuspenseQuery(portalMeQuery);
  const programs = me.programs.filter((p) => submittingStages.has(p.stage));
  const [programId, setProgramId] = useState(programs[0]?.programId ?? '');
  const [briefId, setBriefId] = useState('');
  const [platform, setPlatform] = useState<Platform>('instagram');
  const [format, setFormat] = useState<ContentFormat>('feed');
  const [caption, setCaption] = useState('');
  const [plannedAt, setPlannedAt] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: () => submitDraft({ programId, briefId, platform, format, caption, plannedAt, files }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: portalSubmissionsKey });
      await navigate({ to: '/portal/content/$submissionId', params: { submissionId: created.id } });
    },
  });
  const errors = submit.isError ? fieldErrorsOf(submit.error) : {};

  if (programs.length === 0)
    return (
      <Card withBorder radius="lg" p="lg">
        <Text size="sm">
          You can submit content once you are onboarding or active in a program. Your programs are on the “My
          programs” tab.
        </Text>
      </Card>
    );

  return (
    <Card withBorder radius="lg" p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="h4">
            Submit a draft
          </Title>
          <Text size="sm" c="dimmed">
            Send it at least 24 hours before you plan to publish; the team answers within a day.
          </Text>
          <Select
            label="Program"
            data={programs.map((p) => ({
              value: p.programId,
              label: `${p.programName} · ${p.workspaceName}`,
            }))}
            value={programId}
            onChange={(v) => setProgramId(v ?? '')}
            allowDeselect={false}
            error={errors.programId}
          />
          <BriefSelect programId={programId} value={briefId} onChange={setBriefId} error={errors.briefId} />
          <Group grow>
            <Select
              label="Platform"
              data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))}
              value={platform}
              onChange={(v) => setPlatform((v as Platform) ?? 'instagram')}
              allowDeselect={false}
              error={errors.platform}
            />
            <Select
              label="Format"
              data={contentFormats.map((f) => ({ value: f, label: formatLabels[f] }))}
              value={format}
              onChange={(v) => setFormat((v as ContentFormat) ?? 'feed')}
              allowDeselect={false}
              error={errors.format}
            />
          </Group>
          <Textarea
            label="Caption"
            description="Exactly as you will post it, hashtags included."
            autosize
            minRows={4}
            maxRows={14}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
            error={errors.caption}
          />
          <Card withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
            <LiveCheck programId={programId} briefId={briefId} platform={platform} caption={caption} />
          </Card>
          <MediaPicker value={files} onChange={setFiles} />
          <TextInput
            type="date"
            label="Planned publish date"
            value={plannedAt}
            onChange={(e) => setPlannedAt(e.currentTarget.value)}
            error={errors.plannedAt}
            maw={220}
          />
          <FormError
            message={submit.isError && Object.keys(errors).length === 0 ? messageOf(submit.error) : null}
          />
          {submit.isError && Object.keys(errors).some((k) => k.startsWith('media')) ? (
            <FormError message={messageOf(submit.error)} />
          ) : null}
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconSend size={16} />}
              loading={submit.isPending}
              disabled={mediaHints(files).length > 0}
            >
              Submit for review
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function MySubmissions() {
  const { data } = useSuspenseQuery(portalSubmissionsQuery);
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        My submissions
      </Title>
      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing submitted yet. Your drafts appear here with the reviewer’s answer.
        </Text>
      ) : (
        data.items.map((s) => (
          <Card key={s.id} withBorder radius="md" p="sm">
            <Grid align="center">
              <Grid.Col span={{ base: 12, xs: 8 }}>
                <AnchorLink to="/portal/content/$submissionId" params={{ submissionId: s.id }} fw={600}>
                  {platformLabels[s.platform]} {formatLabels[s.format].toLowerCase()} · {s.programName}
                </AnchorLink>
                <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {s.caption}
                </Text>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 4 }}>
                <Stack gap={4} align="flex-start">
                  <Badge color={statusColors[s.status]} variant="light">
                    {statusLabels[s.status]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    Round {s.currentRound} · {formatDate(s.submittedAt)}
                  </Text>
                  {s.failingMustRules.length > 0 ? (
                    <>
                      <Badge color="red" variant="outline" size="sm">
                        {s.failingMustRules.length} rule{s.failingMustRules.length === 1 ? '' : 's'} failing
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {rulesSummary(s.failingMustRules)}
                      </Text>
                    </>
                  ) : null}
                </Stack>
              </Grid.Col>
            </Grid>
          </Card>
        ))
      )}
    </Stack>
  );
}

export function PortalContentPage() {
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          Content
        </Title>
        <Text size="sm" c="dimmed">
          Drafts are checked automatically for disclosure and the brief’s rules, then reviewed by the team.
        </Text>
      </Stack>
      <SubmitDraftForm />
      <MySubmissions />
    </Stack>
  );
}
