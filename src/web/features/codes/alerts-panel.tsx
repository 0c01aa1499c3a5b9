// Leaked-code alerts (T6) for a program: each with its reasons and figures, one click to rotate the code
// (confirmed) or dismiss the alert.
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useWorkspace } from '../workspaces/workspace-context';
import { type CodeAlertView, codesKey, dismissAlert, type RotateResult, rotateFromAlert } from './api';
import { ReasonModal } from './reason-modal';

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
  return (
    <ReasonModal
      opened={props.alert !== null}
      title={`Rotate ${props.alert?.code ?? ''}?`}
      message={`${props.alert?.code ?? ''} stops being ${props.alert?.ambassadorName ?? 'the ambassador'}’s code (orders that used it stay credited) and they get a new one from the program’s pattern with a random ending, so coupon sites cannot guess it. Tell them their new code.`}
      reasonLabel="Reason (optional, kept with the code)"
      placeholder="e.g. Posted on a coupon site"
      confirmLabel="Rotate code"
      danger
      onClose={props.onClose}
      onConfirm={props.onRotate}
    />
  );
}

function DismissModal(props: {
  alert: CodeAlertView | null;
  onClose: () => void;
  onDismiss: (reason: string) => Promise<void>;
}) {
  return (
    <ReasonModal
      opened={props.alert !== null}
      title={`Dismiss the alert about ${props.alert?.code ?? ''}`}
      message="Dismiss when you know why (say, the ambassador shared the code in a newsletter). The alert comes back only if the figures get worse."
      reasonLabel="Why (kept in the audit log)"
      confirmLabel="Dismiss alert"
      onClose={props.onClose}
      onConfirm={props.onDismiss}
    />
  );
}
