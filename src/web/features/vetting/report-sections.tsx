// The report's sections V1–V8: each detector's figures, with charts where a picture says more (loaded
// lazily, so recharts is fetched only when a report is opened).
import {
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import type { CreatorInput, ReviewedReport } from './api';
import { accountAnchor, followerAnchor, growthAnchor, useEvidence, useTarget } from './evidence';
import {
  formatPct,
  formatShare,
  postAnchor,
  reasonLabel,
  type SectionKey,
  sectionLabels,
} from './report-view';

const charts = () => import('./vetting-charts');
const GrowthChart = lazy(() => charts().then((m) => ({ default: m.GrowthChart })));
const EngagementChart = lazy(() => charts().then((m) => ({ default: m.EngagementChart })));
const CommentReasonsChart = lazy(() => charts().then((m) => ({ default: m.CommentReasonsChart })));
const AudienceChart = lazy(() => charts().then((m) => ({ default: m.AudienceChart })));

/** The persona the report was run against (from its program), as sets of targeted keys. */
export interface PersonaTargets {
  programName: string;
  countries: string[];
  ageBands: string[];
}

export function ReportSections(props: {
  report: ReviewedReport;
  input: CreatorInput;
  persona: PersonaTargets | null;
}) {
  const { report, input } = props;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <EngagementSection report={report} />
      <CommentsSection report={report} />
      <GrowthSection report={report} input={input} />
      <PodsSection report={report} />
      <FollowersSection report={report} />
      <AlignmentSection report={report} input={input} persona={props.persona} />
      <ConflictsSection report={report} />
      <ConsistencySection report={report} />
    </SimpleGrid>
  );
}

function SectionCard(props: {
  section: SectionKey;
  children: ReactNode;
  flagCount: { active: number; overridden: number };
}) {
  const label = sectionLabels[props.section];
  const { active, overridden } = props.flagCount;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={label.title}>
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h4">
          <Text span c="dimmed" fw={600} mr={6}>
            {label.id}
          </Text>
          {label.title}
        </Title>
        {active > 0 ? (
          <Badge variant="light" color="orange">
            {active} {active === 1 ? 'flag' : 'flags'}
          </Badge>
        ) : overridden > 0 ? (
          <Badge variant="light" color="gray">
            {overridden} overridden
          </Badge>
        ) : (
          <Badge variant="light" color="teal">
            no flags
          </Badge>
        )}
      </Group>
      <Stack gap="md">{props.children}</Stack>
    </Card>
  );
}

function Stats({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <Group gap="xl" wrap="wrap">
      {items.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fw={600}>{value}</Text>
        </Stack>
      ))}
    </Group>
  );
}

function ChartBox({ h, children }: { h: number; children: ReactNode }) {
  return (
    <Box mih={h}>
      <Suspense fallback={<Box h={h} />}>{children}</Suspense>
    </Box>
  );
}

/** Warnings and critical flags of a section, standing and set aside by reviewers. */
function activeFlags(report: ReviewedReport, section: SectionKey) {
  const flags = report.flags.filter((f) => f.section === section && f.severity !== 'info');
  return {
    active: flags.filter((f) => !f.overridden).length,
    overridden: flags.filter((f) => f.overridden).length,
  };
}

function EngagementSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.engagement.figures;
  const band = `${f.benchmark.bandLowPct}–${f.benchmark.bandHighPct ?? '∞'} %`;
  return (
    <SectionCard section="engagement" flagCount={activeFlags(report, 'engagement')}>
      <Stats
        items={[
          ['Tier', `${f.tier} (${band})`],
          ['Average rate', formatPct(f.averageRatePct, 2)],
          ['View rate', formatPct(f.averageViewRatePct)],
          ['Posts (90 days)', formatNumber(f.postsInWindow)],
        ]}
      />
      {f.perPost.length > 0 ? (
        <ChartBox h={240}>
          <EngagementChart
            perPost={f.perPost}
            bandLowPct={f.benchmark.bandLowPct}
            bandHighPct={f.benchmark.bandHighPct}
            redFlagBelowPct={f.benchmark.redFlagBelowPct}
            tierLabel={f.tier}
          />
        </ChartBox>
      ) : (
        <Text size="sm" c="dimmed">
          No posts with likes or comments in the last 90 days.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Engagement = (likes + comments) ÷ followers per post. Band: {f.benchmark.source}.
      </Text>
    </SectionCard>
  );
}

function CommentsSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.comments.figures;
  const share = f.spamShare ?? 0;
  return (
    <SectionCard section="comments" flagCount={activeFlags(report, 'comments')}>
      <Stats
        items={[
          ['Sampled', formatNumber(f.sampled)],
          ['Spam', formatNumber(f.spamCount)],
          ['Spam share', formatShare(f.spamShare)],
          ['Creator replies', formatNumber(f.creatorReplies)],
        ]}
      />
      <Stack gap={4}>
        <Progress.Root size="lg" aria-label="Spam share">
          <Progress.Section
            value={share * 100}
            color={share >= 0.5 ? 'red' : share >= 0.25 ? 'orange' : 'teal'}
          >
            <Progress.Label>spam {formatShare(f.spamShare)}</Progress.Label>
          </Progress.Section>
          <Progress.Section value={(1 - share) * 100} color="gray.3" />
        </Progress.Root>
        <Text size="xs" c="dimmed">
          Seed 003: at 50 % spam or more, skip the creator.
        </Text>
      </Stack>
      {f.spamCount > 0 ? (
        <ChartBox h={120}>
          <CommentReasonsChart byReason={f.byReason} />
        </ChartBox>
      ) : null}
    </SectionCard>
  );
}

