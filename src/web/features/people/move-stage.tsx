// Moving an ambassador to another pipeline stage: a menu of the stages the pipeline allows next, then a
// confirmation with an optional reason. The server has the last word (capacity → waitlist, 409 refusals).
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowsExchange, IconDots } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type Stage, stageLabels, transitions } from '../../../core/pipeline/stages';
import { FormButtons } from '../../components/form-buttons';
import { InlineError } from '../../components/form-error';
import { StageBadge } from '../../components/stage-badge';
import { isApiError } from '../../lib/api';
import { notifyError, notifySuccess, notifyWarning } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { moveStage } from './api';

interface MoveRequest {
  ambassadorId: string;
  name: string;
  from: Stage;
  to: Stage;
  programName?: string | undefined;
}

/** A confirmation dialog for stage moves; returns `request(move)` and the dialog element to render. */
export function useStageMove(): [(move: MoveRequest) => void, ReactNode] {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<MoveRequest | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (move: MoveRequest) =>
      moveStage(workspaceId, move.ambassadorId, { to: move.to, reason: reason.trim() }),
    onSuccess: async (result) => {
      if (result.outcome === 'waitlisted')
        notifyWarning(result.message, 'Program is full: waitlisted instead');
      else notifySuccess(result.message);
      setPending(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ['programs', workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] }),
      ]);
    },
    onError: (e) => {
      setError(messageOf(e));
      if (isApiError(e, 409)) {
        // Someone may have moved them meanwhile: show the pipeline as it is now.
        void queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] });
        void queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] });
      } else {
        notifyError(e, 'Could not move');
      }
    },
  });

  const request = (move: MoveRequest) => {
    setReason('');
    setError(null);
    mutation.reset();
    setPending(move);
  };

  const dialog = (
    <Modal
      opened={pending !== null}
      onClose={() => setPending(null)}
      title={pending ? `Move ${pending.name} to ${stageLabels[pending.to]}` : ''}
    >
      {pending ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(pending);
          }}
        >
          <Stack>
            <Group gap="xs">
              <StageBadge stage={pending.from} />
              <Text c="dimmed" aria-hidden>
                →
              </Text>
              <StageBadge stage={pending.to} />
              {pending.programName ? (
                <Text size="sm" c="dimmed">
                  in {pending.programName}
                </Text>
              ) : null}
            </Group>
            <Textarea
              label="Reason (optional)"
              description="Kept in their timeline, so the team knows why"
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <InlineError message={error} />
            <FormButtons
              submitLabel={`Move to ${stageLabels[pending.to]}`}
              isSubmitting={mutation.isPending}
              onCancel={() => setPending(null)}
            />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
  return [request, dialog];
}

/** A menu of the stages allowed after `stage`; picking one calls `onPick`. */
export function MoveStageMenu(props: {
  name: string;
  stage: Stage;
  onPick: (to: Stage) => void;
  variant?: 'icon' | 'button';
}) {
  const next = transitions[props.stage];
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        {props.variant === 'button' ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowsExchange size={14} />}
            aria-label={`Move ${props.name}`}
          >
            Move
          </Button>
        ) : (
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${props.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {next.map((to) => (
          <Menu.Item key={to} onClick={() => props.onPick(to)}>
            {stageLabels[to]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
