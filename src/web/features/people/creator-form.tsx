// The creator form, for new creators and edits: contact details, tags, notes and social accounts.
import { NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { FormButtons } from '../../components/form-buttons';
import { FormError } from '../../components/form-error';
import { newRowKey, RowList } from '../../components/row-list';
import { countryOptions } from '../../lib/countries';
import { optionsOf, type Platform, platformLabels } from '../../lib/labels';
import { revealFirstError, splitProblems } from '../../lib/problems';
import type { Creator, CreatorInput } from './api';

interface AccountRow {
  key: string;
  platform: Platform;
  handle: string;
  followers: number | string;
  url: string;
}

interface CreatorFormValues {
  name: string;
  email: string;
  phone: string;
  country: string | null;
  tags: string[];
  notes: string;
  socialAccounts: AccountRow[];
}

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

function creatorToValues(c: Creator | null): CreatorFormValues {
  if (!c) return { name: '', email: '', phone: '', country: null, tags: [], notes: '', socialAccounts: [] };
  return {
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
    country: c.country,
    tags: c.tags,
    notes: c.notes,
    socialAccounts: c.socialAccounts.map((a) => ({
      key: newRowKey(),
      platform: a.platform,
      handle: a.handle,
      followers: a.followers ?? '',
      url: a.url ?? '',
    })),
  };
}

function valuesToInput(v: CreatorFormValues): CreatorInput {
  return {
    name: v.name.trim(),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    country: v.country,
    tags: v.tags,
    notes: v.notes,
    socialAccounts: v.socialAccounts.map((a) => ({
      platform: a.platform,
      handle: a.handle.trim(),
      followers: a.followers === '' ? null : Number(a.followers),
      url: blankToNull(a.url),
    })),
  };
}

export function CreatorForm(props: {
  initial: Creator | null;
  submitLabel: string;
  onSubmit: (input: CreatorInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<CreatorFormValues>({
    initialValues: creatorToValues(props.initial),
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      email: (v) =>
        v.trim() === '' || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address',
      socialAccounts: { handle: (v) => (v.trim() ? null : 'Enter the handle') },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await props.onSubmit(valuesToInput(values));
    } catch (error) {
      const { fieldErrors, message } = splitProblems(error, values);
      form.setErrors(fieldErrors);
      setFormError(message);
      revealFirstError(formRef.current);
    }
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Email"
            type="email"
            description="Needed for portal access"
            {...form.getInputProps('email')}
          />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Country"
            placeholder="Unknown"
            data={countryOptions}
            searchable
            clearable
            {...form.getInputProps('country')}
          />
          <TagsInput
            label="Tags"
            description="Press Enter after each one"
            clearable
            {...form.getInputProps('tags')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />

        <Stack gap="xs">
          <Text fw={600} size="sm">
            Social accounts
          </Text>
          {form.values.socialAccounts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No accounts yet. Add the profiles where they post.
            </Text>
          ) : null}
          <RowList
            rows={form.values.socialAccounts}
            removeLabel={(i) => `Remove account ${i + 1}`}
            onRemove={(i) => form.removeListItem('socialAccounts', i)}
            addLabel="Add account"
            onAdd={() =>
              form.insertListItem('socialAccounts', {
                key: newRowKey(),
                platform: 'instagram',
                handle: '',
                followers: '',
                url: '',
              })
            }
          >
            {(_, i) => (
              <>
                <Select
                  w={130}
                  label={i === 0 ? 'Platform' : undefined}
                  aria-label={`Account ${i + 1} platform`}
                  data={optionsOf(platformLabels)}
                  allowDeselect={false}
                  {...form.getInputProps(`socialAccounts.${i}.platform`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={i === 0 ? 'Handle' : undefined}
                  aria-label={`Account ${i + 1} handle`}
                  leftSection="@"
                  {...form.getInputProps(`socialAccounts.${i}.handle`)}
                />
                <NumberInput
                  w={130}
                  label={i === 0 ? 'Followers' : undefined}
                  aria-label={`Account ${i + 1} followers`}
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  {...form.getInputProps(`socialAccounts.${i}.followers`)}
                />
              </>
            )}
          </RowList>
        </Stack>

        <FormButtons
          submitLabel={props.submitLabel}
          isSubmitting={form.submitting}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}
