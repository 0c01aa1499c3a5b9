// The program's public application page (R1): open or closed, its texts and colour, the consent text and
// custom questions. Saved on its own (PUT …/application-form), so it never fights the program form above.
import {
  ActionIcon,
  Alert,
  Button,
  ColorInput,
  CopyButton,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { AddRowButton, newRowKey } from '../../components/row-list';
import { notifySuccess } from '../../lib/notify';
import { revealFirstError, splitProblems } from '../../lib/problems';
import { type ApplicationForm, applicationsQuery, saveApplicationForm } from '../applications/api';
import { type Program, programQuery } from './api';
import { FormSection } from './form-section';

type QuestionType = ApplicationForm['questions'][number]['type'];

interface QuestionRow {
  key: string;
  /** Keys the answers; empty until first saved, then fixed so renaming a question keeps its answers. */
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options: string[];
  help: string;
}

interface Values {
  open: boolean;
  headline: string;
  intro: string;
  accentColor: string;
  consentText: string;
  questions: QuestionRow[];
}

const typeOptions: Array<{ value: QuestionType; label: string }> = [
  { value: 'text', label: 'Text' },
  { value: 'choice', label: 'Choice' },
  { value: 'url', label: 'Link (URL)' },
  { value: 'number', label: 'Number' },
];

function toValues(form: ApplicationForm): Values {
  return {
    open: form.open,
    headline: form.headline,
    intro: form.intro,
    accentColor: form.accentColor,
    consentText: form.consentText,
    questions: form.questions.map((q) => ({ key: newRowKey(), ...q })),
  };
}

/** A stable id for a new question from its label: `What's your niche?` → `whats-your-niche`. */
function idFromLabel(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'question';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function toForm(v: Values): ApplicationForm {
  const taken = new Set(v.questions.map((q) => q.id).filter(Boolean));
  return {
    open: v.open,
    headline: v.headline.trim(),
    intro: v.intro.trim(),
    accentColor: v.accentColor,
    consentText: v.consentText.trim(),
    questions: v.questions.map((q) => ({
      id: q.id || idFromLabel(q.label, taken),
      label: q.label.trim(),
      type: q.type,
      required: q.required,
      options: q.type === 'choice' ? q.options : [],
      help: q.help.trim(),
    })),
  };
}

export function ApplicationFormEditor({ workspaceId, program }: { workspaceId: string; program: Program }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: toValues(program.applicationForm),
    validate: {
      consentText: (v) => (v.trim() ? null : 'Write the consent text applicants agree to'),
      accentColor: (v) => (/^#[0-9a-fA-F]{6}$/.test(v) ? null : 'Pick a colour such as #7048e8'),
      questions: {
        label: (v) => (v.trim() ? null : 'Write the question'),
        options: (v, values, path) => {
          const q = values.questions[Number(path.split('.')[1])];
          return q?.type === 'choice' && v.length < 2 ? 'Add at least two options' : null;
        },
      },
    },
  });
  const applications = useQuery(applicationsQuery(workspaceId, { programId: program.id }));
  const publicUrl = `${window.location.origin}/apply/${program.slug}`;
  const isLive = program.applicationForm.open && program.status !== 'archived';

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      try {
        const saved = await saveApplicationForm(workspaceId, program.id, toForm(values));
        // Only the page settings change: the program form above keeps its unsaved edits.
        queryClient.setQueryData(programQuery(workspaceId, program.id).queryKey, (old) =>
          old ? { ...old, applicationForm: saved } : old,
        );
        form.setValues(toValues(saved));
        form.resetDirty(toValues(saved));
        notifySuccess(
          saved.open ? 'Your application page is live.' : 'The application page is saved and closed.',
          'Application page saved',
        );
      } catch (error) {
        const { fieldErrors, message } = splitProblems(error, values);
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

  const move = (from: number, to: number) => form.reorderListItem('questions', { from, to });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormSection
        title="Application page"
        description="A public page where creators apply to this program. Each application lands in the pipeline as Applied (or Waitlisted when the program is full) and gets an acknowledgement email."
      >
        <FormError title="The application page was not saved" message={formError} />
        <Switch
          label="Taking applications"
          description="While off, the page says it is closed"
          {...form.getInputProps('open', { type: 'checkbox' })}
        />
        {isLive ? (
          <Alert color="teal" variant="light" title="The page is live">
            <Stack gap={6}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="public-apply-url">
                  {publicUrl}
                </Text>
                <CopyButton value={publicUrl}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                      <ActionIcon variant="subtle" onClick={copy} aria-label="Copy the application page link">
                        {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
                <Tooltip label="Open the page">
                  <ActionIcon
                    component="a"
                    href={publicUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    variant="subtle"
                    aria-label="Open the application page"
                  >
                    <IconExternalLink size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Text size="sm">
                {applications.data
                  ? `${applications.data.length}${applications.data.length === 100 ? '+' : ''} application${applications.data.length === 1 ? '' : 's'} so far. `
                  : ''}
                <AnchorLink
                  to="/w/$workspaceId/programs/$programId/pipeline"
                  params={{ workspaceId, programId: program.id }}
                  size="sm"
                >
                  See applicants in the pipeline
                </AnchorLink>
              </Text>
            </Stack>
          </Alert>
        ) : program.applicationForm.open && program.status === 'archived' ? (
          <Alert color="gray" variant="light">
            The program is archived, so its page is closed.
          </Alert>
        ) : null}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label="Headline"
              placeholder={`Become a ${program.name} ambassador`}
              {...form.getInputProps('headline')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <ColorInput label="Accent colour" format="hex" {...form.getInputProps('accentColor')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Introduction"
              description="Shown as plain text above the form; web addresses become links"
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('intro')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Consent text"
              description="Applicants tick a box next to this text; each application keeps the text they agreed to"
              autosize
              minRows={2}
              required
              {...form.getInputProps('consentText')}
            />
          </Grid.Col>
        </Grid>

        <Stack gap="sm">
          <Text fw={600} size="sm">
            Questions
          </Text>
          <Text size="sm" c="dimmed">
            Name, email, country and social handles are always asked. Add what helps you judge fit: audience,
            content and values matter more than follower count.
          </Text>
          {form.values.questions.map((q, i) => (
            <Paper
              key={q.key}
              withBorder
              radius="md"
              p="sm"
              aria-label={`Question ${i + 1}`}
              component="fieldset"
            >
              <Stack gap="xs">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <TextInput
                    label={`Question ${i + 1}`}
                    placeholder="What is your niche?"
                    style={{ flex: '1 1 240px' }}
                    required
                    {...form.getInputProps(`questions.${i}.label`)}
                  />
                  <Select
                    label="Answer type"
                    data={typeOptions}
                    allowDeselect={false}
                    w={150}
                    {...form.getInputProps(`questions.${i}.type`)}
                  />
                </Group>
                {q.type === 'choice' ? (
                  <TagsInput
                    label="Options"
                    description="Type an option and press Enter"
                    {...form.getInputProps(`questions.${i}.options`)}
                  />
                ) : null}
                <TextInput
                  label="Help text"
                  placeholder="Optional hint shown under the question"
                  {...form.getInputProps(`questions.${i}.help`)}
                />
                {form.errors[`questions.${i}.id`] ? (
                  <Text size="sm" c="red">
                    {form.errors[`questions.${i}.id`]}
                  </Text>
                ) : null}
                <Group justify="space-between">
                  <Switch
                    label="Required"
                    {...form.getInputProps(`questions.${i}.required`, { type: 'checkbox' })}
                  />
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={`Move question ${i + 1} up`}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === form.values.questions.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={`Move question ${i + 1} down`}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => form.removeListItem('questions', i)}
                      aria-label={`Remove question ${i + 1}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Stack>
            </Paper>
          ))}
          <AddRowButton
            onClick={() =>
              form.insertListItem('questions', {
                key: newRowKey(),
                id: '',
                label: '',
                type: 'text',
                required: false,
                options: [],
                help: '',
              } satisfies QuestionRow)
            }
          >
            Add a question
          </AddRowButton>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Save application page
          </Button>
        </Group>
      </FormSection>
    </form>
  );
}
