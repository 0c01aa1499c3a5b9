// The end of a form: Cancel, then the submit button, which spins while the form is being sent.
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

export function FormButtons(props: { submitLabel: ReactNode; isSubmitting: boolean; onCancel: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={props.isSubmitting}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
