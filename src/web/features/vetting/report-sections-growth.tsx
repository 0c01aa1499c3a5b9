// Report sections on follower counts and quality: growth with its spikes, and the follower sample.
import { Badge, Box, ScrollArea, Table, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import type { CreatorInput, ReviewedReport } from './api';
import { followerAnchor, growthAnchor, useTarget } from './evidence';
import { activeFlags, ChartBox, GrowthChart, PostLink, SectionCard, Stats } from './report-section-parts';
import { formatShare, reasonLabel } from './report-view';

export function GrowthSection({ report, input }: { report: ReviewedReport; input: CreatorInput }) {
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

export function FollowersSection({ report }: { report: ReviewedReport }) {
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
