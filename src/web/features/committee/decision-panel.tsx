// The manager's decision: accept, waitlist or decline, with an optional message for the creator's email.
// The confirmation shows the program's seats, so nobody is surprised that accepting into a full cohort
// waitlists instead.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { InlineError } from '../../components/form-error';
import { messageOf } from '../../lib/problems';
import type { Applicant, Decision, DecisionResult } from './api';

const decisionLabels: Record<Decision, string> = {
  accept: 'Accept',
  waitlist: 'Waitlist',
  decline: 'Decline',
};
const decisionColors: Record<Decision, string> = { accept: 'teal', waitlist: 'yellow', decline: 'red' };

export function seatsText(program: Applicant['program']): string {
  return program.capacity === null
    ? `${program.seatsTaken} seats taken (no limit)`
    : `${program.seatsTaken} of ${program.capacity} seats taken`;
}

export function DecisionPanel(props: {
  applicant: Applicant;
  onDecide: (input: { decision: Decision; message: string }) => Promise<DecisionResult>;
}) {
  const { applicant } = props;
  const { program } = applicant;
  const [choice, setChoice] = useState<Decision | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isFull = program.capacity !== null && program.seatsTaken >= program.capacity;
  const name = applicant.creator.name;
  const email = applicant.creator.email;

  const close = () => {
    if (busy) return;
    setChoice(null);
    setError(null);
  };

  const confirm = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      await props.onDecide({ decision: choice, message: message.trim() });
      setBusy(false);
      setChoice(null);
      setMessage('');
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
    }
  };

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section" aria-label="Decision">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} fz="h4">
            Decision
          </Title>
          <Text size="sm" c="dimmed">
            {seatsText(program)}.{' '}
            {email
              ? `${name} is emailed the outcome.`
              : `${name} has no email address, so no one is emailed.`}
          </Text>
        </Stack>
        <Group>
          {(['accept', 'waitlist', 'decline'] as const).map((d) => (
            <Button
              key={d}
              color={decisionColors[d]}
              variant={d === 'accept' ? 'filled' : 'light'}
              onClick={() => setChoice(d)}
              disabled={d === 'waitlist' && applicant.stage === 'waitlisted'}
            >
              {decisionLabels[d]}
            </Button>
          ))}
        </Group>
      </Stack>
      <Modal
        opened={choice !== null}
        onClose={close}
        title={choice ? `${decisionLabels[choice]} ${name}?` : ''}
      >
        <Stack>
          <Text size="sm" aria-label="Capacity">
            {program.name}: {seatsText(program)}.
          </Text>
          {choice === 'accept' && isFull ? (
            <Alert color="yellow" title="The program is full">
              Accepting will put {name} on the waitlist instead. Raise the capacity or offboard someone to
              make room.
            </Alert>
          ) : null}
          <Textarea
            label="Message to the creator (optional)"
            description={
              email
                ? `Added to the ${choice ?? ''} email sent to ${email}.`
                : 'There is no email address to send it to.'
            }
            autosize
            minRows={3}
            maxLength={4000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <InlineError message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button
              color={choice ? decisionColors[choice] : undefined}
              loading={busy}
              onClick={confirm}
              data-autofocus
            >
              {choice ? `${decisionLabels[choice]} and email` : 'Confirm'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
