// The review page (B4): the draft's caption — select words to comment on them — its compliance result and
// media, the decision (approve, or request changes; a manager may override a failing must rule with a
// reason), the earlier rounds, and — once approved — the publication panel (post URL, then metrics).
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconMessagePlus, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  addComment,
  decide,
  type SubmissionDetail,
  submissionQuery,
  submissionsKey,
  workspaceMediaUrl,
} from '../../features/content/api';
import type { CaptionSelection } from '../../features/content/caption-text';
import {
  formatLabels,
  platformLabels,
  ruleMessages,
  rulesSummary,
  slaText,
  statusColors,
  statusLabels,
} from '../../features/content/labels';
import { RoundView } from '../../features/content/round-view';
import { PublishPanel } from '../../features/library/publish-panel';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf, messageOf } from '../../lib/problems';

const route = getRouteApi('/w/$workspaceId/content/$submissionId');

function CommentForm(props: {
  submission: SubmissionDetail;
  selection: CaptionSelection | null;
  onDone: () => void;
}) {
  const { workspaceId } = useWorkspace();
  const [body, setBody] = useState('');
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      addComment(workspaceId, props.submission.id, {
        body,
        spanStart: props.selection?.start ?? null,
        spanEnd: props.selection?.end ?? null,
        quote: props.selection?.quote ?? null,
      }),
    onSuccess: async () => {
      setBody('');
      props.onDone();
      await queryClient.invalidateQueries({
        queryKey: submissionQuery(workspaceId, props.submission.id).queryKey,
      });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {props.selection ? (
            <>
              Commenting on “<mark>{props.selection.quote}</mark>”
            </>
          ) : (
            'Select words in the caption to anchor a comment to them, or comment on the whole draft.'
          )}
        </Text>
        <Textarea
          label="Comment"
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={add.isError ? (fieldErrorsOf(add.error).body ?? messageOf(add.error)) : undefined}
        />
        <Group justify="flex-end">
          {props.selection ? (
            <Button variant="subtle" color="gray" onClick={props.onDone}>
              Clear selection
            </Button>
          ) : null}
          <Button
            type="submit"
            variant="light"
            leftSection={<IconMessagePlus size={16} />}
            loading={add.isPending}
            disabled={body.trim() === ''}
          >
            Add comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionPanel({ submission }: { submission: SubmissionDetail }) {
  const { workspaceId, can } = useWorkspace();
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const current = submission.rounds[submission.rounds.length - 1];
  const failing = submission.failingMustRules;
  const failingMessages = ruleMessages(failing, current?.compliance);
  const mayOverride = can('content.override');
  const decision = useMutation({
    mutationFn: (input: { decision: 'approve' | 'request_changes'; overrideReason: string | null }) =>
      decide(workspaceId, submission.id, { ...input, note }),
    onSuccess: async (updated, input) => {
      queryClient.setQueryData(submissionQuery(workspaceId, submission.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: submissionsKey(workspaceId) });
      notifySuccess(
        input.decision === 'approve'
          ? 'Approved; the ambassador has been emailed.'
          : 'Changes requested; the ambassador has been emailed.',
      );
    },
  });
  const errors = decision.isError ? fieldErrorsOf(decision.error) : {};
  const hasComments = (current?.comments.length ?? 0) > 0;
  return (
    <Card withBorder radius="lg" p="lg">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          Decision
        </Title>
        <Textarea
          label="Note to the ambassador"
          description={
            hasComments
              ? 'Optional: your comments on the caption go with it.'
              : 'Needed to request changes when there are no comments.'
          }
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {failing.length > 0 ? (
          <Alert color="red" variant="light" title="Approval is blocked">
            <Stack gap={6}>
              <Text size="sm">Must-pass rules fail:</Text>
              <List size="sm" spacing={2}>
                {failingMessages.map((m, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two failing rules may read the same
                  <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                    {m}
                  </List.Item>
                ))}
              </List>
              <Text size="sm">
                {mayOverride
                  ? 'Request changes, or approve with an override reason (audited).'
                  : 'Request changes, or ask a manager to override.'}
              </Text>
            </Stack>
          </Alert>
        ) : null}
        {failing.length > 0 && mayOverride ? (
          <Textarea
            label="Override reason"
            description="Why this may be published although the rules above fail (at least 5 characters)."
            autosize
            minRows={2}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
            error={errors.overrideReason}
          />
        ) : null}
        <FormError
          message={decision.isError && Object.keys(errors).length === 0 ? messageOf(decision.error) : null}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            loading={decision.isPending && decision.variables?.decision === 'request_changes'}
            disabled={!hasComments && note.trim() === ''}
            onClick={() => decision.mutate({ decision: 'request_changes', overrideReason: null })}
          >
            Request changes
          </Button>
          {failing.length === 0 ? (
            <Button
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={decision.isPending && decision.variables?.decision === 'approve'}
              onClick={() => decision.mutate({ decision: 'approve', overrideReason: null })}
            >
              Approve
            </Button>
          ) : mayOverride ? (
            <Button
              color="red"
              leftSection={<IconCheck size={16} />}
              disabled={overrideReason.trim().length < 5}
              onClick={() => setConfirming(true)}
            >
              Approve with override
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Approve despite failing rules?"
        message={`The failing rules (${rulesSummary(failing)}) will be recorded as overridden by you, with your reason, in the audit history.`}
        confirmLabel="Approve with override"
        onConfirm={() => decision.mutateAsync({ decision: 'approve', overrideReason })}
      />
    </Card>
  );
}

export function ContentSubmissionPage() {
  const { workspaceId, can } = useWorkspace();
  const { submissionId } = route.useParams();
  const { data: s } = useSuspenseQuery(submissionQuery(workspaceId, submissionId));
  const [selection, setSelection] = useState<CaptionSelection | null>(null);
  const rounds = [...s.rounds].reverse();
  const [latest, ...earlier] = rounds;
  const isOpen = s.status === 'in_review' && can('content.review');
  const isPublishable = s.status === 'approved' || s.status === 'published';
  const queryClient = useQueryClient();
  const sla = s.sla ? slaText(s.sla) : null;
  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/content/review" params={{ workspaceId }} size="sm">
            ← Review queue
          </AnchorLink>
        }
        title={`${s.creatorName} · ${platformLabels[s.platform]} ${formatLabels[s.format].toLowerCase()}`}
        description={`${s.programName} · round ${s.currentRound}${s.plannedAt ? ` · planned for ${formatDate(s.plannedAt)}` : ''}`}
        actions={
          <>
            {sla ? (
              <Badge color={sla.color} size="lg" variant={sla.color === 'red' ? 'filled' : 'light'}>
                {sla.label}
              </Badge>
            ) : null}
            <Badge color={statusColors[s.status]} size="lg" variant="light">
              {statusLabels[s.status]}
            </Badge>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {latest ? (
              <Card withBorder radius="lg" p="lg">
                <RoundView
                  round={latest}
                  mediaUrl={(id) => workspaceMediaUrl(workspaceId, id)}
                  onSelectSpan={isOpen ? setSelection : undefined}
                  extraMarks={
                    selection ? [{ start: selection.start, end: selection.end, id: 'selection' }] : []
                  }
                />
              </Card>
            ) : null}
            {earlier.length > 0 ? (
              <Stack gap="xs">
                <Title order={3} fz="h5">
                  Earlier rounds
                </Title>
                <Accordion variant="separated">
                  {earlier.map((r) => (
                    <Accordion.Item key={r.id} value={r.id}>
                      <Accordion.Control>
                        Round {r.round} · {r.decision === 'approved' ? 'approved' : 'changes requested'}
                      </Accordion.Control>
                      <Accordion.Panel>
                        <RoundView round={r} mediaUrl={(id) => workspaceMediaUrl(workspaceId, id)} />
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              </Stack>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {isOpen ? (
            <Stack gap="lg">
              <Card withBorder radius="lg" p="lg">
                <CommentForm submission={s} selection={selection} onDone={() => setSelection(null)} />
              </Card>
              <DecisionPanel submission={s} />
            </Stack>
          ) : (
            <Stack gap="lg">
              <Card withBorder radius="lg" p="lg">
                <Text size="sm" c="dimmed">
                  {s.status === 'in_review'
                    ? 'Your role can read drafts; reviewers and managers decide.'
                    : s.status === 'changes_requested'
                      ? 'Waiting for the ambassador to resubmit.'
                      : s.status === 'published'
                        ? 'This draft was approved and is published.'
                        : 'This draft is approved.'}
                </Text>
              </Card>
              {isPublishable ? (
                <PublishPanel
                  submissionId={s.id}
                  // Recording the post URL turns the submission into "published": refresh its badge too.
                  onPublished={() => queryClient.invalidateQueries({ queryKey: submissionsKey(workspaceId) })}
                />
              ) : null}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
