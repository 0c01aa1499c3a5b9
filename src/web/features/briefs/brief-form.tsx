// The brief editor: what the ambassador must include and avoid, the disclosure rule, formats, dates and
// creative freedom. Creating asks for an optional campaign label; publishing asks for a change note.
import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { defaultDisclosureMarkers } from '../../../core/compliance/input';
import { FormError } from '../../components/form-error';
import { formatLabels } from '../../lib/labels';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import { ChipsField } from '../programs/chips-field';
import type { BriefContent, BriefContentInput } from './api';

type Format = BriefContent['formats'][number];

export function emptyBriefContent(): BriefContent {
  return {
    title: '',
    summary: '',
    mustInclude: { productNames: [], mentions: [], keyClaims: [], legalLines: [], trackingLinkOrCode: false },
    mustAvoid: { competitors: [], themes: [], words: [] },
    disclosure: { markers: [], instagramWithinFirstCharacters: null },
    formats: [],
    startsOn: null,
    endsOn: null,
    freedomNotes: '',
  };
}

/** The form's values as the API takes them (empty dates as null). */
export function toBriefInput(values: BriefContent): BriefContentInput {
  return { ...values, startsOn: values.startsOn || null, endsOn: values.endsOn || null };
}

function ListField(props: {
  label: string;
  description?: ReactNode;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  placeholder?: string;
}) {
  return (
    <TagsInput
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      placeholder={props.placeholder ?? 'Type and press Enter'}
      splitChars={[',']}
      clearable
    />
  );
}

