// A confirmation that takes an optional reason (rotate, retire, dismiss): the reason is kept with the code
// or in the audit log; an error from the API stays in the dialog.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { InlineError } from '../../components/form-error';
import { messageOf } from '../../lib/problems';

export function ReasonModal(props: {
  opened: boolean;
  title: string;
  message: ReactNode;
  reasonLabel: string;
  placeholder?: string;
  confirmLabel: string;
  /** Red confirm button: the action can't be undone. */
  danger?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (busy) return;
    setError(null);
    setReason('');
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <Stack>
        <Text size="sm">{props.message}</Text>
        <TextInput
          label={props.reasonLabel}
          placeholder={props.placeholder}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          data-autofocus
        />
        <InlineError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button
            color={props.danger ? 'red' : undefined}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onConfirm(reason);
                setBusy(false);
                setReason('');
                props.onClose();
              } catch (e) {
                setError(messageOf(e));
                setBusy(false);
              }
            }}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
