// A published post's metrics: the snapshots as a small chart and a table, and a form to enter one by hand.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { InlineError } from '../../components/form-error';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import { addMetrics, type MetricsEntry, type MetricsSnapshot } from './api';

const MetricsChart = lazy(() => import('./metrics-chart'));
const fields = ['views', 'reach', 'likes', 'comments', 'shares', 'saves'] as const;
const labels: Record<(typeof fields)[number], string> = {
  views: 'Views',
  reach: 'Reach',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
};

export function MetricsTable({ snapshots }: { snapshots: MetricsSnapshot[] }) {
  if (snapshots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No metrics yet. Enter the post’s numbers below, or import a CSV from the Published content page.
      </Text>
    );
  return (
    <Stack gap="sm">
      {snapshots.length > 1 ? (
        <Suspense fallback={<div style={{ height: 160 }} />}>
          <MetricsChart snapshots={snapshots} />
        </Suspense>
      ) : null}
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label="Metrics snapshots">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Captured</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f} ta="right">
                  {labels[f]}
                </Table.Th>
              ))}
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...snapshots].reverse().map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(m.capturedAt)}</Table.Td>
                {fields.map((f) => (
                  <Table.Td key={f} ta="right">
                    {m[f] === null ? '—' : formatNumber(m[f])}
                  </Table.Td>
                ))}
                <Table.Td>{m.source}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Enter one snapshot (now) by hand: at least one number, none negative. */
export function MetricsEntryForm(props: {
  workspaceId: string;
  submissionId: string;
  onSaved: () => Promise<unknown>;
}) {
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = async () => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const entry: MetricsEntry = {};
    for (const f of fields) {
      const v = values[f];
      if (typeof v === 'number') entry[f] = v;
    }
    try {
      await addMetrics(props.workspaceId, props.submissionId, entry);
      setValues({});
      notifySuccess('Metrics saved.');
      await props.onSaved();
    } catch (e) {
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Enter today’s numbers
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {fields.map((f) => (
            <NumberInput
              key={f}
              size="xs"
              label={labels[f]}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={values[f] ?? ''}
              onChange={(v) => setValues((old) => ({ ...old, [f]: v }))}
              error={fieldErrors[f]}
            />
          ))}
        </SimpleGrid>
        <InlineError message={error} />
        <Group justify="flex-end">
          <Button size="xs" onClick={save} loading={busy}>
            Save metrics
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
