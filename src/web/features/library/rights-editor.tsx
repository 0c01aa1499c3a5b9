// Edits an asset's usage rights: one row per channel with a start and an optional end (end ≥ start).
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { optionsOf, type UsageChannel, usageChannelLabels } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import { splitProblems } from '../../lib/problems';
import { type AssetDetail, saveAssetRights } from './api';

const endBeforeStart = 'The end date must not be before the start date';

let rowKeys = 0;
const nextKey = () => `right-${++rowKeys}`;

interface Row {
  key: string;
  channel: UsageChannel | null;
  startsOn: string;
  endsOn: string;
}

export function RightsEditor(props: {
  workspaceId: string;
  asset: AssetDetail;
  onSaved: () => Promise<unknown>;
}) {
  const initial = props.asset.rights.map((r) => ({
    key: nextKey(),
    channel: r.channel as UsageChannel,
    startsOn: r.startsOn,
    endsOn: r.endsOn ?? '',
  }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const today = new Date().toISOString().slice(0, 10);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const used = new Set(rows.map((r) => r.channel));
  const save = async () => {
    setError(null);
    // Said on the field before asking the server, which would refuse it with the same rule.
    const backwards = Object.fromEntries(
      rows.flatMap((r, i) =>
        r.endsOn && r.startsOn && r.endsOn < r.startsOn ? [[`rights.${i}.endsOn`, endBeforeStart]] : [],
      ),
    );
    setFieldErrors(backwards);
    if (Object.keys(backwards).length > 0) return;
    setBusy(true);
    try {
      await saveAssetRights(
        props.workspaceId,
        props.asset.id,
        rows.map((r) => ({
          channel: r.channel as UsageChannel,
          startsOn: r.startsOn,
          endsOn: r.endsOn || null,
        })),
      );
      notifySuccess('Usage rights saved.');
      await props.onSaved();
    } catch (e) {
      const { fieldErrors: onFields, message } = splitProblems(e, { rights: rows });
      setFieldErrors(
        Object.fromEntries(
          Object.entries(onFields).map(([field, text]) => [
            field,
            field.endsWith('.endsOn') && /before startsOn/.test(text) ? endBeforeStart : text,
          ]),
        ),
      );
      setError(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No usage rights: this piece may not be reused. Add a channel the creator agreed to.
        </Text>
      ) : null}
      {rows.map((r, i) => (
        <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            size="xs"
            w={150}
            aria-label={`Channel ${i + 1}`}
            placeholder="Channel"
            data={optionsOf(usageChannelLabels).map((o) => ({
              ...o,
              disabled: used.has(o.value) && o.value !== r.channel,
            }))}
            value={r.channel}
            onChange={(v) => set(i, { channel: v as UsageChannel | null })}
            error={fieldErrors[`rights.${i}.channel`]}
          />
          <TextInput
            size="xs"
            type="date"
            aria-label={`Starts on ${i + 1}`}
            value={r.startsOn}
            onChange={(e) => set(i, { startsOn: e.currentTarget.value })}
            error={fieldErrors[`rights.${i}.startsOn`]}
          />
          <TextInput
            size="xs"
            type="date"
            aria-label={`Ends on ${i + 1}`}
            placeholder="No end"
            value={r.endsOn}
            onChange={(e) => set(i, { endsOn: e.currentTarget.value })}
            error={fieldErrors[`rights.${i}.endsOn`]}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove right ${i + 1}`}
            onClick={() => setRows((old) => old.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <InlineError message={error} />
      <Group justify="space-between">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          disabled={used.size >= Object.keys(usageChannelLabels).length}
          onClick={() =>
            setRows((old) => [...old, { key: nextKey(), channel: null, startsOn: today, endsOn: '' }])
          }
        >
          Add channel
        </Button>
        <Button size="xs" onClick={save} loading={busy}>
          Save rights
        </Button>
      </Group>
    </Stack>
  );
}
