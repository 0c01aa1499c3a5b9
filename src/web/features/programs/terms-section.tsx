// The program form's terms: what ambassadors are asked for and agree to — capacity, exclusivity, tiers,
// content cadence, competitors and default usage rights.
import { Fieldset, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { newRowKey, RowList } from '../../components/row-list';
import { formatLabels, optionsOf, usageChannelLabels } from '../../lib/labels';
import { ChipsField } from './chips-field';
import { FormSection } from './form-section';
import type { ProgramFormApi } from './program-form-values';
import { TierList } from './tier-list';

export function TermsSection({ form }: { form: ProgramFormApi }) {
  return (
    <FormSection
      title="Terms"
      description="What you ask of ambassadors and what they agree to. Be selective: a small cohort you can look after."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Capacity"
          description="Seats in the cohort; leave empty for no limit. When full, accepted people are waitlisted."
          min={1}
          allowDecimal={false}
          placeholder="No limit"
          {...form.getInputProps('capacity')}
        />
        <NumberInput
          label="Exclusivity window (days)"
          description="No competing promotions within this many days"
          min={0}
          allowDecimal={false}
          placeholder="None"
          {...form.getInputProps('exclusivityDays')}
        />
      </SimpleGrid>

      <TierList form={form} />

      <Stack gap="sm">
        <Text fw={600} size="sm">
          Content cadence
        </Text>
        <Text size="sm" c="dimmed">
          Pieces per month you expect from each ambassador, by format (for example 2 reels and 4 stories).
        </Text>
        <RowList
          rows={form.values.cadence}
          removeLabel={(i) => `Remove cadence ${i + 1}`}
          onRemove={(i) => form.removeListItem('cadence', i)}
          addLabel="Add format"
          onAdd={() => form.insertListItem('cadence', { key: newRowKey(), format: 'feed', perMonth: 2 })}
        >
          {(_, i) => (
            <>
              <Select
                style={{ flex: 2 }}
                label={i === 0 ? 'Format' : undefined}
                aria-label={`Cadence ${i + 1} format`}
                data={optionsOf(formatLabels)}
                allowDeselect={false}
                {...form.getInputProps(`cadence.${i}.format`)}
              />
              <NumberInput
                style={{ flex: 1 }}
                label={i === 0 ? 'Per month' : undefined}
                aria-label={`Cadence ${i + 1} per month`}
                min={1}
                max={60}
                allowDecimal={false}
                {...form.getInputProps(`cadence.${i}.perMonth`)}
              />
            </>
          )}
        </RowList>
      </Stack>

      <TagsInput
        label="Competitors"
        description="Brands ambassadors must not promote during the exclusivity window. Press Enter after each one."
        clearable
        {...form.getInputProps('competitors')}
      />

      <Fieldset legend="Default content usage rights" radius="md">
        <Stack>
          <ChipsField
            label="Channels where you may reuse their content"
            labels={usageChannelLabels}
            {...form.getInputProps('defaultUsageRights.channels')}
          />
          <NumberInput
            label="Duration (days)"
            description="How long you may use it; leave empty for no default"
            min={1}
            max={3650}
            allowDecimal={false}
            maw={260}
            {...form.getInputProps('defaultUsageRights.durationDays')}
          />
        </Stack>
      </Fieldset>
    </FormSection>
  );
}
