// The ambassador portal's API calls.
import { queryOptions } from '@tanstack/react-query';
import type { PortalMe, PortalProgram } from '../../../server/modules/portal/portal.contract';
import { api } from '../../lib/api';

export type { PortalMe, PortalProgram };
export type PortalProfile = PortalMe['profiles'][number];

export const portalMeQuery = queryOptions({
  queryKey: ['portal', 'me'],
  queryFn: () => api<PortalMe>('/portal/me'),
  retry: false,
  meta: { handlesUnauthenticated: true },
});

export function requestMagicLink(email: string): Promise<void> {
  return api<void>('/portal/magic-link', { body: { email } });
}

export function updatePortalProfile(
  creatorId: string,
  input: { name: string; phone: string | null },
): Promise<void> {
  return api<void>(`/portal/profiles/${creatorId}`, { method: 'PUT', body: input });
}

/** Ends the portal session (ambassadors have their own sessions, separate from the team's). */
export function portalSignOut(): Promise<void> {
  return api<void>('/portal/sign-out', { method: 'POST' });
}