function GrowthSection({ report, input }: { report: ReviewedReport; input: CreatorInput }) {
  const { figures: f, flags } = report.sections.growth;
  const target = useTarget(growthAnchor);
  const declineDates = flags
    .filter((flag) => flag.code !== 'growth.spike-then-flat' && !flag.code.includes('spike'))
    .flatMap((flag) => flag.evidence.dates ?? []);
  return (
    <SectionCard section="growth" flagCount={activeFlags(report, 'growth')}>
      <Stats
        items={[
          ['Snapshots', formatNumber(f.points)],
          ['Median a day', f.medianPerDay === null ? '—' : `+${formatNumber(f.medianPerDay)}`],
          ['Spikes', formatNumber(f.spikes.length)],
          ['Longest decline', `${f.longestDeclineRun} days`],
        ]}
      />
      <Box {...target} style={{ ...target.style, padding: 4 }}>
        {(input.followerHistory ?? []).length >= 2 ? (
          <ChartBox h={240}>
            <GrowthChart
              history={input.followerHistory ?? []}
              spikes={f.spikes}
              declineDates={declineDates}
            />
          </ChartBox>
        ) : (
          <Text size="sm" c="dimmed">
            No follower history in the input. Add `followerHistory` (date, followers) to see growth.
          </Text>
        )}
      </Box>
      {f.spikes.length > 0 ? (
        <Table aria-label="Follower spikes" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dates</Table.Th>
              <Table.Th ta="right">Gained</Table.Th>
              <Table.Th>Then</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.spikes.map((s) => (
              <Table.Tr key={`${s.from}-${s.to}`}>
                <Table.Td>
                  {s.from} → {s.to}
                </Table.Td>
                <Table.Td ta="right">+{formatNumber(s.gained)}</Table.Td>
                <Table.Td>
                  {s.viralPostId ? (
                    <PostLink postId={s.viralPostId} prefix="viral post " />
                  ) : s.isFollowedByFlat ? (
                    'flat growth'
                  ) : (
                    'growth continued'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {f.largestDrop30d ? (
        <Text size="sm">
          Largest 30-day drop: {formatShare(f.largestDrop30d.share)} ({f.largestDrop30d.from} →{' '}
          {f.largestDrop30d.to})
        </Text>
      ) : null}
    </SectionCard>
  );
}

function PostLink({ postId, prefix = '' }: { postId: string; prefix?: string }) {
  const { show } = useEvidence();
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => show(postAnchor(postId), postId)}>
      {prefix}
      {postId}
    </Anchor>
  );
}

function AccountRow({ author, posts, share }: { author: string; posts: number; share: number }) {
  const target = useTarget(accountAnchor(author));
  return (
    <Table.Tr {...target}>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>@{author}</Table.Td>
      <Table.Td ta="right">{formatNumber(posts)}</Table.Td>
      <Table.Td ta="right">{formatShare(share)}</Table.Td>
    </Table.Tr>
  );
}

function PodsSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.pods.figures;
  const poolGroups = report.sections.pods.flags.filter((flag) => flag.code === 'pods.pool-group');
  return (
    <SectionCard section="pods" flagCount={activeFlags(report, 'pods')}>
      <Stats
        items={[
          ['Posts with comments', formatNumber(f.postsWithSamples)],
          ['Regular commenters', formatNumber(f.regulars.length)],
        ]}
      />
      {f.regulars.length > 0 ? (
        <ScrollArea.Autosize mah={260} type="auto">
          <Table aria-label="Accounts commenting on most posts" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Commenter</Table.Th>
                <Table.Th ta="right">Posts</Table.Th>
                <Table.Th ta="right">Share of posts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.regulars.map((r) => (
                <AccountRow key={r.author} {...r} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          No account commented on most posts.
        </Text>
      )}
      {poolGroups.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Groups across the vetted pool
          </Text>
          {poolGroups.map((g) => (
            <Card key={(g.evidence.accounts ?? []).join(',')} withBorder radius="md" padding="xs">
              <Text size="sm">Members: {(g.evidence.accounts ?? []).map((a) => `@${a}`).join(', ')}</Text>
              {g.evidence.followers?.length ? (
                <Text size="xs" c="dimmed">
                  Shared commenters: {g.evidence.followers.map((a) => `@${a}`).join(', ')}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : null}
    </SectionCard>
  );
}

function FollowerRow({ item }: { item: ReviewedReport['sections']['followers']['items'][number] }) {
  const target = useTarget(followerAnchor(item.username));
  return (
    <Table.Tr {...target}>
      <Table.Td miw={150} style={{ overflowWrap: 'anywhere' }}>
        {item.username}
      </Table.Td>
      <Table.Td>
        {item.isLikelyFake ? (
          <Badge size="xs" color="red" variant="light">
            likely fake
          </Badge>
        ) : (
          <Badge size="xs" color="teal" variant="light">
            looks real
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {item.reasons.map(reasonLabel).join(', ') || '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function FollowersSection({ report }: { report: ReviewedReport }) {
  const { figures: f, items } = report.sections.followers;
  const sorted = [...items].sort((a, b) => Number(b.isLikelyFake) - Number(a.isLikelyFake));
  return (
    <SectionCard section="followers" flagCount={activeFlags(report, 'followers')}>
      <Stats
        items={[
          ['Sampled', formatNumber(f.sampled)],
          ['Likely fake', formatNumber(f.likelyFake)],
          ['Fake share', formatShare(f.fakeShare)],
        ]}
      />
      {items.length > 0 ? (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table aria-label="Follower sample" fz="sm" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Follower</Table.Th>
                <Table.Th>Judgement</Table.Th>
                <Table.Th>Signs</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((item) => (
                <FollowerRow key={item.username} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          No follower sample in the input. Add `followerSample` to estimate fake followers.
        </Text>
      )}
    </SectionCard>
  );
}

function AlignmentSection(props: {
  report: ReviewedReport;
  input: CreatorInput;
  persona: PersonaTargets | null;
}) {
  const f = props.report.sections.alignment.figures;
  const audience = props.input.audience;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no');
  const hasAudience = !!audience && (!!audience.countries || !!audience.ages || !!audience.genders);
  return (
    <SectionCard section="alignment" flagCount={activeFlags(props.report, 'alignment')}>
      {f.hasPersona ? (
        <Stats
          items={[
            ['Country match', formatShare(f.countryShare)],
            ['Age match', formatShare(f.ageShare)],
            ['Interest match', formatShare(f.interestShare)],
            ['Followers in range', yesNo(f.isFollowerCountInRange)],
            ['Platform allowed', yesNo(f.isPlatformAllowed)],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          Run vetting against a program to compare the audience with its persona.
        </Text>
      )}
      {props.persona ? (
        <Text size="xs" c="dimmed">
          Persona of {props.persona.programName}: teal bars are audience the persona targets.
        </Text>
      ) : null}
      {hasAudience ? (
        <Stack gap="md">
          {audience?.countries ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Countries
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience countries"
                  shares={audience.countries as Record<string, number>}
                  targets={props.persona?.countries.length ? new Set(props.persona.countries) : null}
                  label={countryName}
                />
              </ChartBox>
            </Stack>
          ) : null}
          {audience?.ages ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Ages
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience ages"
                  shares={audience.ages as Record<string, number>}
                  targets={props.persona?.ageBands.length ? new Set(props.persona.ageBands) : null}
                  label={(k) => k}
                />
              </ChartBox>
            </Stack>
          ) : null}
          {audience?.genders ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Genders
              </Text>
              <ChartBox h={110}>
                <AudienceChart
                  title="Audience genders"
                  shares={audience.genders as Record<string, number>}
                  targets={null}
                  label={(k) => k}
                />
              </ChartBox>
            </Stack>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No audience data in the input.
        </Text>
      )}
    </SectionCard>
  );
}

function ConflictsSection({ report }: { report: ReviewedReport }) {
  const f = report.sections.conflicts.figures;
  return (
    <SectionCard section="conflicts" flagCount={activeFlags(report, 'conflicts')}>
      <Stats
        items={[
          ['Sponsored posts', formatNumber(f.sponsoredPosts)],
          ['Brands', f.sponsoredBrands.length > 0 ? f.sponsoredBrands.join(', ') : '—'],
          ['Exclusivity window from', f.windowStart],
        ]}
      />
      {f.conflicts.length > 0 ? (
        <Table aria-label="Competitor posts" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Post</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Competitor</Table.Th>
              <Table.Th>In window</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.conflicts.map((c) => (
              <Table.Tr key={`${c.postId}-${c.brand}`}>
                <Table.Td>
                  <PostLink postId={c.postId} />
                </Table.Td>
                <Table.Td>{formatDate(c.postedAt)}</Table.Td>
                <Table.Td>{c.brand}</Table.Td>
                <Table.Td>{c.isInWindow ? 'yes' : 'no'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No sponsored posts for the program’s competitors.
        </Text>
      )}
    </SectionCard>
  );
}

function ConsistencySection({ report }: { report: ReviewedReport }) {
  const f = report.sections.consistency.figures;
  return (
    <SectionCard section="consistency" flagCount={activeFlags(report, 'consistency')}>
      <Stats
        items={[
          ['Posts (90 days)', formatNumber(f.postsInWindow)],
          ['Per week', f.postsPerWeek.toFixed(1)],
          ['Longest gap', f.longestGap ? `${f.longestGap.days} days` : '—'],
        ]}
      />
      <Text size="sm" c="dimmed">
        Window {f.windowStart} → {f.windowEnd}
        {f.longestGap ? `; longest gap ${f.longestGap.from} → ${f.longestGap.to}` : ''}.
      </Text>
    </SectionCard>
  );
}
