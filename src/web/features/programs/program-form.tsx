// The program editor (PRODUCT P1–P3): basics, KPI targets in the three-part value framework, persona and
// terms. The form's field paths match the API's, so server problems land next to the right input.
import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { countryOptions } from '../../lib/countries';
import { majorToMinor, minorToMajor } from '../../lib/format';
import {
  type AgeBand,
  ageBandLabels,
  type ContentFormat,
  formatLabels,
  keysOf,
  type Objective,
  objectiveDescriptions,
  objectiveLabels,
  optionsOf,
  type Platform,
  type ProgramStatus,
  platformLabels,
  statusLabels,
  type UsageChannel,
  usageChannelLabels,
} from '../../lib/labels';
import { revealFirstError, splitProblems } from '../../lib/problems';
import type { Program, ProgramInput } from './api';

type NumberValue = number | string;

interface KpiRow {
  key: string;
  metric: string;
  target: NumberValue;
  unit: string;
}

interface TierRow {
  key: string;
  id?: string | undefined;
  name: string;
  description: string;
  followerMin: NumberValue;
  followerMax: NumberValue;
}

interface CadenceRow {
  key: string;
  format: ContentFormat;
  perMonth: NumberValue;
}

const kpiCategories = ['business', 'marketing', 'content'] as const;
type KpiCategory = (typeof kpiCategories)[number];

export interface ProgramFormValues {
  name: string;
  objective: Objective;
  why: string;
  status: ProgramStatus;
  budget: NumberValue;
  currency: string;
  kpiTargets: Record<KpiCategory, KpiRow[]>;
  persona: {
    countries: string[];
    ageBands: AgeBand[];
    niches: string[];
    followerMin: NumberValue;
    followerMax: NumberValue;
    minEngagementRate: NumberValue;
    platforms: Platform[];
  };
  capacity: NumberValue;
  tiers: TierRow[];
  cadence: CadenceRow[];
  exclusivityDays: NumberValue;
  competitors: string[];
  defaultUsageRights: { channels: UsageChannel[]; durationDays: NumberValue };
}

const requireText = (message: string) => (v: string) => (v.trim() ? null : message);
const requireNumber = (message: string) => (v: NumberValue) => (v === '' ? message : null);

/** A maximum must not be below its minimum (both optional). */
const notBelowMin =
  (minOf: (values: ProgramFormValues) => NumberValue) =>
  (max: NumberValue, values: ProgramFormValues): string | null => {
    const min = minOf(values);
    return max !== '' && min !== '' && Number(max) < Number(min) ? 'Must not be below the minimum' : null;
  };

let keySeed = 0;
const newKey = () => `row-${++keySeed}`;

const numberOrNull = (v: NumberValue): number | null =>
  v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v);
const numberOrEmpty = (v: number | null): NumberValue => (v === null ? '' : v);

export function emptyProgramValues(): ProgramFormValues {
  return {
    name: '',
    objective: 'sales',
    why: '',
    status: 'draft',
    budget: '',
    currency: 'USD',
    kpiTargets: { business: [], marketing: [], content: [] },
    persona: {
      countries: [],
      ageBands: [],
      niches: [],
      followerMin: 1000,
      followerMax: 100000,
      minEngagementRate: '',
      platforms: [],
    },
    capacity: '',
    tiers: [],
    cadence: [],
    exclusivityDays: '',
    competitors: [],
    defaultUsageRights: { channels: [], durationDays: '' },
  };
}

export function programToValues(p: Program): ProgramFormValues {
  const kpi = (rows: Program['kpiTargets']['business']): KpiRow[] =>
    rows.map((r) => ({ key: newKey(), metric: r.metric, target: r.target, unit: r.unit }));
  return {
    name: p.name,
    objective: p.objective,
    why: p.why,
    status: p.status,
    budget: p.budgetMinor === null ? '' : minorToMajor(p.budgetMinor, p.currency),
    currency: p.currency,
    kpiTargets: {
      business: kpi(p.kpiTargets.business),
      marketing: kpi(p.kpiTargets.marketing),
      content: kpi(p.kpiTargets.content),
    },
    persona: {
      countries: p.persona.countries,
      ageBands: p.persona.ageBands,
      niches: p.persona.niches,
      followerMin: numberOrEmpty(p.persona.followerMin),
      followerMax: numberOrEmpty(p.persona.followerMax),
      minEngagementRate: numberOrEmpty(p.persona.minEngagementRate),
      platforms: p.persona.platforms,
    },
    capacity: numberOrEmpty(p.capacity),
    tiers: p.tiers.map((t) => ({
      key: newKey(),
      id: t.id,
      name: t.name,
      description: t.description,
      followerMin: numberOrEmpty(t.followerMin),
      followerMax: numberOrEmpty(t.followerMax),
    })),
    cadence: p.cadence.map((c) => ({ key: newKey(), format: c.format, perMonth: c.perMonth })),
    exclusivityDays: numberOrEmpty(p.exclusivityDays),
    competitors: p.competitors,
    defaultUsageRights: {
      channels: p.defaultUsageRights.channels,
      durationDays: numberOrEmpty(p.defaultUsageRights.durationDays),
    },
  };
}

