// The creator page's small "Discount codes" section: their codes in each program, and a button to issue
// one where they have none.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AnchorLink } from '../../components/links';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useWorkspace } from '../workspaces/workspace-context';
import { ambassadorCodesQuery, issueOne } from './api';

const codeStages = ['accepted', 'onboarding', 'active', 'paused'];

export function CreatorCodes(props: {
  programs: Array<{ ambassadorId: string; programId: string; programName: string; stage: string }>;
}) {
  const memberships = props.programs.filter((m) => codeStages.includes(m.stage));
  if (memberships.length === 0) return null;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label="Discount codes">
      <Title order={3} fz="h4" mb="md">
        Discount codes
      </Title>
      <Stack gap="sm">
        {memberships.map((m) => (
          <MembershipCodes key={m.ambassadorId} {...m} />
        ))}
      </Stack>
    </Card>
  );
}

function MembershipCodes(props: { ambassadorId: string; programId: string; programName: string }) {
  const { workspaceId, can } = useWorkspace();
  const queryClient = useQueryClient();
  const { data } = useQuery(ambassadorCodesQuery(workspaceId, props.ambassadorId));
  const items = data?.items ?? [];
  const active = items.filter((c) => c.status === 'active');
  const retired = items.filter((c) => c.status === 'retired');
  return (
    <Group justify="space-between" wrap="nowrap">
      <div>
        <AnchorLink
          to="/w/$workspaceId/programs/$programId/codes"
          params={{ workspaceId, programId: props.programId }}
          size="sm"
          fw={500}
        >
          {props.programName}
        </AnchorLink>
        {retired.length > 0 ? (
          <Text size="xs" c="dimmed">
            Retired: {retired.map((c) => c.code).join(', ')}
          </Text>
        ) : null}
      </div>
      {active.length > 0 ? (
        <Group gap={6}>
          {active.map((c) => (
            <Badge key={c.id} variant="light" size="lg" ff="monospace" radius="sm">
              {c.code} · {c.redemptions}
            </Badge>
          ))}
        </Group>
      ) : can('tracking.write') && data ? (
        <Button
          size="xs"
          variant="light"
          onClick={async () => {
            try {
              const code = await issueOne(workspaceId, props.ambassadorId);
              notifySuccess(`Issued ${code.code}.`);
              await queryClient.invalidateQueries({ queryKey: ['codes', workspaceId] });
            } catch (e) {
              notifyError(e);
            }
          }}
        >
          Issue code
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          No code
        </Text>
      )}
    </Group>
  );
}
