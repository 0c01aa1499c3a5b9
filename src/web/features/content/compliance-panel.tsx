// Each compliance rule of a caption, passed or failed, with the words it points at shown as text.
import { Badge, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import type { SubmissionRound } from './api';
import { ruleLabel } from './labels';
import { excerpt } from './segments';

type Result = SubmissionRound['compliance'];

export function ComplianceSummary({ result }: { result: Result }) {
  const failingMust = result.rules.filter((r) => r.severity === 'must' && !r.passed).length;
  const failingShould = result.rules.filter((r) => r.severity === 'should' && !r.passed).length;
  if (failingMust > 0)
    return (
      <Badge color="red" variant="light">
        {failingMust} must-pass rule{failingMust === 1 ? '' : 's'} failing
      </Badge>
    );
  if (failingShould > 0)
    return (
      <Badge color="yellow" variant="light">
        Passes · {failingShould} to consider
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      All rules pass
    </Badge>
  );
}

export function CompliancePanel({
  caption,
  result,
  onHover,
}: {
  caption: string;
  result: Result;
  onHover?: (ruleId: string | null) => void;
}) {
  return (
    <Stack gap="xs" aria-label="Compliance check">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Compliance check
        </Text>
        <ComplianceSummary result={result} />
      </Group>
      <List spacing="xs" listStyleType="none" p={0} m={0}>
        {result.rules.map((rule) => {
          const color = rule.passed ? 'green' : rule.severity === 'must' ? 'red' : 'yellow';
          const Icon = rule.passed ? IconCheck : rule.severity === 'must' ? IconX : IconAlertTriangle;
          const part = rule.span ? excerpt(caption, rule.span) : null;
          return (
            <List.Item
              key={`${rule.id}:${rule.span?.start ?? ''}`}
              data-rule={rule.id}
              data-passed={rule.passed}
              onMouseEnter={() => onHover?.(rule.id)}
              onMouseLeave={() => onHover?.(null)}
              icon={
                <ThemeIcon color={color} size={20} radius="xl" variant="light">
                  <Icon size={13} />
                </ThemeIcon>
              }
            >
              <Stack gap={2}>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {rule.passed ? 'Passes' : 'Fails'}: {ruleLabel(rule.id)}
                  </Text>
                  <Badge size="xs" variant="outline" color={rule.severity === 'must' ? 'red' : 'gray'}>
                    {rule.severity === 'must' ? 'must pass' : 'should'}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {rule.message}
                </Text>
                {part ? (
                  <Text size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {part.before}
                    <mark>{part.match}</mark>
                    {part.after}
                  </Text>
                ) : null}
              </Stack>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
