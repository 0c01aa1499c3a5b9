// The public application form's social accounts: one row per platform and handle, added and removed.
import { ActionIcon, Button, Grid, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Platform } from '../../lib/labels';
import { type ApplyValues, newHandle } from './apply-values';

export function HandlesFieldset(props: {
  form: UseFormReturnType<ApplyValues>;
  platformOptions: Array<{ value: Platform; label: string }>;
  firstPlatform: Platform;
  accent: string;
}) {
  const { form, platformOptions, firstPlatform, accent } = props;
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        Your social accounts
      </Text>
      {form.values.handles.map((h, i) => (
        <Paper key={h.key} withBorder radius="md" p="sm">
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 12, xs: 4 }}>
              <Select
                label="Platform"
                data={platformOptions}
                allowDeselect={false}
                {...form.getInputProps(`handles.${i}.platform`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 4 }}>
              <TextInput
                label="Handle"
                placeholder="@yourname"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                {...form.getInputProps(`handles.${i}.handle`)}
              />
            </Grid.Col>
            <Grid.Col
              span={{
                base: form.values.handles.length > 1 ? 10 : 12,
                xs: form.values.handles.length > 1 ? 3 : 4,
              }}
            >
              <NumberInput
                label="Followers"
                placeholder="Optional"
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                {...form.getInputProps(`handles.${i}.followers`)}
              />
            </Grid.Col>
            {form.values.handles.length > 1 ? (
              <Grid.Col span={{ base: 2, xs: 1 }}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mb={2}
                  aria-label={`Remove account ${i + 1}`}
                  onClick={() => form.removeListItem('handles', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Grid.Col>
            ) : null}
          </Grid>
        </Paper>
      ))}
      {form.values.handles.length < 10 ? (
        <Button
          variant="subtle"
          color={accent}
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('handles', newHandle(firstPlatform))}
        >
          Add another account
        </Button>
      ) : null}
    </Stack>
  );
}
