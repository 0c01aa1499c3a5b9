// The report's flags grouped by section (V9): severity, message and evidence; reviewers may set a flag
// aside with a reason (shown struck through with who and why) or restore it.
import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconFlagOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { InlineError } from '../../components/form-error';
import { formatDateTime } from '../../lib/format';
import { fieldErrorsOf, messageOf } from '../../lib/problems';
import type { ReviewedFlag, StoredFlagOverride } from './api';
import { EvidenceList } from './evidence';
import { flagsBySection, sectionLabelOf, severityColors } from './report-view';

export function FlagsList(props: {
  flags: ReviewedFlag[];
  overrides: StoredFlagOverride[];
  canOverride: boolean;
  onOverride: (flagKey: string, reason: string) => Promise<unknown>;
  onRestore: (overrideId: string) => Promise<unknown>;
}) {
  const [overriding, setOverriding] = useState<ReviewedFlag | null>(null);
  const [restoring, setRestoring] = useState<{ flag: ReviewedFlag; overrideId: string } | null>(null);
  const groups = flagsBySection(props.flags);
  if (groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No flags: nothing in this creator’s data matched a warning sign.
      </Text>
    );
  }
  return (
    <Stack gap="lg">
      {groups.map((group) => (
        <Stack
          key={group.section}
          gap="xs"
          component="section"
          aria-label={`${sectionLabelOf(group.section)} flags`}
        >
          <Title order={4} fz="sm" tt="uppercase" c="dimmed">
            {sectionLabelOf(group.section)}
          </Title>
          {group.flags.map((flag) => {
            const override = props.overrides.find((o) => o.flagKey === flag.key);
            return (
              <Card
                key={flag.key}
                withBorder
                radius="md"
                padding="sm"
                data-flag={flag.key}
                data-overridden={flag.overridden ? 'true' : undefined}
                style={{ borderLeft: `4px solid var(--mantine-color-${severityColors[flag.severity]}-6)` }}
              >
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Badge color={severityColors[flag.severity]} variant="light" style={{ flexShrink: 0 }}>
                        {flag.severity}
                      </Badge>
                      <Text
                        size="sm"
                        td={flag.overridden ? 'line-through' : undefined}
                        c={flag.overridden ? 'dimmed' : undefined}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {flag.message}
                      </Text>
                    </Group>
                    {props.canOverride ? (
                      flag.overridden && override ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          leftSection={<IconArrowBackUp size={14} />}
                          onClick={() => setRestoring({ flag, overrideId: override.id })}
                          style={{ flexShrink: 0 }}
                        >
                          Restore
                        </Button>
                      ) : flag.overridden ? null : (
                        <Button
                          size="xs"
                          variant="light"
                          color="gray"
                          leftSection={<IconFlagOff size={14} />}
                          onClick={() => setOverriding(flag)}
                          style={{ flexShrink: 0 }}
                        >
                          Override
                        </Button>
                      )
                    ) : null}
                  </Group>
                  {flag.overridden ? (
                    <Text size="xs" c="dimmed">
                      Overridden by {flag.overridden.by || 'a former member'} on{' '}
                      {formatDateTime(flag.overridden.at)}:{' '}
                      <Text span size="xs" fs="italic" c="dark" style={{ overflowWrap: 'anywhere' }}>
                        “{flag.overridden.reason}”
                      </Text>
                    </Text>
                  ) : null}
                  <EvidenceList evidence={flag.evidence} section={flag.section} />
                </Stack>
              </Card>
            );
          })}
        </Stack>
      ))}
      <OverrideModal
        flag={overriding}
        onClose={() => setOverriding(null)}
        onSubmit={async (reason) => {
          if (overriding) await props.onOverride(overriding.key, reason);
        }}
      />
      <ConfirmModal
        opened={restoring !== null}
        title="Restore this flag?"
        message={`“${restoring?.flag.message ?? ''}” will count against the score again. The override stays in the audit log.`}
        confirmLabel="Restore flag"
        onConfirm={() => (restoring ? props.onRestore(restoring.overrideId) : Promise.resolve())}
        onClose={() => setRestoring(null)}
      />
    </Stack>
  );
}

function OverrideModal(props: {
  flag: ReviewedFlag | null;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    if (busy) return;
    setReason('');
    setFieldError(null);
    setError(null);
    props.onClose();
  };
  return (
    <Modal opened={props.flag !== null} onClose={close} title="Override this flag" size="lg">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (reason.trim().length < 5) {
            setFieldError('Say why this flag does not apply (at least 5 characters).');
            return;
          }
          setBusy(true);
          setError(null);
          setFieldError(null);
          try {
            await props.onSubmit(reason.trim());
            setBusy(false);
            setReason('');
            props.onClose();
          } catch (e) {
            setBusy(false);
            const fields = fieldErrorsOf(e);
            if (fields.reason) setFieldError(fields.reason);
            else setError(messageOf(e));
          }
        }}
      >
        <Stack>
          <Text size="sm">
            {props.flag ? (
              <>
                <Badge color={severityColors[props.flag.severity]} variant="light" mr={6}>
                  {props.flag.severity}
                </Badge>
                {props.flag.message}
              </>
            ) : null}
          </Text>
          <Text size="sm" c="dimmed">
            The flag stays on the report, struck through, and stops counting against the score. Your reason is
            kept in the creator’s audit log.
          </Text>
          <Textarea
            label="Reason"
            description="What did you check, and why does this flag not apply?"
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <InlineError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Override flag
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
