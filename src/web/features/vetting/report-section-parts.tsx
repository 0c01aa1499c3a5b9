// The pieces every report section shares: its card with the flag count, figures, chart slots and post links.
import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { ReviewedReport } from './api';
import { useEvidence } from './evidence';
import { postAnchor, type SectionKey, sectionLabels } from './report-view';

// Loaded lazily, so recharts is fetched only when a report is opened.
const charts = () => import('./vetting-charts');
export const GrowthChart = lazy(() => charts().then((m) => ({ default: m.GrowthChart })));
export const EngagementChart = lazy(() => charts().then((m) => ({ default: m.EngagementChart })));
export const CommentReasonsChart = lazy(() => charts().then((m) => ({ default: m.CommentReasonsChart })));
export const AudienceChart = lazy(() => charts().then((m) => ({ default: m.AudienceChart })));

export function SectionCard(props: {
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

export function Stats({ items }: { items: Array<[string, ReactNode]> }) {
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

export function ChartBox({ h, children }: { h: number; children: ReactNode }) {
  return (
    <Box mih={h}>
      <Suspense fallback={<Box h={h} />}>{children}</Suspense>
    </Box>
  );
}

/** Warnings and critical flags of a section, standing and set aside by reviewers. */
export function activeFlags(report: ReviewedReport, section: SectionKey) {
  const flags = report.flags.filter((f) => f.section === section && f.severity !== 'info');
  return {
    active: flags.filter((f) => !f.overridden).length,
    overridden: flags.filter((f) => f.overridden).length,
  };
}

export function PostLink({ postId, prefix = '' }: { postId: string; prefix?: string }) {
  const { show } = useEvidence();
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => show(postAnchor(postId), postId)}>
      {prefix}
      {postId}
    </Anchor>
  );
}
