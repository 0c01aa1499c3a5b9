// What a reviewer sees after submitting (or abstaining): the aggregate and its spread, a bar per criterion
// (mean, with the range across reviewers), and everyone's scores and comments.
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import type { Applicant } from './api';
import { AggregateText } from './score-parts';

/** A standard deviation of a point or more on a 1–5 scale is a real disagreement worth discussing. */
const isWideSpread = (stdDev: number) => stdDev >= 1;

export function RevealedPanel({ applicant }: { applicant: Applicant }) {
  const criteria = applicant.criteria;
  const columns =
    applicant.program.rubric.length > 0 ? applicant.program.rubric : (applicant.myReview?.rubric ?? []);
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-label="Committee scores"
    >
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz="h4">
              Committee scores
            </Title>
            <Text size="sm" c="dimmed">
              {applicant.reviewCount === 1 ? '1 review' : `${applicant.reviewCount} reviews`}; weighted by the
              rubric. σ is the standard deviation: how much the reviewers disagree.
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" aria-label="Aggregate">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Aggregate
            </Text>
            <AggregateText aggregate={applicant.aggregate} />
          </Stack>
        </Group>

        {criteria.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" aria-label="Per criterion">
            {criteria.map((c) => (
              <Stack key={c.id} gap={4}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    {c.label}
                  </Text>
                  <Group gap={6}>
                    <Text size="sm" fw={700}>
                      {c.mean.toFixed(2)}
                    </Text>
                    {isWideSpread(c.stdDev) ? (
                      <Tooltip label="The reviewers disagree here">
                        <Badge color="orange" variant="light" size="sm">
                          split
                        </Badge>
                      </Tooltip>
                    ) : null}
                  </Group>
                </Group>
                <Progress.Root size="lg" aria-label={`${c.label}: mean ${c.mean} of 5`}>
                  <Progress.Section
                    value={(c.mean / 5) * 100}
                    color={c.mean >= 4 ? 'teal' : c.mean >= 3 ? 'blue' : 'orange'}
                  />
                </Progress.Root>
                <Text size="xs" c="dimmed">
                  range {c.min}–{c.max} · σ {c.stdDev.toFixed(2)} · {c.count}{' '}
                  {c.count === 1 ? 'score' : 'scores'}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            No one has scored yet.
          </Text>
        )}

        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label="Reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reviewer</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.id} ta="center">
                    {c.label}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Weighted</Table.Th>
                <Table.Th>Comment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applicant.reviews.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.reviewerName}
                      {r.reviewerId === applicant.myReview?.reviewerId ? ' (you)' : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(r.submittedAt)}
                    </Text>
                  </Table.Td>
                  {r.abstained ? (
                    <Table.Td colSpan={columns.length + 1}>
                      <Badge variant="light" color="gray">
                        Abstained
                      </Badge>
                    </Table.Td>
                  ) : (
                    <>
                      {columns.map((c) => (
                        <Table.Td key={c.id} ta="center">
                          {r.scores[c.id] ?? '—'}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={700}>
                        {r.weightedScore?.toFixed(2) ?? '—'}
                      </Table.Td>
                    </>
                  )}
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {r.comment || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
