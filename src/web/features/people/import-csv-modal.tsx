// CSV import (PRODUCT R2): pick a file, optionally a program to add everyone to as prospects, check it
// (a dry run listing each bad row by line), then import — aborting on any bad row or skipping bad rows.
// Uploads go through XMLHttpRequest so the progress bar shows real upload progress.
import { Alert, Anchor, Modal, Select, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CsvFileInput,
  CsvImportActions,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import type { Program } from '../programs/api';
import { useWorkspace } from '../workspaces/workspace-context';
import { type ImportResult, importCreatorsCsv } from './api';

const columns =
  'name (required), email, phone, country, tags (separated by ;), notes, instagram, instagram_followers, tiktok, tiktok_followers, youtube, youtube_followers';
const template = [
  'name,email,phone,country,tags,notes,instagram,instagram_followers,tiktok,tiktok_followers,youtube,youtube_followers',
  'Jane Doe,jane@example.com,+1 555 0100,US,skincare;vegan,Loyal customer since 2021,janeglows,12400,,,,',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

type Phase = 'idle' | 'checking' | 'importing';

export function ImportCsvModal(props: {
  opened: boolean;
  onClose: () => void;
  programs: Program[];
  defaultProgramId?: string | undefined;
}) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [programId, setProgramId] = useState<string | null>(props.defaultProgramId ?? null);
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setChecked(null);
    setImported(null);
    setError(null);
    setProgress(0);
  };

  const close = () => {
    if (phase !== 'idle') return;
    setFile(null);
    setOnError('abort');
    setProgramId(props.defaultProgramId ?? null);
    reset();
    props.onClose();
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setImported(null);
    setProgress(0);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const result = await importCreatorsCsv(
        workspaceId,
        file,
        { dryRun, onError, programId: programId ?? undefined },
        setProgress,
      );
      if (dryRun) {
        setChecked(result);
      } else {
        setImported(result);
        setChecked(result);
        if (result.written) {
          notifySuccess(`Imported ${result.created} ${result.created === 1 ? 'creator' : 'creators'}.`);
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] }),
            queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] }),
            queryClient.invalidateQueries({ queryKey: ['programs', workspaceId] }),
          ]);
        }
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };

  const program = props.programs.find((p) => p.id === programId);
  const errors = (imported ?? checked)?.errors ?? [];
  const busy = phase !== 'idle';

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title="Import creators from CSV"
      size="xl"
      closeOnClickOutside={!busy}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          One creator per row, with a header row. Columns: {columns}.{' '}
          <Anchor href={templateHref} download="troupe-creators-template.csv" size="sm">
            Download a template
          </Anchor>
        </Text>
        <CsvFileInput
          file={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          disabled={busy}
        />
        <Select
          label="Add everyone to a program (optional)"
          description="They join its pipeline as prospects"
          placeholder="Do not add to a program"
          data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={(value) => {
            setProgramId(value);
            reset();
          }}
          clearable
          disabled={busy}
        />

        <CsvUploadProgress busy={busy} progress={progress} phase={phase} />

        <FormError title="The file could not be processed" message={error} />

        {imported ? (
          imported.written ? (
            <Alert color="teal" icon={<IconCheck size={18} />} title="Import finished" role="status">
              Imported {imported.created} of {imported.totalRows} {imported.totalRows === 1 ? 'row' : 'rows'}
              {program ? ` into ${program.name} as prospects` : ''}.
              {imported.skipped > 0
                ? ` Skipped ${imported.skipped} bad ${imported.skipped === 1 ? 'row' : 'rows'}.`
                : ''}
            </Alert>
          ) : (
            <Alert color="red" title="Nothing was imported" role="status">
              {imported.errors.length > 0
                ? `${imported.skipped} of ${imported.totalRows} rows have problems, and you chose to import nothing in that case. Fix the rows listed below and try again, or choose to skip bad rows.`
                : 'The file has no rows to import.'}
            </Alert>
          )
        ) : checked ? (
          checked.errors.length === 0 ? (
            <Alert color="teal" icon={<IconCheck size={18} />} title="The file looks good" role="status">
              All {checked.validRows} {checked.validRows === 1 ? 'row is' : 'rows are'} ready to import
              {program ? ` into ${program.name}` : ''}.
            </Alert>
          ) : (
            <Alert color="orange" title="Some rows have problems" role="status">
              {checked.validRows} of {checked.totalRows} rows are ready; {checked.skipped}{' '}
              {checked.skipped === 1 ? 'has' : 'have'} problems. Fix them in your file and check again, or
              skip them.
            </Alert>
          )
        ) : null}

        <CsvProblemsTable errors={errors} />
        <CsvImportActions
          written={Boolean(imported?.written)}
          hasFile={Boolean(file)}
          busy={busy}
          phase={phase}
          onError={onError}
          setOnError={setOnError}
          onRun={(dryRun) => void run(dryRun)}
          onClose={close}
        />
      </Stack>
    </Modal>
  );
}
