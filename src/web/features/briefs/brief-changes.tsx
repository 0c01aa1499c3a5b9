// "What changed" between two versions of a brief: per field, items added and removed, or before → after.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { BriefChange } from './api';

export function BriefChanges({ changes }: { changes: BriefChange[] }) {
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No changes to the content.
      </Text>
    );
  return (
    <List size="sm" spacing={6} aria-label="Changes">
      {changes.map((c) => (
        <List.Item key={c.field}>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {c.label}
            </Text>
            {c.kind === 'list' ? (
              <Group gap={4}>
                {c.added.map((item) => (
                  <Badge key={`+${item}`} color="teal" variant="light" tt="none" radius="sm">
                    + {item}
                  </Badge>
                ))}
                {c.removed.map((item) => (
                  <Badge
                    key={`-${item}`}
                    color="red"
                    variant="light"
                    tt="none"
                    radius="sm"
                    style={{ textDecoration: 'line-through' }}
                  >
                    − {item}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Text span c="dimmed" style={{ textDecoration: 'line-through' }}>
                  {c.before || '(empty)'}
                </Text>
                {' → '}
                {c.after || '(empty)'}
              </Text>
            )}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