/** The API body for the form's values (the whole program: PUT replaces it). */
export function valuesToInput(v: ProgramFormValues): ProgramInput {
  const currency = v.currency.trim().toUpperCase();
  const budget = numberOrNull(v.budget);
  const kpi = (rows: KpiRow[]) =>
    rows.map((r) => ({
      metric: r.metric.trim(),
      target: numberOrNull(r.target) ?? Number.NaN,
      unit: r.unit.trim(),
    }));
  return {
    name: v.name.trim(),
    objective: v.objective,
    why: v.why.trim(),
    status: v.status,
    budgetMinor: budget === null ? null : majorToMinor(budget, currency),
    currency,
    kpiTargets: {
      business: kpi(v.kpiTargets.business),
      marketing: kpi(v.kpiTargets.marketing),
      content: kpi(v.kpiTargets.content),
    },
    persona: {
      countries: v.persona.countries,
      ageBands: v.persona.ageBands,
      niches: v.persona.niches,
      followerMin: numberOrNull(v.persona.followerMin),
      followerMax: numberOrNull(v.persona.followerMax),
      minEngagementRate: numberOrNull(v.persona.minEngagementRate),
      platforms: v.persona.platforms,
    },
    capacity: numberOrNull(v.capacity),
    tiers: v.tiers.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      name: t.name.trim(),
      description: t.description.trim(),
      followerMin: numberOrNull(t.followerMin),
      followerMax: numberOrNull(t.followerMax),
    })),
    cadence: v.cadence.map((c) => ({ format: c.format, perMonth: numberOrNull(c.perMonth) ?? 0 })),
    exclusivityDays: numberOrNull(v.exclusivityDays),
    competitors: v.competitors,
    defaultUsageRights: {
      channels: v.defaultUsageRights.channels,
      durationDays: numberOrNull(v.defaultUsageRights.durationDays),
    },
  };
}

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

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section" aria-label={title}>
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={3} fz="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

const currencyOptions = (() => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'];
  }
})();

