// CSV import (PRODUCT R2): pick a file, optionally a program to add everyone to as prospects, check it
// (a dry run listing each bad row by line), then import — aborting on any bad row or skipping bad rows.
// Uploads go through XMLHttpRequest so the progress bar shows real upload progress.
import { Anchor, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CsvFileInput,
  CsvImportActions,
  CsvImportResultAlert,
  CsvProblemsTable,
  CsvUploadProgress,
} from '../../components/csv-import-parts';
import { FormError } from '../../components/form-error';
import { useCsvImport } from '../../components/use-csv-import';
import type { Program } from '../programs/api';
import { useWorkspace } from '../workspaces/workspace-context';
import { importCreatorsCsv } from './api';

const columns =
  'name (required), email, phone, country, tags (separated by ;), notes, instagram, instagram_followers, tiktok, tiktok_followers, youtube, youtube_followers';
const template = [
  'name,email,phone,country,tags,notes,instagram,instagram_followers,tiktok,tiktok_followers,youtube,youtube_followers',
  'Jane Doe,jane@example.com,+1 555 0100,US,skincare;vegan,Loyal customer since 2021,janeglows,12400,,,,',
].join('\n');
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`;

export function ImportCsvModal(props: {
  opened: boolean;
  onClose: () => void;
  programs: Program[];
  defaultProgramId?: string | undefined;
}) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState<string | null>(props.defaultProgramId ?? null);
  const csv = useCsvImport({
    importFile: (file, options, onProgress) =>
      importCreatorsCsv(workspaceId, file, { ...options, programId: programId ?? undefined }, onProgress),
    successMessage: (r) => `Imported ${r.created} ${r.created === 1 ? 'creator' : 'creators'}.`,
    onImported: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ['programs', workspaceId] }),
      ]),
    onClose: () => {
      setProgramId(props.defaultProgramId ?? null);
      props.onClose();
    },
  });
  // What the last check found, or the last import did (the latter replaces the former).
  const { busy, imported, result: checked } = csv;
  /** A new file or program makes the last check or import moot. */
  const reset = () => {
    csv.clearResult();
    csv.setError(null);
  };

  const program = props.programs.find((p) => p.id === programId);

  return (
    <Modal
      opened={props.opened}
      onClose={csv.close}
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
          file={csv.file}
          onChange={(f) => {
            csv.setFile(f);
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

        <CsvUploadProgress busy={busy} progress={csv.progress} phase={csv.phase} />

        <FormError title="The file could not be processed" message={csv.error} />

        {imported ? (
          <CsvImportResultAlert
            written={imported.written}
            refused={!imported.written}
            problems={imported.errors.length > 0}
            marked
          >
            {imported.written ? (
              <>
                Imported {imported.created} of {imported.totalRows}{' '}
                {imported.totalRows === 1 ? 'row' : 'rows'}
                {program ? ` into ${program.name} as prospects` : ''}.
                {imported.skipped > 0
                  ? ` Skipped ${imported.skipped} bad ${imported.skipped === 1 ? 'row' : 'rows'}.`
                  : ''}
              </>
            ) : imported.errors.length > 0 ? (
              `${imported.skipped} of ${imported.totalRows} rows have problems, and you chose to import nothing in that case. Fix the rows listed below and try again, or choose to skip bad rows.`
            ) : (
              'The file has no rows to import.'
            )}
          </CsvImportResultAlert>
        ) : checked ? (
          <CsvImportResultAlert written={false} refused={false} problems={checked.errors.length > 0} marked>
            {checked.errors.length === 0 ? (
              <>
                All {checked.validRows} {checked.validRows === 1 ? 'row is' : 'rows are'} ready to import
                {program ? ` into ${program.name}` : ''}.
              </>
            ) : (
              <>
                {checked.validRows} of {checked.totalRows} rows are ready; {checked.skipped}{' '}
                {checked.skipped === 1 ? 'has' : 'have'} problems. Fix them in your file and check again, or
                skip them.
              </>
            )}
          </CsvImportResultAlert>
        ) : null}

        <CsvProblemsTable errors={checked?.errors ?? []} />
        <CsvImportActions {...csv.actions} />
      </Stack>
    </Modal>
  );
}
