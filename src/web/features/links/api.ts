// Tracked links and tracking settings (T1): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type { ClickSeries, Link } from '../../../server/modules/links/links.contract';
import type { TrackingSettingsView } from '../../../server/modules/tracking/tracking.contract';
import { api, apiPath, withQuery } from '../../lib/api';

export type { ClickSeries, Link, TrackingSettingsView };
export type TrackingSettingsInput = Omit<TrackingSettingsView, 'programId' | 'updatedAt'>;

export interface LinkInput {
  ambassadorId: string;
  destination: string;
  campaign: string | null;
  expiresAt: string | null;
}

export const trackingQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: ['tracking', workspaceId, programId],
    queryFn: () => api<TrackingSettingsView>(`/workspaces/${workspaceId}/programs/${programId}/tracking`),
  });

export function saveTracking(workspaceId: string, programId: string, input: TrackingSettingsInput) {
  return api<TrackingSettingsView>(`/workspaces/${workspaceId}/programs/${programId}/tracking`, {
    method: 'PUT',
    body: input,
  });
}

export const programLinksQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: ['links', workspaceId, 'program', programId],
    queryFn: () =>
      api<{ items: Link[] }>(`/workspaces/${workspaceId}/programs/${programId}/links`).then((r) => r.items),
  });

export const creatorLinksQuery = (workspaceId: string, creatorId: string) =>
  queryOptions({
    queryKey: ['links', workspaceId, 'creator', creatorId],
    queryFn: () =>
      api<{ items: Link[] }>(`/workspaces/${workspaceId}/creators/${creatorId}/links`).then((r) => r.items),
  });

export const programClicksQuery = (
  workspaceId: string,
  programId: string,
  filter: { days: number; ambassadorId?: string | undefined },
) =>
  queryOptions({
    queryKey: ['links', workspaceId, 'clicks', programId, filter],
    queryFn: () =>
      api<ClickSeries>(withQuery(`/workspaces/${workspaceId}/programs/${programId}/clicks/daily`, filter)),
  });

export const linkClicksQuery = (workspaceId: string, linkId: string, days: number) =>
  queryOptions({
    queryKey: ['links', workspaceId, 'link-clicks', linkId, days],
    queryFn: () => api<ClickSeries>(withQuery(`/workspaces/${workspaceId}/links/${linkId}/clicks`, { days })),
  });

export function createLink(workspaceId: string, programId: string, input: LinkInput) {
  return api<Link>(`/workspaces/${workspaceId}/programs/${programId}/links`, { body: input });
}

export function setLinkEnabled(workspaceId: string, linkId: string, enabled: boolean) {
  return api<Link>(`/workspaces/${workspaceId}/links/${linkId}/${enabled ? 'enable' : 'disable'}`, {
    body: {},
  });
}

export function deleteLink(workspaceId: string, linkId: string) {
  return api<void>(`/workspaces/${workspaceId}/links/${linkId}`, { method: 'DELETE' });
}

export function qrUrl(workspaceId: string, linkId: string, format: 'png' | 'svg', download = false) {
  return apiPath(
    withQuery(`/workspaces/${workspaceId}/links/${linkId}/qr.${format}`, {
      download: download ? '1' : undefined,
    }),
  );
}
