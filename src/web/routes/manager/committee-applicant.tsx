// One applicant in front of the committee: their profile, the caller's score sheet (blind) or, once they
// have scored or abstained, everyone's scores — and for managers, the decision.

import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { isReviewableStage } from '../../../core/committee/review-stages';
import { stageLabels } from '../../../core/pipeline/stages';
import { ConfirmModal } from '../../components/confirm-modal';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { CreatorApplications } from '../../features/applications/creator-applications';
import {
  abstain,
  applicantQuery,
  committeeKey,
  type DecisionResult,
  decide,
  submitReview,
} from '../../features/committee/api';
import { DecisionPanel } from '../../features/committee/decision-panel';
import { RevealedPanel } from '../../features/committee/revealed-panel';
import { Handles, VettingBadge } from '../../features/committee/score-parts';
import { ScoreSheet } from '../../features/committee/score-sheet';
import { programQuery, programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { countryName } from '../../lib/countries';
import { stageColors } from '../../lib/labels';
import { notifySuccess, notifyWarning } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/programs/$programId/committee/$ambassadorId');

export function CommitteeApplicantPage() {
  const { workspaceId, can } = useWorkspace();
  const { programId, ambassadorId } = route.useParams();
  const queryClient = useQueryClient();
  const query = applicantQuery(workspaceId, programId, ambassadorId);
  const { data: applicant } = useSuspenseQuery(query);
  const [abstaining, setAbstaining] = useState(false);
  const [outcome, setOutcome] = useState<DecisionResult | null>(null);
  const { creator, program } = applicant;
  const isOpen = isReviewableStage(applicant.stage);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: committeeKey(workspaceId, programId) });
    await queryClient.invalidateQueries({ queryKey: programQuery(workspaceId, programId).queryKey });
    await queryClient.invalidateQueries({ queryKey: programsQuery(workspaceId).queryKey, exact: true });
    await queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId] });
  };

  return (
    <>
      <PageHeader
        above={
          <AnchorLink
            to="/w/$workspaceId/programs/$programId/committee"
            params={{ workspaceId, programId }}
            size="sm"
          >
            ← Committee · {program.name}
          </AnchorLink>
        }
        title={creator.name}
        description={
          <Group gap={8} component="span">
            <Badge color={stageColors[applicant.stage]} variant="light" radius="sm" component="span">
              {stageLabels[applicant.stage]}
            </Badge>
            <AnchorLink
              to="/w/$workspaceId/creators/$creatorId"
              params={{ workspaceId, creatorId: creator.id }}
              size="sm"
            >
              Creator profile and timeline
            </AnchorLink>
          </Group>
        }
      />
      <Stack gap="lg">
        {outcome ? (
          <Alert
            color={outcome.waitlistedBecauseFull ? 'yellow' : 'teal'}
            title={outcome.waitlistedBecauseFull ? 'Waitlisted: the program is full' : 'Decision recorded'}
            role="status"
          >
            {outcome.message}{' '}
            {outcome.emailedTo
              ? `The decision email went to ${outcome.emailedTo}.`
              : 'No email was sent (no address).'}
          </Alert>
        ) : null}

        <Card withBorder radius="lg" padding="lg" component="section" aria-label="Applicant">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Handles
              </Text>
              <Handles handles={creator.handles} />
            </Stack>
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Country · email
              </Text>
              <Text size="sm">
                {creator.country ? countryName(creator.country) : '—'} · {creator.email ?? 'no email'}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Vetting
              </Text>
              <VettingBadge workspaceId={workspaceId} vetting={applicant.vetting} />
            </Stack>
          </SimpleGrid>
          {creator.notes ? (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {creator.notes}
            </Text>
          ) : null}
        </Card>

        <CreatorApplications workspaceId={workspaceId} filter={{ ambassadorId }} />

        {applicant.revealed ? (
          <RevealedPanel applicant={applicant} />
        ) : (
          <Stack gap="lg">
            <Alert
              color="gray"
              icon={<IconEyeOff size={18} />}
              title="Scores are hidden until you submit yours"
            >
              {applicant.reviewCount === 0
                ? 'No one has scored this applicant yet.'
                : `${applicant.reviewCount} ${applicant.reviewCount === 1 ? 'member has' : 'members have'} scored this applicant.`}{' '}
              Scoring blind keeps the first opinion from steering the rest.
            </Alert>
            {!isOpen ? (
              <Text c="dimmed" size="sm">
                This applicant has left review, so there is nothing to score.
              </Text>
            ) : program.rubric.length === 0 ? (
              <Alert color="yellow" title="No rubric yet">
                This program has no rubric, so there is nothing to score against. A manager can add one in the
                program editor.
              </Alert>
            ) : can('committee.score') ? (
              <ScoreSheet
                applicantName={creator.name}
                rubric={program.rubric}
                onSubmit={async (input) => {
                  const updated = await submitReview(workspaceId, programId, ambassadorId, input);
                  queryClient.setQueryData(query.queryKey, updated);
                  await refresh();
                  notifySuccess('The committee’s scores are now visible to you.', 'Scores submitted');
                }}
              />
            ) : (
              <Text c="dimmed" size="sm">
                Your role cannot score applicants; reviewers, managers, admins and owners can.
              </Text>
            )}
            {isOpen && can('pipeline.move') ? (
              <Card withBorder radius="lg" padding="lg">
                <Group justify="space-between">
                  <Stack gap={2} style={{ flex: '1 1 320px' }}>
                    <Title order={4}>Decide without scoring</Title>
                    <Text size="sm" c="dimmed">
                      Abstain to see the committee’s scores and make the decision. You cannot score this
                      applicant afterwards.
                    </Text>
                  </Stack>
                  <Button variant="default" onClick={() => setAbstaining(true)}>
                    Abstain and see scores
                  </Button>
                </Group>
              </Card>
            ) : null}
          </Stack>
        )}

        {applicant.revealed && isOpen && can('pipeline.move') ? (
          <DecisionPanel
            applicant={applicant}
            onDecide={async (input) => {
              const result = await decide(workspaceId, programId, ambassadorId, input);
              setOutcome(result);
              await refresh();
              if (result.waitlistedBecauseFull)
                notifyWarning(result.message, 'Waitlisted: the program is full');
              else notifySuccess(result.message, 'Decision recorded');
              return result;
            }}
          />
        ) : null}
      </Stack>
      <ConfirmModal
        opened={abstaining}
        title="Abstain from scoring?"
        message={`You will see the committee’s scores for ${creator.name} and can decide, but you will not be able to score them.`}
        confirmLabel="Abstain"
        onConfirm={async () => {
          const updated = await abstain(workspaceId, programId, ambassadorId);
          queryClient.setQueryData(query.queryKey, updated);
          await refresh();
        }}
        onClose={() => setAbstaining(false)}
      />
    </>
  );
}
