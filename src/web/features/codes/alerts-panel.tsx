// Leaked-code alerts (T6) for a program: each with its reasons and figures, one click to rotate the code
// (confirmed) or dismiss the alert.
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { type CodeAlertView, codesKey, dismissAlert, type RotateResult, rotateFromAlert } from './api';

export function figuresText(f: CodeAlertView['figures']): string {
  return `${f.redemptions} redemptions · ${f.redemptionsWithClick} with a click from the ambassador · ${f.couponSiteRedemptions} from coupon sites · ${f.ambassadorClicks} unique clicks (last ${f.windowDays} days)`;
}

export function AlertsPanel(props: {
  programId: string;
  alerts: CodeAlertView[];
  onRotated: (result: RotateResult) => void;
}) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [rotating, setRotating] = useState<CodeAlertView | null>(null);
  const [dismissing, setDismissing] = useState<CodeAlertView | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: codesKey(workspaceId, props.programId) });
  if (props.alerts.length === 0) return null;
  return (
    <Stack gap="sm" mb="lg" component="section" aria-label="Leaked-code alerts">
      {props.alerts.map((alert) => (
        <Alert
          key={alert.id}
          color="red"
          variant="light"
          radius="lg"
          icon={<IconAlertTriangle size={20} />}
          title={`${alert.code} (${alert.ambassadorName}) looks leaked`}
        >
          <List size="sm" spacing={2} mb="xs">
            {alert.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mb="sm">
            {figuresText(alert.figures)} · raised {formatDate(alert.createdAt)}
          </Text>
          {can('tracking.write') ? (
            <Group gap="xs">
              <Button
                size="xs"
                color="red"
                leftSection={<IconRefresh size={14} />}
                onClick={() => setRotating(alert)}
              >
                Rotate code
              </Button>
              <Button size="xs" variant="default" onClick={() => setDismissing(alert)}>
                Dismiss
              </Button>
            </Group>
          ) : null}
        </Alert>
      ))}
      <RotateAlertModal
        alert={rotating}
        onClose={() => setRotating(null)}
        onRotate={async (reason) => {
          if (!rotating) return;
          const result = await rotateFromAlert(workspaceId, props.programId, rotating.id, reason);
          notifySuccess(`${result.rotation.retired.code} → ${result.rotation.issued.code}`, 'Code rotated');
          props.onRotated(result.rotation);
          await refresh();
        }}
      />
      <DismissModal
        alert={dismissing}
        onClose={() => setDismissing(null)}
        onDismiss={async (reason) => {
          if (!dismissing) return;
          await dismissAlert(workspaceId, props.programId, dismissing.id, reason);
          notifySuccess(
            `The alert about ${dismissing.code} is dismissed; it comes back if the figures get worse.`,
          );
          await refresh();
        }}
      />
    </Stack>
  );
}

function RotateAlertModal(props: {
  alert: CodeAlertView | null;
  onClose: () => void;
  onRotate: (reason: string) => Promise<void>;
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
    <Modal opened={props.alert !== null} onClose={close} title={`Rotate ${props.alert?.code ?? ''}?`}>
      <Stack>
        <Text size="sm">
          {props.alert?.code ?? ''} stops being {props.alert?.ambassadorName ?? 'the ambassador'}’s code
          (orders that used it stay credited) and they get a new one from the program’s pattern with a random
          ending, so coupon sites cannot guess it. Tell them their new code.
        </Text>
        <TextInput
          label="Reason (optional, kept with the code)"
          placeholder="e.g. Posted on a coupon site"
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
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onRotate(reason);
                setBusy(false);
                setReason('');
                props.onClose();
              } catch (e) {
                setError(messageOf(e));
                setBusy(false);
              }
            }}
          >
            Rotate code
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DismissModal(props: {
  alert: CodeAlertView | null;
  onClose: () => void;
  onDismiss: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened={props.alert !== null}
      onClose={props.onClose}
      title={`Dismiss the alert about ${props.alert?.code ?? ''}`}
    >
      <Stack>
        <Text size="sm">
          Dismiss when you know why (say, the ambassador shared the code in a newsletter). The alert comes
          back only if the figures get worse.
        </Text>
        <TextInput
          label="Why (kept in the audit log)"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
        />
        <InlineError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onDismiss(reason);
                setReason('');
                props.onClose();
              } catch (e) {
                setError(messageOf(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            Dismiss alert
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
