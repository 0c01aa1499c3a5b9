// The program form's KPI targets, one list per part of the three-part value framework (business, marketing,
// content), so a program is judged on more than sales.
import { Fieldset, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { newRowKey, RowList } from '../../components/row-list';
import { FormSection } from './form-section';
import { type KpiCategory, kpiCategories, type ProgramFormApi } from './program-form-values';

const kpiCopy: Record<
  KpiCategory,
  { legend: string; description: string; placeholder: string; unit: string }
> = {
  business: {
    legend: 'Business value',
    description: 'What finance cares about: revenue, orders, customer acquisition cost.',
    placeholder: 'Attributed revenue',
    unit: 'USD',
  },
  marketing: {
    legend: 'Marketing value',
    description: 'Reach and resonance: impressions, engagement rate, new followers.',
    placeholder: 'Engagement rate',
    unit: '%',
  },
  content: {
    legend: 'Content value',
    description: 'Content you can reuse: pieces approved, assets licensed, earned media value.',
    placeholder: 'Approved pieces',
    unit: 'posts',
  },
};

export function KpiTargetsSection({ form }: { form: ProgramFormApi }) {
  return (
    <FormSection
      title="KPI targets"
      description="Targets in the three-part value framework, so the program is judged on more than sales."
    >
      {kpiCategories.map((category) => {
        const copy = kpiCopy[category];
        const path = `kpiTargets.${category}` as const;
        return (
          <Fieldset key={category} legend={copy.legend} radius="md">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {copy.description}
              </Text>
              <RowList
                rows={form.values.kpiTargets[category]}
                removeLabel={(i) => `Remove ${copy.legend.toLowerCase()} metric ${i + 1}`}
                onRemove={(i) => form.removeListItem(path, i)}
                addLabel={`Add ${copy.legend.toLowerCase()} target`}
                onAdd={() =>
                  form.insertListItem(path, { key: newRowKey(), metric: '', target: '', unit: '' })
                }
              >
                {(_, i) => (
                  <>
                    <TextInput
                      style={{ flex: 3 }}
                      label={i === 0 ? 'Metric' : undefined}
                      aria-label={`${copy.legend} metric ${i + 1}`}
                      placeholder={copy.placeholder}
                      {...form.getInputProps(`${path}.${i}.metric`)}
                    />
                    <NumberInput
                      style={{ flex: 2 }}
                      label={i === 0 ? 'Target' : undefined}
                      aria-label={`${copy.legend} target ${i + 1}`}
                      min={0}
                      thousandSeparator=","
                      {...form.getInputProps(`${path}.${i}.target`)}
                    />
                    <TextInput
                      style={{ flex: 1 }}
                      label={i === 0 ? 'Unit' : undefined}
                      aria-label={`${copy.legend} unit ${i + 1}`}
                      placeholder={copy.unit}
                      {...form.getInputProps(`${path}.${i}.unit`)}
                    />
                  </>
                )}
              </RowList>
            </Stack>
          </Fieldset>
        );
      })}
    </FormSection>
  );
}
