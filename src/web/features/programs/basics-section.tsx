// The program form's basics: name, status, objective, the why, and the budget with its currency.
import { Grid, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { keysOf, objectiveDescriptions, objectiveLabels, optionsOf, statusLabels } from '../../lib/labels';
import { FormSection } from './form-section';
import type { ProgramFormApi } from './program-form-values';

// Older browsers lack Intl.supportedValuesOf; the common currencies are enough there.
const currencyOptions = (() => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'];
  }
})();

const objectiveOptions = keysOf(objectiveLabels).map((o) => ({
  value: o,
  label: `${objectiveLabels[o]} — ${objectiveDescriptions[o]}`,
}));

export function BasicsSection({ form }: { form: ProgramFormApi }) {
  return (
    <FormSection title="Basics" description="Why this program exists and what it should achieve.">
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <TextInput
            label="Program name"
            placeholder="Summer glow ambassadors"
            required
            {...form.getInputProps('name')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label="Status"
            data={optionsOf(statusLabels)}
            allowDeselect={false}
            description="Draft while you set it up, Active while it runs"
            {...form.getInputProps('status')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Select
            label="Objective"
            data={objectiveOptions}
            allowDeselect={false}
            required
            {...form.getInputProps('objective')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            label="Why"
            description="The reason behind the program, in words ambassadors will read in their portal"
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('why')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <NumberInput
            label="Budget"
            description="Total for the program, in major units (e.g. dollars)"
            min={0}
            decimalScale={2}
            thousandSeparator=","
            placeholder="No budget set"
            {...form.getInputProps('budget')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Currency"
            data={currencyOptions}
            searchable
            allowDeselect={false}
            description="ISO 4217 code"
            {...form.getInputProps('currency')}
          />
        </Grid.Col>
      </Grid>
    </FormSection>
  );
}
