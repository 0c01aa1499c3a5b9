// The two ways to bring people in — one by hand, or many from a CSV file — as a pair of buttons, for page
// headers and empty states. A button shows only when its handler is given (the caller checks permissions).
import { Button } from '@mantine/core';
import { IconUpload, IconUserPlus } from '@tabler/icons-react';

export function AddOrImportButtons(props: { addLabel: string; onAdd?: () => void; onImport?: () => void }) {
  return (
    <>
      {props.onAdd ? (
        <Button leftSection={<IconUserPlus size={16} />} onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      ) : null}
      {props.onImport ? (
        <Button variant="default" leftSection={<IconUpload size={16} />} onClick={props.onImport}>
          Import CSV
        </Button>
      ) : null}
    </>
  );
}
