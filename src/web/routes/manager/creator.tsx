// A creator's profile: details, social accounts, programs with their stage (and moves), the portal link,
// and the audit timeline.
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/links';
import { ErrorView, PageHeader } from '../../components/page';
import { StageBadge } from '../../components/stage-badge';
import { CreatorApplications } from '../../features/applications/creator-applications';
import { CreatorCodes } from '../../features/codes/creator-codes';
import { CreatorLinks } from '../../features/links/creator-links';
import { creatorQuery, sendPortalInvite, timelineQuery, updateCreator } from '../../features/people/api';
import { CreatorForm } from '../../features/people/creator-form';
import { CreatorTimeline } from '../../features/people/creator-timeline';
import { MoveStageMenu, useStageMove } from '../../features/people/move-stage';
import { CreatorVetting } from '../../features/vetting/creator-vetting';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/creators/$creatorId');

export function CreatorPage() {
  const { workspaceId, can } = useWorkspace();
  const { creatorId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: creator } = useSuspenseQuery(creatorQuery(workspaceId, creatorId));
  const timeline = useQuery(timelineQuery(workspaceId, creatorId));
  const [editing, editDisclosure] = useDisclosure(false);
  const [requestMove, moveDialog] = useStageMove();

  const invite = useMutation({
    mutationFn: () => sendPortalInvite(workspaceId, creatorId),
    onSuccess: async () => {
      notifySuccess(
        `A sign-in link for the ambassador portal is on its way to ${creator.email}.`,
        'Portal link sent',
      );
      await queryClient.invalidateQueries({ queryKey: timelineQuery(workspaceId, creatorId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ['outbox', workspaceId] });
    },
    onError: (error) => notifyError(error, 'Could not send the portal link'),
  });

  const canWrite = can('people.write');
  const portalButton = (
    <Button
      variant="default"
      leftSection={<IconMail size={16} />}
      onClick={() => invite.mutate()}
      loading={invite.isPending}
      disabled={!creator.email}
    >
      Send portal link
    </Button>
  );

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/people" params={{ workspaceId }} size="sm">
            ← People
          </AnchorLink>
        }
        title={creator.name}
        description={`Added ${formatDate(creator.createdAt)}`}
        actions={
          canWrite ? (
            <>
              {creator.email ? (
                portalButton
              ) : (
                <Tooltip label="Add an email address first">{portalButton}</Tooltip>
              )}
              <Button leftSection={<IconPencil size={16} />} onClick={editDisclosure.open}>
                Edit
              </Button>
            </>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card withBorder radius="lg" padding="lg">
              <Title order={3} fz="h4" mb="md">
                Details
              </Title>
              <Stack gap="xs">
                <Detail label="Email">{creator.email ?? '—'}</Detail>
                <Detail label="Phone">{creator.phone ?? '—'}</Detail>
                <Detail label="Country">{creator.country ? countryName(creator.country) : '—'}</Detail>
                <Detail label="Tags">
                  {creator.tags.length === 0 ? (
                    '—'
                  ) : (
                    <Group gap={4}>
                      {creator.tags.map((t) => (
                        <Badge key={t} variant="outline" color="gray" radius="sm" tt="none">
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Detail>
                <Detail label="Notes">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {creator.notes || '—'}
                  </Text>
                </Detail>
              </Stack>
            </Card>

            <Card withBorder radius="lg" padding="lg">
              <Title order={3} fz="h4" mb="md">
                Social accounts
              </Title>
              {creator.socialAccounts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No accounts yet. Edit this person to add where they post.
                </Text>
              ) : (
                <Table aria-label="Social accounts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Platform</Table.Th>
                      <Table.Th>Handle</Table.Th>
                      <Table.Th ta="right">Followers</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {creator.socialAccounts.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{platformLabels[a.platform]}</Table.Td>
                        <Table.Td>
                          {a.url && /^https?:\/\//.test(a.url) ? (
                            <Anchor href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
                              @{a.handle}
                            </Anchor>
                          ) : (
                            `@${a.handle}`
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(a.followers)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>

            <Card withBorder radius="lg" padding="lg">
              <Title order={3} fz="h4" mb="md">
                Programs
              </Title>
              {creator.programs.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Not in any program yet. Add them from a program’s pipeline.
                </Text>
              ) : (
                <Table aria-label="Programs">
                  <Table.Tbody>
                    {creator.programs.map((m) => (
                      <Table.Tr key={m.ambassadorId}>
                        <Table.Td>
                          <AnchorLink
                            to="/w/$workspaceId/programs/$programId/pipeline"
                            params={{ workspaceId, programId: m.programId }}
                            size="sm"
                            fw={500}
                          >
                            {m.programName}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          <StageBadge stage={m.stage} />
                        </Table.Td>
                        <Table.Td ta="right">
                          {can('pipeline.move') ? (
                            <MoveStageMenu
                              variant="button"
                              name={`${creator.name} in ${m.programName}`}
                              stage={m.stage}
                              onPick={(to) =>
                                requestMove({
                                  ambassadorId: m.ambassadorId,
                                  name: creator.name,
                                  from: m.stage,
                                  to,
                                  programName: m.programName,
                                })
                              }
                            />
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <CreatorApplications workspaceId={workspaceId} filter={{ creatorId }} />
            <CreatorCodes programs={creator.programs} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CreatorVetting
            creatorId={creatorId}
            template={(() => {
              const account = creator.socialAccounts[0];
              return account
                ? { platform: account.platform, handle: account.handle, followers: account.followers ?? 0 }
                : null;
            })()}
          />
          <Card withBorder radius="lg" padding="lg" mt="lg" component="section" aria-label="Activity">
            <Title order={3} fz="h4" mb="md">
              Activity
            </Title>
            {timeline.isError ? (
              <ErrorView error={timeline.error} onRetry={() => void timeline.refetch()} />
            ) : timeline.isPending ? (
              <Text size="sm" c="dimmed">
                Loading…
              </Text>
            ) : (
              <CreatorTimeline events={timeline.data} />
            )}
          </Card>
        </Grid.Col>
      </Grid>
      {/* Full width: the links table has a column per figure and for the QR code and actions. */}
      <Box mt="lg">
        <CreatorLinks creatorId={creatorId} name={creator.name} memberships={creator.programs} />
      </Box>

      {moveDialog}
      <Modal opened={editing} onClose={editDisclosure.close} title={`Edit ${creator.name}`} size="lg">
        <CreatorForm
          initial={creator}
          submitLabel="Save changes"
          onCancel={editDisclosure.close}
          onSubmit={async (input) => {
            const updated = await updateCreator(workspaceId, creatorId, input);
            queryClient.setQueryData(creatorQuery(workspaceId, creatorId).queryKey, updated);
            await queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] });
            notifySuccess('Changes saved.');
            editDisclosure.close();
          }}
        />
      </Modal>
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Group>
  );
}
