// The outreach template editor: subject and body with merge fields, an optional program and offer, and an
// optional follow-up. A cheat sheet inserts fields; the live preview fills them with sample values and
// flags unknown ones before the server refuses them.
import {
  Alert,
  Button,
  Code,
  Grid,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import {
  type MergeField,
  mergeFieldHelp,
  mergeFields,
  renderMerge,
  unknownFieldsIn,
} from '../../../core/outreach/merge';
import { FormError } from '../../components/form-error';
import { majorToMinor, minorToMajor } from '../../lib/format';
import { splitProblems } from '../../lib/problems';
import type { Program } from '../programs/api';
import type { OutreachTemplate, TemplateInput } from './api';

const sampleValues: Record<MergeField, string> = {
  firstName: 'Jane',
  name: 'Jane Doe',
  handle: '@janeglows',
  platform: 'Instagram',
  recentPost: 'your morning routine reel',
  programName: 'Glow Ambassadors',
  brandName: 'Your brand',
  'offer.fee': '€150.00',
  'offer.commission': '10%',
  'offer.product': 'the starter kit',
};

const emptyInput: TemplateInput = {
  name: '',
  subject: '',
  body: '',
  programId: null,
  offer: { feeMinor: null, currency: 'USD', commissionPercent: null, product: '' },
  followUpDays: null,
  followUpBody: '',
};

function toInput(t: OutreachTemplate | null): TemplateInput {
  if (!t) return emptyInput;
  return {
    name: t.name,
    subject: t.subject,
    body: t.body,
    programId: t.programId,
    offer: t.offer,
    followUpDays: t.followUpDays,
    followUpBody: t.followUpBody,
  };
}

export function TemplateEditor(props: {
  opened: boolean;
  template: OutreachTemplate | null;
  programs: Program[];
  onClose: () => void;
  onSave: (input: TemplateInput) => Promise<unknown>;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.template ? `Edit “${props.template.name}”` : 'New outreach template'}
      size="80rem"
    >
      {props.opened ? <EditorBody key={props.template?.id ?? 'new'} {...props} /> : null}
    </Modal>
  );
}

function EditorBody(props: {
  template: OutreachTemplate | null;
  programs: Program[];
  onClose: () => void;
  onSave: (input: TemplateInput) => Promise<unknown>;
}) {
  const [values, setValues] = useState<TemplateInput>(() => toInput(props.template));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<'subject' | 'body' | 'followUpBody'>('body');
  const set = (patch: Partial<TemplateInput>) => setValues((v) => ({ ...v, ...patch }));
  const setOffer = (patch: Partial<TemplateInput['offer']>) =>
    setValues((v) => ({ ...v, offer: { ...v.offer, ...patch } }));

  const insert = (field: MergeField) => set({ [focus]: `${values[focus]}{{${field}}}` });
  const unknown = [
    ...new Set([values.subject, values.body, values.followUpBody].flatMap((t) => unknownFieldsIn(t))),
  ];
  const program = props.programs.find((p) => p.id === values.programId);
  const sample = { ...sampleValues, ...(program ? { programName: program.name } : {}) };
  const subject = renderMerge(values.subject, sample).text;
  const body = renderMerge(values.body, sample).text;

  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await props.onSave(values);
      props.onClose();
    } catch (e) {
      const split = splitProblems(e, values);
      setErrors(split.fieldErrors);
      setMessage(split.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <TextInput
              label="Name"
              description="For you; recipients never see it"
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
              required
            />
            <TextInput
              label="Subject"
              value={values.subject}
              onChange={(e) => set({ subject: e.currentTarget.value })}
              onFocus={() => setFocus('subject')}
              error={errors.subject}
              required
            />
            <Textarea
              label="Message"
              description="Use merge fields from the cheat sheet; {{recentPost}} is the line you write for each person."
              autosize
              minRows={7}
              value={values.body}
              onChange={(e) => set({ body: e.currentTarget.value })}
              onFocus={() => setFocus('body')}
              error={errors.body}
              required
            />
            <Select
              label="Program (optional)"
              description="Fills {{programName}}; bulk invitations use the list’s program"
              placeholder="No program"
              data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
              value={values.programId}
              onChange={(v) => set({ programId: v })}
              error={errors.programId}
              clearable
            />
            <Group grow align="flex-start">
              <NumberInput
                label="Fee"
                min={0}
                decimalScale={2}
                value={
                  values.offer.feeMinor === null
                    ? ''
                    : minorToMajor(values.offer.feeMinor, values.offer.currency)
                }
                onChange={(v) =>
                  setOffer({
                    feeMinor: v === '' ? null : majorToMinor(Number(v), values.offer.currency),
                  })
                }
                error={errors['offer.feeMinor']}
              />
              <TextInput
                label="Currency"
                maxLength={3}
                value={values.offer.currency}
                onChange={(e) => setOffer({ currency: e.currentTarget.value.toUpperCase() })}
                error={errors['offer.currency']}
              />
              <NumberInput
                label="Commission %"
                min={0}
                max={100}
                value={values.offer.commissionPercent ?? ''}
                onChange={(v) => setOffer({ commissionPercent: v === '' ? null : Number(v) })}
                error={errors['offer.commissionPercent']}
              />
            </Group>
            <TextInput
              label="Product offered"
              value={values.offer.product}
              onChange={(e) => setOffer({ product: e.currentTarget.value })}
              error={errors['offer.product']}
            />
            <NumberInput
              label="Follow up after (days)"
              description="Leave empty for no follow-up"
              min={1}
              max={90}
              value={values.followUpDays ?? ''}
              onChange={(v) => set({ followUpDays: v === '' ? null : Number(v) })}
              error={errors.followUpDays}
            />
            {values.followUpDays !== null ? (
              <Textarea
                label="Follow-up message"
                autosize
                minRows={3}
                value={values.followUpBody}
                onChange={(e) => set({ followUpBody: e.currentTarget.value })}
                onFocus={() => setFocus('followUpBody')}
                error={errors.followUpBody}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="sm" radius="md">
              <Text fw={600} size="sm" mb={4}>
                Merge fields
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                Click one to add it to the {focus === 'followUpBody' ? 'follow-up' : focus}.
              </Text>
              <Table verticalSpacing={4} aria-label="Merge fields">
                <Table.Tbody>
                  {mergeFields.map((f) => (
                    <Table.Tr key={f}>
                      <Table.Td>
                        <UnstyledButton onClick={() => insert(f)} aria-label={`Insert {{${f}}}`}>
                          <Code>{`{{${f}}}`}</Code>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{mergeFieldHelp[f]}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="sm" radius="md" aria-label="Live preview">
              <Text fw={600} size="sm" mb={4}>
                Preview with sample values
              </Text>
              {unknown.length > 0 ? (
                <Alert color="orange" mb="xs" p="xs">
                  Not merge fields: {unknown.map((f) => `{{${f}}}`).join(', ')}
                </Alert>
              ) : null}
              <Text size="sm" fw={500}>
                {subject || 'Subject'}
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 13 }}>
                {body || 'Your message'}
              </Code>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack mt="md">
        <FormError message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
