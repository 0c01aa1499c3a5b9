// The parts every CSV import dialog shares: the file picker, the upload/processing progress, the
// line-numbered problems table and the "if some rows have problems" choice with Cancel / Check file /
// Import (or Done once written), and the alert that says how a check or an import went.
import {
  Alert,
  Button,
  FileInput,
  Group,
  Progress,
  Radio,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function CsvFileInput(props: {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled: boolean;
}) {
  return (
    <FileInput
      label="CSV file"
      placeholder="Choose a .csv file"
      accept=".csv,text/csv"
      leftSection={<IconFileTypeCsv size={18} />}
      value={props.file}
      onChange={props.onChange}
      clearable
      disabled={props.disabled}
    />
  );
}

/** Upload progress, then "checking" or "importing" while the server works through the rows. */
export function CsvUploadProgress({
  busy,
  progress,
  phase,
}: {
  busy: boolean;
  progress: number;
  phase: string;
}) {
  if (!busy) return null;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {progress < 100
          ? `Uploading… ${progress}%`
          : phase === 'checking'
            ? 'Checking every row…'
            : 'Importing…'}
      </Text>
      <Progress
        value={progress}
        animated={progress >= 100}
        striped={progress >= 100}
        aria-label="Upload progress"
      />
    </Stack>
  );
}

export interface CsvRowProblem {
  line: number;
  field: string;
  message: string;
}

/** The problems of a checked file by line and column; on a phone, line and column share the first cell. */
export function CsvProblemsTable({ errors }: { errors: CsvRowProblem[] }) {
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  if (errors.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={240} type="auto">
      <Table striped withTableBorder aria-label="Problems in the file" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {narrow ? (
              <Table.Th w={110}>Line · column</Table.Th>
            ) : (
              <>
                <Table.Th w={70}>Line</Table.Th>
                <Table.Th w={160}>Column</Table.Th>
              </>
            )}
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.line}-${e.field}-${e.message}`}>
              {narrow ? (
                <Table.Td>
                  {e.line}
                  {e.field ? (
                    <Text span size="xs" c="dimmed" display="block" style={{ overflowWrap: 'anywhere' }}>
                      {e.field}
                    </Text>
                  ) : null}
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                </>
              )}
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/**
 * How a check or an import went: "Import finished" once rows are written, "Nothing was imported" for an
 * import that wrote nothing (`refused`), else what the check found ("Some rows have problems" or "The
 * file looks good"). The children summarise the counts; with `problemRows`, a sentence under them says how
 * many rows have problems and what happens to them.
 */
export function CsvImportResultAlert(props: {
  written: boolean;
  refused: boolean;
  /** Some rows have problems. */
  problems: boolean;
  problemRows?: number | undefined;
  /** Good outcomes in teal with a check mark and a refused import in red (otherwise blue). */
  marked?: boolean | undefined;
  children: ReactNode;
}) {
  const { written, refused, problems, problemRows, marked } = props;
  const good = written || (!refused && !problems);
  const color =
    written || (marked && good) ? 'teal' : marked && refused ? 'red' : problems ? 'orange' : 'blue';
  return (
    <Alert
      color={color}
      icon={marked && good ? <IconCheck size={18} /> : undefined}
      title={
        written
          ? 'Import finished'
          : refused
            ? 'Nothing was imported'
            : problems
              ? 'Some rows have problems'
              : 'The file looks good'
      }
      role="status"
    >
      {problemRows === undefined ? (
        props.children
      ) : (
        <Stack gap={4}>
          {props.children}
          {problems ? (
            <Text size="sm">
              {problemRows} {problemRows === 1 ? 'row has' : 'rows have'} problems
              {written ? ' and were skipped' : ': fix them and check again, or choose to skip them'}.
            </Text>
          ) : null}
        </Stack>
      )}
    </Alert>
  );
}

export type CsvOnError = 'abort' | 'skip';

export function CsvImportActions(props: {
  written: boolean;
  hasFile: boolean;
  busy: boolean;
  /** Which button shows as loading. */
  phase: string;
  onError: CsvOnError;
  setOnError: (value: CsvOnError) => void;
  onRun: (dryRun: boolean) => void;
  onClose: () => void;
}) {
  const { written, hasFile, busy, phase, onError, setOnError, onRun, onClose } = props;
  return (
    <>
      {!written ? (
        <Radio.Group
          label="If some rows have problems"
          value={onError}
          onChange={(value) => setOnError(value === 'skip' ? 'skip' : 'abort')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="abort" label="Import nothing until every row is valid" disabled={busy} />
            <Radio value="skip" label="Skip the bad rows and import the rest" disabled={busy} />
          </Stack>
        </Radio.Group>
      ) : null}
      <Group justify="flex-end">
        {written ? (
          <Button onClick={onClose}>Done</Button>
        ) : (
          <>
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button
              variant="light"
              onClick={() => onRun(true)}
              disabled={!hasFile || busy}
              loading={phase === 'checking'}
            >
              Check file
            </Button>
            <Button
              leftSection={<IconUpload size={16} />}
              onClick={() => onRun(false)}
              disabled={!hasFile || busy}
              loading={phase === 'importing'}
            >
              Import
            </Button>
          </>
        )}
      </Group>
    </>
  );
}
