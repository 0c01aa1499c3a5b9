// A creator's applications (R1) on their profile: what they answered, the handles they gave and when
// they consented, one card per program they applied to. Answers are shown as text; links only if http(s).
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isHttpUrl } from '../../../core/recruitment/answers';
import { ErrorView } from '../../components/page';
import { formatDateTime, formatNumber } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { type Application, applicationsQuery } from './api';

function AnswerValue({ answer }: { answer: Application['answers'][number] }) {
  if (answer.value === null || answer.value === '') return <Text c="dimmed">No answer</Text>;
  if (answer.type === 'url' && typeof answer.value === 'string' && isHttpUrl(answer.value)) {
    return (
      <Anchor
        href={answer.value}
        target="_blank"
        rel="noopener noreferrer"
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
      >
        {answer.value}
      </Anchor>
    );
  }
  const text = typeof answer.value === 'number' ? formatNumber(answer.value) : answer.value;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** The applications a creator sent (all of them, or the one for one ambassador seat when `ambassadorId`). */
export function CreatorApplications({
  workspaceId,
  filter,
}: {
  workspaceId: string;
  filter: { creatorId: string } | { ambassadorId: string };
}) {
  const applications = useQuery(applicationsQuery(workspaceId, filter));
  if (applications.isError)
    return <ErrorView error={applications.error} onRetry={() => void applications.refetch()} />;
  if (!applications.data || applications.data.length === 0) return null;
  return (
    <>
      {applications.data.map((a) => (
        <Card
          key={a.id}
          withBorder
          radius="lg"
          padding="lg"
          component="section"
          aria-label={`Application to ${a.programName}`}
        >
          <Stack gap="md">
            <Stack gap={2}>
              <Title order={3} fz="h4">
                Application to {a.programName}
              </Title>
              <Text size="sm" c="dimmed">
                Sent {formatDateTime(a.createdAt)} on the application page · consented{' '}
                {formatDateTime(a.consentedAt)}
              </Text>
            </Stack>
            {a.answers.length > 0 ? (
              <Table aria-label="Answers" layout="fixed">
                <Table.Tbody>
                  {a.answers.map((answer) => (
                    <Table.Tr key={answer.questionId}>
                      <Table.Td w="40%" style={{ verticalAlign: 'top' }}>
                        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {answer.label}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <AnswerValue answer={answer} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Handles given
              </Text>
              <Group gap="md">
                {a.handles.map((h) => (
                  <Text key={`${h.platform}:${h.handle}`} size="sm">
                    {platformLabels[h.platform]} @{h.handle}
                    {h.followers !== null ? ` · ${formatNumber(h.followers)} followers` : ''}
                  </Text>
                ))}
              </Group>
            </Stack>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              Agreed to: “{a.consentText}”
            </Text>
          </Stack>
        </Card>
      ))}
    </>
  );
}
