// Report sections V1–V2: engagement rate against its tier's band, and the comment spam sample.
import { Progress, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import type { ReviewedReport } from './api';
import {
  activeFlags,
  ChartBox,
  CommentReasonsChart,
  EngagementChart,
  SectionCard,
  Stats,
} from './report-section-parts';
import { formatPct, formatShare } from './report-view';

export function EngagementSection({ report }: { report: ReviewedReport }) {
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

export function CommentsSection({ report }: { report: ReviewedReport }) {
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
