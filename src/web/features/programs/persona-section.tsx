// The program form's ideal ambassador: audience countries, niches, age bands, platforms and reach. Used when
// creators are vetted and discovered.
import { MultiSelect, NumberInput, SimpleGrid, TagsInput } from '@mantine/core';
import { countryOptions } from '../../lib/countries';
import { ageBandLabels, platformLabels } from '../../lib/labels';
import { ChipsField } from './chips-field';
import { FormSection } from './form-section';
import type { ProgramFormApi } from './program-form-values';

export function PersonaSection({ form }: { form: ProgramFormApi }) {
  return (
    <FormSection
      title="Ideal ambassador"
      description="Who fits this program. Used when you vet and discover creators."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect
          label="Audience countries"
          description="Where their followers should be"
          placeholder="Pick countries"
          data={countryOptions}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={260}
          {...form.getInputProps('persona.countries')}
        />
        <TagsInput
          label="Interests and niches"
          description="Press Enter after each one"
          placeholder="skincare, clean beauty"
          clearable
          {...form.getInputProps('persona.niches')}
        />
      </SimpleGrid>
      <ChipsField
        label="Audience age bands"
        labels={ageBandLabels}
        {...form.getInputProps('persona.ageBands')}
      />
      <ChipsField label="Platforms" labels={platformLabels} {...form.getInputProps('persona.platforms')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label="Minimum followers"
          min={0}
          thousandSeparator=","
          placeholder="Any"
          {...form.getInputProps('persona.followerMin')}
        />
        <NumberInput
          label="Maximum followers"
          min={0}
          thousandSeparator=","
          placeholder="Any"
          {...form.getInputProps('persona.followerMax')}
        />
        <NumberInput
          label="Minimum engagement rate"
          description="(likes + comments) / followers"
          min={0}
          max={100}
          decimalScale={2}
          suffix="%"
          placeholder="Any"
          {...form.getInputProps('persona.minEngagementRate')}
        />
      </SimpleGrid>
    </FormSection>
  );
}
