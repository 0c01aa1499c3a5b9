// A stored vetting report (PRODUCT V1–V9): the score and verdict with reviewers' overrides applied, the
// flags with evidence that clicks through to the posts and comments, and each section's figures and charts.
import { Badge, Card, Grid, Group, RingProgress, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { timelineQuery } from '../../features/people/api';
import { programQuery } from '../../features/programs/api';
import {
  type CreatorInput,
  overrideFlag,
  type ReportDetail,
  reportQuery,
  restoreFlag,
  reviewedOf,
} from '../../features/vetting/api';
import { EvidenceProvider } from '../../features/vetting/evidence';
import { FlagsList } from '../../features/vetting/flags-list';
import { PostsPanel } from '../../features/vetting/posts-panel';
import { ReportDownloads } from '../../features/vetting/report-downloads';
import { ReportSections } from '../../features/vetting/report-sections';
import { scoreColor, verdictColors, verdictLabels } from '../../features/vetting/report-view';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDateTime } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/vetting/$reportId');

export function VettingReportPage() {
  const { workspaceId, can } = useWorkspace();
  const { reportId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: detail } = useSuspenseQuery(reportQuery(workspaceId, reportId));
  const program = useQuery({
    ...programQuery(workspaceId, detail.programId ?? ''),
    enabled: detail.programId !== null,
  });
  const report = reviewedOf(detail);
  const input = detail.input as unknown as CreatorInput;

  const saved = async (updated: ReportDetail) => {
    queryClient.setQueryData(reportQuery(workspaceId, reportId).queryKey, updated);
    await queryClient.invalidateQueries({ queryKey: ['vetting', workspaceId, 'list'] });
    if (updated.creatorId) {
      await queryClient.invalidateQueries({
        queryKey: timelineQuery(workspaceId, updated.creatorId).queryKey,
      });
    }
  };

  const active = report.flags.filter((f) => !f.overridden);
  const count = (severity: string) => active.filter((f) => f.severity === severity).length;
  const persona = program.data
    ? {
        programName: program.data.name,
        countries: program.data.persona.countries,
        ageBands: program.data.persona.ageBands,
      }
    : null;

  return (
    <EvidenceProvider>
      <PageHeader
        above={
          detail.creatorId ? (
            <AnchorLink
              to="/w/$workspaceId/creators/$creatorId"
              params={{ workspaceId, creatorId: detail.creatorId }}
              size="sm"
            >
              ← Creator
            </AnchorLink>
          ) : (
            <AnchorLink to="/w/$workspaceId/people" params={{ workspaceId }} size="sm">
              ← People
            </AnchorLink>
          )
        }
        title={`Vetting: @${detail.handle}`}
        description={[
          platformLabels[detail.platform as keyof typeof platformLabels] ?? detail.platform,
          `run ${formatDateTime(detail.createdAt)}`,
          `engine ${detail.engineVersion}`,
          program.data
            ? `against ${program.data.name}`
            : detail.programId
              ? 'against a program'
              : 'no program',
        ].join(' · ')}
        actions={<ReportDownloads detail={detail} />}
      />

      <Card withBorder radius="lg" padding="lg" mb="lg" component="section" aria-label="Score">
        <Group gap="xl" wrap="wrap">
          <RingProgress
            size={120}
            thickness={10}
            roundCaps
            sections={[{ value: detail.score, color: scoreColor(detail.score) }]}
            label={
              <Stack gap={0} align="center">
                <Text fz={30} fw={700} lh={1} data-testid="vetting-score">
                  {detail.score}
                </Text>
                <Text size="xs" c="dimmed">
                  of 100
                </Text>
              </Stack>
            }
          />
          <Stack gap={6}>
            <Group gap="sm">
              <Badge
                size="xl"
                color={verdictColors[detail.verdict]}
                variant="filled"
                data-testid="vetting-verdict"
              >
                {verdictLabels[detail.verdict]}
              </Badge>
            </Group>
            <Text size="sm">
              {count('critical')} critical · {count('warning')} warnings · {count('info')} notes
              {detail.overrides.length > 0 ? ` · ${detail.overrides.length} overridden` : ''}
            </Text>
            {detail.overrides.length > 0 ? (
              <Text size="sm" c="dimmed">
                The engine scored {detail.originalScore} ({verdictLabels[detail.originalVerdict]}) before
                reviewers set {detail.overrides.length === 1 ? 'a flag' : `${detail.overrides.length} flags`}{' '}
                aside.
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Each critical flag costs 35 points and each warning 10. Every flag shows the evidence behind
                it.
              </Text>
            )}
          </Stack>
        </Group>
      </Card>

      <Grid gap="lg" mb="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder radius="lg" padding="lg" component="section" aria-label="Flags">
            <Title order={3} fz="h4" mb="md">
              Flags
            </Title>
            <FlagsList
              flags={report.flags}
              overrides={detail.overrides}
              canOverride={can('vetting.override')}
              onOverride={async (flagKey, reason) => {
                await saved(await overrideFlag(workspaceId, reportId, { flagKey, reason }));
                notifySuccess('Flag overridden; the score was recalculated.');
              }}
              onRestore={async (overrideId) => {
                await saved(await restoreFlag(workspaceId, reportId, overrideId));
                notifySuccess('Flag restored.');
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            <PostsPanel input={input} report={report} />
          </div>
        </Grid.Col>
      </Grid>

      <Title order={3} mb="md">
        Checks
      </Title>
      <ReportSections report={report} input={input} persona={persona} />
    </EvidenceProvider>
  );
}
