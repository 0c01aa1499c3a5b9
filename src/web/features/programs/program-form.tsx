// The program editor (PRODUCT P1–P3): basics, KPI targets in the three-part value framework, persona and
// terms. The form's field paths match the API's, so server problems land next to the right input. The form
// state and its validation live here; each section only lays out its inputs.
import { Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { FormButtons } from '../../components/form-buttons';
import { FormError } from '../../components/form-error';
import { revealFirstError, splitProblems } from '../../lib/problems';
import type { ProgramInput } from './api';
import { BasicsSection } from './basics-section';
import { KpiTargetsSection } from './kpi-targets-section';
import { PersonaSection } from './persona-section';
import { type NumberValue, type ProgramFormValues, valuesToInput } from './program-form-values';
import { TermsSection } from './terms-section';

const requireText = (message: string) => (v: string) => (v.trim() ? null : message);
const requireNumber = (message: string) => (v: NumberValue) => (v === '' ? message : null);

/** A maximum must not be below its minimum (both optional). */
const notBelowMin =
  (minOf: (values: ProgramFormValues) => NumberValue) =>
  (max: NumberValue, values: ProgramFormValues): string | null => {
    const min = minOf(values);
    return max !== '' && min !== '' && Number(max) < Number(min) ? 'Must not be below the minimum' : null;
  };

const kpiRowRules = { metric: requireText('Name the metric'), target: requireNumber('Enter a target') };

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
      kpiTargets: { business: kpiRowRules, marketing: kpiRowRules, content: kpiRowRules },
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

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError title="The program was not saved" message={formError} />
        <BasicsSection form={form} />
        <KpiTargetsSection form={form} />
        <PersonaSection form={form} />
        <TermsSection form={form} />

        <Paper withBorder radius="lg" p="md" pos="sticky" bottom={16} shadow="md" style={{ zIndex: 5 }}>
          <FormButtons
            submitLabel={props.submitLabel}
            isSubmitting={form.submitting}
            onCancel={props.onCancel}
          />
        </Paper>
      </Stack>
    </form>
  );
}
