// Creates a prospect list or changes its name, source and target program.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { splitProblems } from '../../lib/problems';
import type { Program } from '../programs/api';
import { type ListInput, type ProspectSource, sourceLabels } from './api';

export function ListFormModal(props: {
  opened: boolean;
  title: string;
  initial: ListInput;
  programs: Program[];
  submitLabel: string;
  onClose: () => void;
  onSave: (input: ListInput) => Promise<unknown>;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {props.opened ? <ListForm {...props} /> : null}
    </Modal>
  );
}

function ListForm(props: {
  initial: ListInput;
  programs: Program[];
  submitLabel: string;
  onClose: () => void;
  onSave: (input: ListInput) => Promise<unknown>;
}) {
  const [values, setValues] = useState<ListInput>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
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
      }}
    >
      <Stack>
        <TextInput
          label="Name"
          placeholder="e.g. Shopify repeat customers, #glowskin search"
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setValues((v) => ({ ...v, name }));
          }}
          error={errors.name}
          required
          data-autofocus
        />
        <Select
          label="Where these people come from"
          description="Customers, CRM and loyalty lists are your warmest pool"
          data={Object.entries(sourceLabels).map(([value, label]) => ({ value, label }))}
          value={values.source}
          onChange={(v) => v && setValues((s) => ({ ...s, source: v as ProspectSource }))}
          error={errors.source}
          allowDeselect={false}
        />
        <Select
          label="Program to invite them to"
          description="Shows whether each person is already in it; bulk invitations add them to it"
          placeholder="Choose later"
          data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
          value={values.programId}
          onChange={(v) => setValues((s) => ({ ...s, programId: v }))}
          error={errors.programId}
          clearable
        />
        <InlineError message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
