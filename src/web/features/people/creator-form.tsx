// The creator form, for new creators and edits: contact details, tags, notes and social accounts.
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
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

export interface CreatorFormValues {
  name: string;
  email: string;
  phone: string;
  country: string | null;
  tags: string[];
  notes: string;
  socialAccounts: AccountRow[];
}

let keySeed = 0;
const newKey = () => `acct-${++keySeed}`;
const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function creatorToValues(c: Creator | null): CreatorFormValues {
  if (!c) return { name: '', email: '', phone: '', country: null, tags: [], notes: '', socialAccounts: [] };
  return {
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
    country: c.country,
    tags: c.tags,
    notes: c.notes,
    socialAccounts: c.socialAccounts.map((a) => ({
      key: newKey(),
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
        {formError ? (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        ) : null}
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
          {form.values.socialAccounts.map((row, i) => (
            <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap">
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
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={i === 0 ? 30 : 6}
                aria-label={`Remove account ${i + 1}`}
                onClick={() => form.removeListItem('socialAccounts', i)}
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
              onClick={() =>
                form.insertListItem('socialAccounts', {
                  key: newKey(),
                  platform: 'instagram',
                  handle: '',
                  followers: '',
                  url: '',
                })
              }
            >
              Add account
            </Button>
          </Group>
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
