// The program's tiers: groups of ambassadors with their own follower range. Their order matters (the first
// is the entry tier), so each tier can move up and down as well as be removed.
import { ActionIcon, Fieldset, Grid, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { AddRowButton, newRowKey } from '../../components/row-list';
import type { ProgramFormApi } from './program-form-values';

export function TierList({ form }: { form: ProgramFormApi }) {
  const tiers = form.values.tiers;
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        Tiers
      </Text>
      <Text size="sm" c="dimmed">
        Groups of ambassadors with their own follower range (and later, their own compensation). Order
        matters: the first tier is the entry tier.
      </Text>
      {tiers.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          No tiers yet.
        </Text>
      ) : null}
      {tiers.map((tier, i) => (
        <Fieldset key={tier.key} legend={`Tier ${i + 1}`} radius="md">
          <Grid align="flex-start">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                label="Name"
                placeholder="Nano"
                required
                {...form.getInputProps(`tiers.${i}.name`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3 }}>
              <NumberInput
                label="Min followers"
                min={0}
                thousandSeparator=","
                {...form.getInputProps(`tiers.${i}.followerMin`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3 }}>
              <NumberInput
                label="Max followers"
                min={0}
                thousandSeparator=","
                {...form.getInputProps(`tiers.${i}.followerMax`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <Group gap={4} mt={{ base: 0, md: 26 }} justify="flex-end" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={i === 0}
                  aria-label={`Move tier ${i + 1} up`}
                  onClick={() => form.reorderListItem('tiers', { from: i, to: i - 1 })}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={i === tiers.length - 1}
                  aria-label={`Move tier ${i + 1} down`}
                  onClick={() => form.reorderListItem('tiers', { from: i, to: i + 1 })}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove tier ${i + 1}`}
                  onClick={() => form.removeListItem('tiers', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label="Description"
                placeholder="What this tier gets and gives"
                {...form.getInputProps(`tiers.${i}.description`)}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
      ))}
      <AddRowButton
        onClick={() =>
          form.insertListItem('tiers', {
            key: newRowKey(),
            name: '',
            description: '',
            followerMin: '',
            followerMax: '',
          })
        }
      >
        Add tier
      </AddRowButton>
    </Stack>
  );
}
