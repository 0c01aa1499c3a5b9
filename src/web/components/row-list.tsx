// Lists of rows that people add to and remove from (social accounts, KPI targets, content cadence): each
// row's inputs on one line with a remove button at its end, and an add button below the rows.
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

let keySeed = 0;
/** A React key for a new row; rows have no id of their own until the server stores them. */
export const newRowKey = () => `row-${++keySeed}`;

/**
 * Rows of inputs with a remove button each. Only the first row's inputs show their labels (later rows are
 * named by aria-label), so the first remove button sits lower to line up with the inputs, not the labels.
 */
export function RowList<Row extends { key: string }>(props: {
  rows: Row[];
  children: (row: Row, index: number) => ReactNode;
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <>
      {props.rows.map((row, i) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap">
          {props.children(row, i)}
          <Tooltip label="Remove">
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={i === 0 ? 30 : 6}
              aria-label={props.removeLabel(i)}
              onClick={() => props.onRemove(i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <AddRowButton onClick={props.onAdd}>{props.addLabel}</AddRowButton>
    </>
  );
}

/** The button below a list of rows that adds one more. */
export function AddRowButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick}>
        {children}
      </Button>
    </Group>
  );
}
