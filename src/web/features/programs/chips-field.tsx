// A multiple choice shown as chips (age bands, platforms, usage channels), grouped under a legend so
// screen readers announce the question with each chip.
import { Chip, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { keysOf } from '../../lib/labels';

export function ChipsField<Key extends string>(props: {
  label: string;
  /** The choices, in order, with their labels. */
  labels: Record<Key, string>;
  value?: Key[];
  onChange: (value: Key[]) => void;
  error?: ReactNode;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw="var(--mantine-font-weight-medium)" mb={6} p={0}>
        {props.label}
      </Text>
      <Chip.Group multiple value={props.value} onChange={(value) => props.onChange(value as Key[])}>
        <Group gap="xs">
          {keysOf(props.labels).map((key) => (
            <Chip key={key} value={key} size="sm">
              {props.labels[key]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {props.error ? (
        <Text c="red" size="xs" mt={4}>
          {props.error}
        </Text>
      ) : null}
    </fieldset>
  );
}
