// "My programs": each program the ambassador is in, with the brand, their stage, the why and what is
// expected of them each month.
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { Stage } from '../../../core/pipeline/stages';
import { StageBadge } from '../../components/stage-badge';
import { PortalBriefs } from '../../features/briefs/portal-briefs';
import { formatCount } from '../../features/content/labels';
import { type PortalProgram, portalMeQuery } from '../../features/portal/api';
import { PortalTrackingCard } from '../../features/portal/tracking-card';
import { formatDate } from '../../lib/format';
import { objectiveLabels } from '../../lib/labels';

/** What each stage means for the ambassador, in their words. */
const stageMeaning: Record<Stage, string> = {
  prospect: 'The brand is considering you.',
  invited: 'You are invited to join. Apply when you are ready.',
  applied: 'Thanks for applying! The team will review it soon.',
  in_review: 'Your application is being reviewed.',
  accepted: 'Welcome aboard! Onboarding comes next.',
  onboarding: 'You are getting set up. Watch your inbox for next steps.',
  active: 'You are an active ambassador.',
  paused: 'Your membership is paused for now.',
  offboarded: 'You are an alumnus of this program. Thank you!',
  declined: 'The program is not a fit right now.',
  waitlisted: 'You are on the waitlist; the brand will reach out when a seat opens.',
};

export function PortalHomePage() {
  const { data } = useSuspenseQuery(portalMeQuery);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          My programs
        </Title>
        <Text size="sm" c="dimmed">
          Signed in as {data.email}
        </Text>
      </Stack>
      {data.programs.length === 0 ? (
        <Card withBorder radius="lg" p="lg">
          <Stack gap="xs" align="flex-start">
            <IconSparkles size={24} color="var(--mantine-color-violet-6)" />
            <Text fw={600}>No programs yet</Text>
            <Text size="sm" c="dimmed">
              When a brand invites you to its ambassador program, it will appear here. Keep your profile up to
              date in the meantime.
            </Text>
          </Stack>
        </Card>
      ) : (
        <>
          <PortalTrackingCard />
          {data.programs.map((p) => (
            <ProgramCard key={p.ambassadorId} program={p} />
          ))}
        </>
      )}
      <PortalBriefs />
    </Stack>
  );
}

function ProgramCard({ program: p }: { program: PortalProgram }) {
  return (
    <Card withBorder radius="lg" p="lg" component="article" aria-label={p.programName}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
              {p.workspaceName}
            </Text>
            <Title order={3} fz="h4" style={{ overflowWrap: 'anywhere' }}>
              {p.programName}
            </Title>
          </Stack>
          <StageBadge stage={p.stage} size="lg" style={{ flexShrink: 0 }} />
        </Group>
        <Text size="sm">{stageMeaning[p.stage]}</Text>
        <Group gap={6}>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {objectiveLabels[p.objective]}
          </Badge>
          {p.tierName ? (
            <Badge variant="light" radius="sm" tt="none">
              Tier: {p.tierName}
            </Badge>
          ) : null}
        </Group>
        {p.why ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Why this program
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {p.why}
            </Text>
          </Stack>
        ) : null}
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            What is expected each month
          </Text>
          {p.cadence.length === 0 ? (
            <Text size="sm" c="dimmed">
              No set cadence. Post when it feels right.
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {p.cadence.map((c) => (
                <List.Item key={c.format}>{formatCount(c.perMonth, c.format)}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Text size="xs" c="dimmed">
          Stage since {formatDate(p.stageChangedAt)}
        </Text>
      </Stack>
    </Card>
  );
}
