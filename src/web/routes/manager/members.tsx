// Members and roles (PRODUCT I1): who has access, with which role; pending invitations; inviting people.
// Controls a role cannot use are disabled (the server enforces the same rules).
import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend, IconTrash, IconX } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { canAssignRole, hasRoleAtLeast, type Role, roles } from '../../../core/access/roles';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page';
import {
  type Invitation,
  inviteMember,
  type Member,
  membersQuery,
  meQuery,
  removeMember,
  revokeInvitation,
  updateMemberRole,
} from '../../features/workspaces/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate } from '../../lib/format';
import { roleDescriptions, roleLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problems';

type Pending = { kind: 'remove'; member: Member } | { kind: 'revoke'; invitation: Invitation } | null;

export function MembersPage() {
  const { workspaceId, workspace, role: myRole, user, can } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(membersQuery(workspaceId));
  const [pending, setPending] = useState<Pending>(null);
  const canManage = can('members.manage');
  const assignable = roles.filter((r) => canAssignRole(myRole, r));
  const ownerCount = data.members.filter((m) => m.role === 'owner').length;
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersQuery(workspaceId).queryKey });

  const changeRole = async (member: Member, role: Role) => {
    try {
      await updateMemberRole(workspaceId, member.id, role);
      notifySuccess(`${member.name} is now ${roleLabels[role]}.`);
      await refresh();
      if (member.userId === user.id) await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    } catch (error) {
      notifyError(error, 'Role not changed');
    }
  };

  return (
    <>
      <PageHeader
        title="Members"
        description={`People on your team who can sign in to ${workspace.name}, and what each may do.`}
      />
      <Stack gap="lg">
        {canManage ? <InviteForm assignable={assignable} onInvited={refresh} /> : null}

        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th w={190}>Role</Table.Th>
                  <Table.Th>Joined</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.members.map((m) => {
                  const isMe = m.userId === user.id;
                  // A workspace keeps at least one owner; only owners change owners.
                  const isLastOwner = m.role === 'owner' && ownerCount === 1;
                  const canEditRole =
                    canManage && !isLastOwner && !(m.role === 'owner' && myRole !== 'owner');
                  const canRemove =
                    !isLastOwner &&
                    (isMe ||
                      (hasRoleAtLeast(myRole, 'admin') && !(m.role === 'owner' && myRole !== 'owner')));
                  const options = roles
                    .filter((r) => r === m.role || canAssignRole(myRole, r))
                    .map((r) => ({ value: r, label: roleLabels[r] }));
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.name}{' '}
                          {isMe ? (
                            <Badge size="xs" variant="light" color="gray">
                              You
                            </Badge>
                          ) : null}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${m.name}`}
                          data={options}
                          value={m.role}
                          allowDeselect={false}
                          disabled={!canEditRole}
                          title={isLastOwner ? 'The only owner; make someone else owner first' : undefined}
                          size="xs"
                          onChange={(value) => {
                            const role = roles.find((r) => r === value);
                            if (role && role !== m.role) void changeRole(m, role);
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(m.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {canRemove ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => setPending({ kind: 'remove', member: m })}
                            aria-label={isMe ? 'Leave workspace' : `Remove ${m.name}`}
                          >
                            {isMe ? 'Leave' : 'Remove'}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>

        <Card withBorder radius="lg" padding="lg">
          <Title order={3} fz="h4" mb="xs">
            Pending invitations
          </Title>
          {data.invitations.length === 0 ? (
            <Text size="sm" c="dimmed">
              No pending invitations.{canManage ? ' Invite a teammate with the form above.' : ''}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="sm" aria-label="Pending invitations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Invited by</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th w={110} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.invitations.map((inv) => (
                    <Table.Tr key={inv.id}>
                      <Table.Td>{inv.email}</Table.Td>
                      <Table.Td>{roleLabels[inv.role]}</Table.Td>
                      <Table.Td>{inv.invitedByName}</Table.Td>
                      <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
                      <Table.Td ta="right">
                        {canManage ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconX size={14} />}
                            onClick={() => setPending({ kind: 'revoke', invitation: inv })}
                            aria-label={`Revoke invitation for ${inv.email}`}
                          >
                            Revoke
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>

      <ConfirmModal
        opened={pending?.kind === 'remove'}
        title={
          pending?.kind === 'remove' && pending.member.userId === user.id
            ? 'Leave this workspace?'
            : 'Remove member?'
        }
        message={
          pending?.kind === 'remove'
            ? pending.member.userId === user.id
              ? `You will lose access to ${workspace.name} until someone invites you again.`
              : `${pending.member.name} (${pending.member.email}) will lose access to ${workspace.name}. You can invite them again later.`
            : ''
        }
        confirmLabel={
          pending?.kind === 'remove' && pending.member.userId === user.id
            ? 'Leave workspace'
            : 'Remove member'
        }
        onClose={() => setPending(null)}
        onConfirm={async () => {
          if (pending?.kind !== 'remove') return;
          await removeMember(workspaceId, pending.member.id);
          if (pending.member.userId === user.id) {
            await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
            await navigate({ to: '/' });
            return;
          }
          notifySuccess(`${pending.member.name} was removed.`);
          await refresh();
        }}
      />
      <ConfirmModal
        opened={pending?.kind === 'revoke'}
        title="Revoke invitation?"
        message={
          pending?.kind === 'revoke'
            ? `The invitation link sent to ${pending.invitation.email} will stop working.`
            : ''
        }
        confirmLabel="Revoke invitation"
        onClose={() => setPending(null)}
        onConfirm={async () => {
          if (pending?.kind !== 'revoke') return;
          await revokeInvitation(workspaceId, pending.invitation.id);
          notifySuccess(`Invitation for ${pending.invitation.email} revoked.`);
          await refresh();
        }}
      />
    </>
  );
}

function InviteForm({ assignable, onInvited }: { assignable: Role[]; onInvited: () => Promise<unknown> }) {
  const { workspaceId } = useWorkspace();
  const form = useForm<{ email: string; role: Role }>({
    initialValues: {
      email: '',
      role: assignable.includes('manager') ? 'manager' : (assignable.at(-1) ?? 'viewer'),
    },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const invitation = await inviteMember(workspaceId, { email: values.email.trim(), role: values.role });
      notifySuccess(`We emailed an invitation to ${invitation.email}.`, 'Invitation sent');
      form.reset();
      await onInvited();
    } catch (error) {
      form.setErrors(fieldErrorsOf(error));
      notifyError(error, 'Invitation not sent');
    }
  });
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label="Invite a teammate">
      <Title order={3} fz="h4" mb={4}>
        Invite a teammate
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        They get an email with a link to join. Until they accept, the invitation is listed below.
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            placeholder="teammate@example.com"
            style={{ flex: '1 1 260px' }}
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            data={assignable.map((r) => ({ value: r, label: roleLabels[r] }))}
            allowDeselect={false}
            w={200}
            {...form.getInputProps('role')}
          />
          <Button type="submit" mt={25} loading={form.submitting} leftSection={<IconSend size={16} />}>
            Send invitation
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          {roleLabels[form.values.role]}: {roleDescriptions[form.values.role]}.
        </Text>
      </form>
    </Card>
  );
}
