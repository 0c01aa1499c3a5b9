// Session, workspaces, members and invitations: API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import type { OutboxMessage } from '../../../server/modules/outbox/outbox.contract';
import type {
  Invitation,
  Me,
  Member,
  WorkspaceSummary,
} from '../../../server/modules/workspaces/workspaces.contract';
import { api } from '../../lib/api';

export type { Invitation, Me, Member, OutboxMessage, WorkspaceSummary };

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api<Me>('/me'),
  staleTime: 60_000,
  retry: false,
  // Route guards decide where a missing session leads; the global 401 handler stays out of it.
  meta: { handlesUnauthenticated: true },
});

export function signIn(input: { email: string; password: string }): Promise<unknown> {
  return api('/api/auth/sign-in/email', { body: input });
}

export function signOut(): Promise<unknown> {
  return api('/api/auth/sign-out', { body: {} });
}

export function signUp(input: {
  name: string;
  email: string;
  password: string;
  workspaceName?: string;
}): Promise<Me> {
  return api<Me>('/signup', { body: input });
}

export function createWorkspace(name: string): Promise<WorkspaceSummary> {
  return api<WorkspaceSummary>('/workspaces', { body: { name } });
}

export const membersQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['members', workspaceId],
    queryFn: () =>
      api<{ members: Member[]; invitations: Invitation[] }>(`/workspaces/${workspaceId}/members`),
  });

export function inviteMember(workspaceId: string, input: { email: string; role: Role }): Promise<Invitation> {
  return api<Invitation>(`/workspaces/${workspaceId}/invitations`, { body: input });
}

export function revokeInvitation(workspaceId: string, id: string): Promise<void> {
  return api<void>(`/workspaces/${workspaceId}/invitations/${id}`, { method: 'DELETE' });
}

export function updateMemberRole(workspaceId: string, memberId: string, role: Role): Promise<void> {
  return api<void>(`/workspaces/${workspaceId}/members/${memberId}`, { method: 'PATCH', body: { role } });
}

export function removeMember(workspaceId: string, memberId: string): Promise<void> {
  return api<void>(`/workspaces/${workspaceId}/members/${memberId}`, { method: 'DELETE' });
}

/** The invitation an emailed link opens; `token` is the secret part of that link. */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token],
    queryFn: () => api<Invitation>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
    meta: { handlesUnauthenticated: true },
  });

export function acceptInvitation(token: string): Promise<WorkspaceSummary> {
  return api<WorkspaceSummary>(`/invitations/${encodeURIComponent(token)}/accept`, { body: {} });
}

export const outboxQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['outbox', workspaceId],
    queryFn: () => api<{ items: OutboxMessage[] }>(`/workspaces/${workspaceId}/outbox`),
  });