export function BriefForm(props: {
  initial: BriefContent;
  mode: 'create' | 'publish';
  /** Lets the caption check read the values being edited. */
  onValuesChange?: (values: BriefContent) => void;
  onSubmit: (input: {
    content: BriefContentInput;
    campaign: string | null;
    changeNote: string;
  }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<BriefContent>(props.initial);
  const [campaign, setCampaign] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (next: BriefContent) => {
    setValues(next);
    props.onValuesChange?.(next);
  };
  const set = <K extends keyof BriefContent>(key: K, value: BriefContent[K]) =>
    update({ ...values, [key]: value });
  const include = (key: keyof BriefContent['mustInclude'], value: unknown) =>
    update({ ...values, mustInclude: { ...values.mustInclude, [key]: value } });
  const avoid = (key: keyof BriefContent['mustAvoid'], value: string[]) =>
    update({ ...values, mustAvoid: { ...values.mustAvoid, [key]: value } });
  const e = (field: string) => errors[`content.${field}`] ?? errors[`content.${field}.0`];

  const submit = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await props.onSubmit({
        content: toBriefInput(values),
        campaign: campaign.trim() || null,
        changeNote,
      });
      setChangeNote('');
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      {props.mode === 'create' ? (
        <TextInput
          label="Campaign"
          description="Leave empty for the program’s standing brief; name a campaign for a brief that applies to it only."
          value={campaign}
          onChange={(ev) => setCampaign(ev.currentTarget.value)}
          error={errors.campaign}
          maxLength={100}
        />
      ) : null}
      <TextInput
        label="Title"
        required
        value={values.title}
        onChange={(ev) => set('title', ev.currentTarget.value)}
        error={e('title')}
        maxLength={200}
      />
      <Textarea
        label="Summary"
        description="What this content is for, in a few sentences."
        autosize
        minRows={2}
        value={values.summary}
        onChange={(ev) => set('summary', ev.currentTarget.value)}
        error={e('summary')}
      />
      <Fieldset legend="Must include" radius="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ListField
            label="Product names"
            description="Checked in every caption (case and accents ignored)."
            value={values.mustInclude.productNames}
            onChange={(v) => include('productNames', v)}
            error={e('mustInclude.productNames')}
          />
          <ListField
            label="Mentions"
            description="Handles and hashtags, e.g. @glowco, #glowcircle."
            value={values.mustInclude.mentions}
            onChange={(v) => include('mentions', v)}
            error={e('mustInclude.mentions')}
          />
          <ListField
            label="Key claims"
            description="Shown to ambassadors; not checked word for word."
            value={values.mustInclude.keyClaims}
            onChange={(v) => include('keyClaims', v)}
            error={e('mustInclude.keyClaims')}
          />
          <ListField
            label="Legal lines"
            description="Must appear as written."
            value={values.mustInclude.legalLines}
            onChange={(v) => include('legalLines', v)}
            error={e('mustInclude.legalLines')}
          />
        </SimpleGrid>
        <Switch
          mt="sm"
          label="Tracking link or discount code required"
          description="The caption must carry the ambassador’s own link or code."
          checked={values.mustInclude.trackingLinkOrCode}
          onChange={(ev) => include('trackingLinkOrCode', ev.currentTarget.checked)}
        />
      </Fieldset>
      <Fieldset legend="Must avoid" radius="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <ListField
            label="Competitors"
            description="Added to the program’s own competitor list."
            value={values.mustAvoid.competitors}
            onChange={(v) => avoid('competitors', v)}
            error={e('mustAvoid.competitors')}
          />
          <ListField
            label="Themes"
            description="Shown to ambassadors; not checked automatically."
            value={values.mustAvoid.themes}
            onChange={(v) => avoid('themes', v)}
            error={e('mustAvoid.themes')}
          />
          <ListField
            label="Words"
            description="Whole words only: “ass” does not match “class”."
            value={values.mustAvoid.words}
            onChange={(v) => avoid('words', v)}
            error={e('mustAvoid.words')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Disclosure" radius="md">
        <Stack gap="sm">
          <ListField
            label="Accepted markers"
            description={`Empty: Troupe’s defaults — ${defaultDisclosureMarkers.join(', ')}.`}
            placeholder="Leave empty for the defaults"
            value={values.disclosure.markers}
            onChange={(v) => update({ ...values, disclosure: { ...values.disclosure, markers: v } })}
            error={e('disclosure.markers')}
          />
          <NumberInput
            label="On Instagram, the disclosure must end within the first … characters"
            description="Where the caption folds behind “more”. Empty: 125."
            placeholder="125"
            min={1}
            max={2200}
            allowDecimal={false}
            w={{ base: '100%', sm: 420 }}
            value={values.disclosure.instagramWithinFirstCharacters ?? ''}
            onChange={(v) =>
              update({
                ...values,
                disclosure: {
                  ...values.disclosure,
                  instagramWithinFirstCharacters: typeof v === 'number' ? v : null,
                },
              })
            }
            error={e('disclosure.instagramWithinFirstCharacters')}
          />
        </Stack>
      </Fieldset>
      <ChipsField<Format>
        label="Formats"
        labels={formatLabels}
        value={values.formats}
        onChange={(v) => set('formats', v)}
        error={e('formats')}
      />
      <Group grow align="flex-start" maw={520}>
        <TextInput
          type="date"
          label="Starts on"
          value={values.startsOn ?? ''}
          onChange={(ev) => set('startsOn', ev.currentTarget.value || null)}
          error={e('startsOn')}
        />
        <TextInput
          type="date"
          label="Ends on"
          value={values.endsOn ?? ''}
          onChange={(ev) => set('endsOn', ev.currentTarget.value || null)}
          error={e('endsOn')}
        />
      </Group>
      <Textarea
        label="Creative freedom"
        description="What is up to the ambassador: tone, setting, how they use the product."
        autosize
        minRows={2}
        value={values.freedomNotes}
        onChange={(ev) => set('freedomNotes', ev.currentTarget.value)}
        error={e('freedomNotes')}
      />
      {props.mode === 'publish' ? (
        <Textarea
          label="What changed"
          description="Ambassadors see this note next to the computed changes."
          required
          autosize
          minRows={2}
          value={changeNote}
          onChange={(ev) => setChangeNote(ev.currentTarget.value)}
          error={errors.changeNote}
        />
      ) : null}
      <FormError message={Object.keys(errors).length > 0 ? null : error} />
      {Object.keys(errors).length > 0 ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      <Group justify="flex-end">
        {props.onCancel ? (
          <Button variant="default" onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" loading={busy}>
          {props.mode === 'create' ? 'Create brief' : 'Publish new version'}
        </Button>
      </Group>
    </Stack>
  );
}
