// One round of a submission: the caption with the reviewer's comments anchored on it, the comments, the
// compliance result and the media. Shared by the portal and the review page.
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import type { SubmissionRound } from './api';
import { type CaptionSelection, CaptionText } from './caption-text';
import { CompliancePanel } from './compliance-panel';
import { MediaGrid } from './media-grid';
import type { Mark } from './segments';

export function decisionBadge(round: SubmissionRound) {
  if (round.decision === 'approved')
    return (
      <Badge color="green" variant="light">
        Approved{round.overrideReason ? ' with override' : ''}
      </Badge>
    );
  if (round.decision === 'changes_requested')
    return (
      <Badge color="orange" variant="light">
        Changes requested
      </Badge>
    );
  return (
    <Badge color="blue" variant="light">
      Waiting for review
    </Badge>
  );
}

export function CommentList({
  round,
  active,
  onHover,
}: {
  round: SubmissionRound;
  active?: string | null;
  onHover?: (id: string | null) => void;
}) {
  if (round.comments.length === 0 && !round.decisionNote) return null;
  return (
    <Stack gap="xs" aria-label="Reviewer comments">
      {round.comments.map((c) => (
        <Card
          key={c.id}
          withBorder
          padding="xs"
          radius="md"
          data-comment={c.id}
          bg={active === c.id ? 'var(--mantine-color-yellow-0)' : undefined}
          onMouseEnter={() => onHover?.(c.id)}
          onMouseLeave={() => onHover?.(null)}
        >
          {c.quote ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              On “<mark>{c.quote}</mark>”
            </Text>
          ) : null}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.body}
          </Text>
          <Text size="xs" c="dimmed">
            {c.authorName ? `${c.authorName} · ` : ''}
            {formatDateTime(c.createdAt)}
          </Text>
        </Card>
      ))}
      {round.decisionNote ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            Note:{' '}
          </Text>
          {round.decisionNote}
        </Text>
      ) : null}
    </Stack>
  );
}

export function RoundView(props: {
  round: SubmissionRound;
  mediaUrl: (id: string) => string;
  onSelectSpan?: (selection: CaptionSelection | null) => void;
  extraMarks?: Mark[];
}) {
  const { round } = props;
  const [active, setActive] = useState<string | null>(null);
  const marks: Mark[] = [
    ...round.comments
      .filter((c) => c.spanStart !== null && c.spanEnd !== null)
      .map((c) => ({ start: c.spanStart ?? 0, end: c.spanEnd ?? 0, id: c.id })),
    ...round.compliance.rules
      .filter((r) => r.span && active === r.id)
      .map((r) => ({ start: r.span?.start ?? 0, end: r.span?.end ?? 0, id: r.id })),
    ...(props.extraMarks ?? []),
  ];
  const notes = Object.fromEntries(round.comments.map((c) => [c.id, c.body]));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Round {round.round} · submitted {formatDateTime(round.submittedAt)}
          {round.briefVersion ? ` · brief version ${round.briefVersion}` : ''}
        </Text>
        {decisionBadge(round)}
      </Group>
      <CaptionText
        caption={round.caption}
        marks={marks}
        notes={notes}
        activeMark={active}
        onSelectSpan={props.onSelectSpan}
        label={`Caption, round ${round.round}`}
      />
      <CommentList round={round} active={active} onHover={setActive} />
      {round.overrideReason ? (
        <Text size="sm">
          <Text span fw={600}>
            Override reason:{' '}
          </Text>
          {round.overrideReason}
        </Text>
      ) : null}
      <CompliancePanel caption={round.caption} result={round.compliance} onHover={setActive} />
      <MediaGrid media={round.media} urlOf={props.mediaUrl} />
    </Stack>
  );
}
