// The committee's rubric (PRODUCT R5): criteria with a description and a weight, added, removed and
// reordered, saved on their own (PUT …/committee/rubric) so editing them never touches the rest of the
// program. A criterion keeps its id when renamed, so scores already given stay attached to it.
import {
  ActionIcon,
  Box,
  Button,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { suggestedRubric } from '../../../core/committee/default-rubric';
import { FormError } from '../../components/form-error';
import { AddRowButton, newRowKey } from '../../components/row-list';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import { committeeKey, saveRubric } from '../committee/api';
import { useWorkspace } from '../workspaces/workspace-context';
import { type Program, programQuery, programsQuery } from './api';
import { FormSection } from './form-section';

interface CriterionRow {
  key: string;
  /** Set once saved; new rows get an id from their label when saved. */
  id: string | null;
  label: string;
  description: string;
  weight: number | string;
}

const toRows = (rubric: Program['rubric']): CriterionRow[] => rubric.map((c) => ({ key: newRowKey(), ...c }));

/** A criterion id from its label: "Audience fit" → "audience_fit", unique within the rubric. */
function idFor(label: string, taken: Set<string>): string {
  const stem =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'criterion';
  const base = /^[a-z0-9]/.test(stem) ? stem : `c_${stem}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

export function RubricEditor({ program }: { program: Program }) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<CriterionRow[]>(() => toRows(program.rubric));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const readOnly = !can('programs.write');

  const update = (i: number, patch: Partial<CriterionRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(i, 1);
      if (row) next.splice(i + by, 0, row);
      return next;
    });
  const applySuggestion = () => {
    setRows(suggestedRubric.map((c) => ({ key: newRowKey(), ...c })));
    setErrors({});
  };

  const save = async () => {
    const missing: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.label.trim()) missing[`rubric.${i}.label`] = 'Name the criterion';
      if (r.weight === '' || Number(r.weight) < 0.1)
        missing[`rubric.${i}.weight`] = 'Use a weight of at least 0.1';
    });
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setFormError('Some criteria need attention; see the messages next to them.');
      return;
    }
    const taken = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
    const rubric = rows.map((r) => ({
      id: r.id ?? idFor(r.label, taken),
      label: r.label.trim(),
      description: r.description.trim(),
      weight: Number(r.weight),
    }));
    setSaving(true);
    setFormError(null);
    try {
      const updated = await saveRubric(workspaceId, program.id, rubric);
      // Only the rubric changes in the cache: the program form above is keyed by updatedAt, and a new
      // one would reset whatever the manager has typed there but not saved yet.
      queryClient.setQueryData(programQuery(workspaceId, program.id).queryKey, (old) =>
        old ? { ...old, rubric: updated.rubric } : updated,
      );
      await queryClient.invalidateQueries({ queryKey: programsQuery(workspaceId).queryKey, exact: true });
      await queryClient.invalidateQueries({ queryKey: committeeKey(workspaceId, program.id) });
      setRows(toRows(updated.rubric));
      notifySuccess('Reviewers score applicants on these criteria from now on.', 'Rubric saved');
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  const totalWeight = rows.reduce((sum, r) => sum + (Number(r.weight) || 0), 0);

  return (
    <Box id="rubric" mt="lg">
      <FormSection
        title="Committee rubric"
        description="What the committee scores each applicant on, 1 to 5 per criterion; weights set how much each counts. Saved on its own with “Save rubric”; scores already given keep the rubric they were given on."
      >
        <FormError title="The rubric was not saved" message={formError} />
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No criteria yet. Start from the suggested rubric (audience fit, content quality, brand alignment,
            engagement authenticity, professionalism) and adjust it, or add your own.
          </Text>
        ) : null}
        {rows.map((r, i) => (
          <Group
            key={r.key}
            align="flex-start"
            gap="sm"
            wrap="nowrap"
            aria-label={`Criterion ${i + 1}`}
            role="group"
          >
            <Stack gap="xs" style={{ flex: 1 }}>
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <TextInput
                  style={{ flex: 3 }}
                  label="Criterion"
                  aria-label={`Criterion ${i + 1} name`}
                  value={r.label}
                  maxLength={120}
                  readOnly={readOnly}
                  onChange={(e) => update(i, { label: e.currentTarget.value })}
                  error={errors[`rubric.${i}.label`] ?? errors[`rubric.${i}.id`]}
                />
                <NumberInput
                  style={{ flex: 1 }}
                  label="Weight"
                  aria-label={`Criterion ${i + 1} weight`}
                  min={0.1}
                  max={10}
                  step={0.5}
                  decimalScale={2}
                  value={r.weight}
                  readOnly={readOnly}
                  onChange={(v) => update(i, { weight: v })}
                  error={errors[`rubric.${i}.weight`]}
                  description={
                    totalWeight > 0 && Number(r.weight) > 0
                      ? `${Math.round((Number(r.weight) / totalWeight) * 100)}% of the score`
                      : undefined
                  }
                />
              </Group>
              <Textarea
                label="What a 5 looks like"
                aria-label={`Criterion ${i + 1} description`}
                autosize
                minRows={1}
                maxLength={500}
                value={r.description}
                readOnly={readOnly}
                onChange={(e) => update(i, { description: e.currentTarget.value })}
                error={errors[`rubric.${i}.description`]}
              />
            </Stack>
            {readOnly ? null : (
              <Stack gap={4} mt={30}>
                <Tooltip label="Move up">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move criterion ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move criterion ${i + 1} down`}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove criterion ${i + 1}`}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Stack>
            )}
          </Group>
        ))}
        {readOnly ? null : (
          <Group justify="space-between">
            <Group gap="sm">
              <AddRowButton
                onClick={() =>
                  setRows((rs) => [
                    ...rs,
                    { key: newRowKey(), id: null, label: '', description: '', weight: 1 },
                  ])
                }
              >
                Add criterion
              </AddRowButton>
              {rows.length === 0 ? (
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconSparkles size={14} />}
                  onClick={applySuggestion}
                >
                  Use suggested rubric
                </Button>
              ) : null}
            </Group>
            <Button onClick={save} loading={saving}>
              Save rubric
            </Button>
          </Group>
        )}
      </FormSection>
    </Box>
  );
}