export function ProgramForm(props: {
  initialValues: ProgramFormValues;
  submitLabel: string;
  onSubmit: (input: ProgramInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<ProgramFormValues>({
    initialValues: props.initialValues,
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : 'Use at least 2 characters'),
      currency: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : 'Choose a currency'),
      persona: { followerMax: notBelowMin((values) => values.persona.followerMin) },
      tiers: {
        name: requireText('Name the tier'),
        followerMax: (v, values, path) => {
          const index = Number(path.split('.')[1]);
          return notBelowMin(() => values.tiers[index]?.followerMin ?? '')(v, values);
        },
      },
      kpiTargets: {
        business: { metric: requireText('Name the metric'), target: requireNumber('Enter a target') },
        marketing: { metric: requireText('Name the metric'), target: requireNumber('Enter a target') },
        content: { metric: requireText('Name the metric'), target: requireNumber('Enter a target') },
      },
    },
  });

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      try {
        await props.onSubmit(valuesToInput(values));
        form.resetDirty();
      } catch (error) {
        const { fieldErrors, message } = splitProblems(error, values, { budgetMinor: 'budget' });
        form.setErrors(fieldErrors);
        setFormError(message);
        revealFirstError(formRef.current);
      }
    },
    () => {
      setFormError('Some fields need attention; see the messages next to them.');
      revealFirstError(formRef.current);
    },
  );

  const v = form.values;

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        {formError ? (
          <Alert color="red" title="The program was not saved" role="alert">
            {formError}
          </Alert>
        ) : null}

        <Section title="Basics" description="Why this program exists and what it should achieve.">
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
                data={keysOf(objectiveLabels).map((o) => ({
                  value: o,
                  label: `${objectiveLabels[o]} — ${objectiveDescriptions[o]}`,
                }))}
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
        </Section>

        <Section
          title="KPI targets"
          description="Targets in the three-part value framework, so the program is judged on more than sales."
        >
          {kpiCategories.map((category) => {
            const copy = kpiCopy[category];
            const rows = v.kpiTargets[category];
            return (
              <Fieldset key={category} legend={copy.legend} radius="md">
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {copy.description}
                  </Text>
                  {rows.map((row, i) => (
                    <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap">
                      <TextInput
                        style={{ flex: 3 }}
                        label={i === 0 ? 'Metric' : undefined}
                        aria-label={`${copy.legend} metric ${i + 1}`}
                        placeholder={copy.placeholder}
                        {...form.getInputProps(`kpiTargets.${category}.${i}.metric`)}
                      />
                      <NumberInput
                        style={{ flex: 2 }}
                        label={i === 0 ? 'Target' : undefined}
                        aria-label={`${copy.legend} target ${i + 1}`}
                        min={0}
                        thousandSeparator=","
                        {...form.getInputProps(`kpiTargets.${category}.${i}.target`)}
                      />
                      <TextInput
                        style={{ flex: 1 }}
                        label={i === 0 ? 'Unit' : undefined}
                        aria-label={`${copy.legend} unit ${i + 1}`}
                        placeholder={copy.unit}
                        {...form.getInputProps(`kpiTargets.${category}.${i}.unit`)}
                      />
                      <Tooltip label="Remove">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={i === 0 ? 26 : 4}
                          aria-label={`Remove ${copy.legend.toLowerCase()} metric ${i + 1}`}
                          onClick={() => form.removeListItem(`kpiTargets.${category}`, i)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ))}
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} />}
                      onClick={() =>
                        form.insertListItem(`kpiTargets.${category}`, {
                          key: newKey(),
                          metric: '',
                          target: '',
                          unit: '',
                        })
                      }
                    >
                      Add {copy.legend.toLowerCase()} target
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            );
          })}
        </Section>

        <Section
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
          <ChipField label="Audience age bands" error={form.errors['persona.ageBands']}>
            <Chip.Group multiple {...form.getInputProps('persona.ageBands')}>
              <Group gap="xs">
                {keysOf(ageBandLabels).map((band) => (
                  <Chip key={band} value={band} size="sm">
                    {ageBandLabels[band]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </ChipField>
          <ChipField label="Platforms" error={form.errors['persona.platforms']}>
            <Chip.Group multiple {...form.getInputProps('persona.platforms')}>
              <Group gap="xs">
                {keysOf(platformLabels).map((platform) => (
                  <Chip key={platform} value={platform} size="sm">
                    {platformLabels[platform]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </ChipField>
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
        </Section>

        <Section
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

          <Stack gap="sm">
            <Text fw={600} size="sm">
              Tiers
            </Text>
            <Text size="sm" c="dimmed">
              Groups of ambassadors with their own follower range (and later, their own compensation). Order
              matters: the first tier is the entry tier.
            </Text>
            {v.tiers.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No tiers yet.
              </Text>
            ) : null}
            {v.tiers.map((tier, i) => (
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
                        disabled={i === v.tiers.length - 1}
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
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  form.insertListItem('tiers', {
                    key: newKey(),
                    name: '',
                    description: '',
                    followerMin: '',
                    followerMax: '',
                  })
                }
              >
                Add tier
              </Button>
            </Group>
          </Stack>

          <Stack gap="sm">
            <Text fw={600} size="sm">
              Content cadence
            </Text>
            <Text size="sm" c="dimmed">
              Pieces per month you expect from each ambassador, by format (for example 2 reels and 4 stories).
            </Text>
            {v.cadence.map((row, i) => (
              <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap">
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
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={i === 0 ? 30 : 6}
                  aria-label={`Remove cadence ${i + 1}`}
                  onClick={() => form.removeListItem('cadence', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('cadence', { key: newKey(), format: 'feed', perMonth: 2 })}
              >
                Add format
              </Button>
            </Group>
          </Stack>

          <TagsInput
            label="Competitors"
            description="Brands ambassadors must not promote during the exclusivity window. Press Enter after each one."
            clearable
            {...form.getInputProps('competitors')}
          />

          <Fieldset legend="Default content usage rights" radius="md">
            <Stack>
              <ChipField
                label="Channels where you may reuse their content"
                error={form.errors['defaultUsageRights.channels']}
              >
                <Chip.Group multiple {...form.getInputProps('defaultUsageRights.channels')}>
                  <Group gap="xs">
                    {keysOf(usageChannelLabels).map((channel) => (
                      <Chip key={channel} value={channel} size="sm">
                        {usageChannelLabels[channel]}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </ChipField>
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
        </Section>

        <Paper withBorder radius="lg" p="md" pos="sticky" bottom={16} shadow="md" style={{ zIndex: 5 }}>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {props.submitLabel}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

function ChipField({ label, error, children }: { label: string; error?: ReactNode; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw="var(--mantine-font-weight-medium)" mb={6} p={0}>
        {label}
      </Text>
      {children}
      {error ? (
        <Text c="red" size="xs" mt={4}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
