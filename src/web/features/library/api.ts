// Publication, metrics, cadence and the UGC library: API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  AmbassadorCadenceView,
  AssetDetail,
  AssetList,
  AssetSummary,
  CadenceReportView,
  MetricsImportResult,
  MetricsSnapshot,
  Publication,
  ReminderResult,
  UsageRightView,
} from '../../../server/modules/library/library.contract';
import { api, apiPath, toApiError, uploadFile, withQuery } from '../../lib/api';
import type { UsageChannel } from '../../lib/labels';

export type {
  AmbassadorCadenceView,
  AssetDetail,
  AssetList,
  AssetSummary,
  CadenceReportView,
  MetricsImportResult,
  MetricsSnapshot,
  Publication,
  ReminderResult,
  UsageRightView,
};

export interface AssetFilters {
  q?: string | undefined;
  ambassadorId?: string | undefined;
  programId?: string | undefined;
  product?: string | undefined;
  platform?: string | undefined;
  format?: string | undefined;
  publishedFrom?: string | undefined;
  publishedTo?: string | undefined;
  minViews?: number | undefined;
  minEngagement?: number | undefined;
  rights?: 'active' | 'expiring_soon' | 'expired' | undefined;
  channel?: string | undefined;
  sort?: 'newest' | 'most_viewed' | undefined;
}

export const assetsQuery = (workspaceId: string, filters: AssetFilters) =>
  queryOptions({
    queryKey: ['library', workspaceId, 'assets', filters],
    queryFn: () => api<AssetList>(withQuery(`/workspaces/${workspaceId}/assets`, { ...filters, limit: 200 })),
  });

export const assetQuery = (workspaceId: string, assetId: string) =>
  queryOptions({
    queryKey: ['library', workspaceId, 'asset', assetId],
    queryFn: () => api<AssetDetail>(`/workspaces/${workspaceId}/assets/${assetId}`),
  });

export function saveAssetRights(
  workspaceId: string,
  assetId: string,
  rights: Array<{ channel: UsageChannel; startsOn: string; endsOn: string | null }>,
) {
  return api<AssetDetail>(`/workspaces/${workspaceId}/assets/${assetId}/rights`, {
    method: 'PUT',
    body: { rights },
  });
}

/** Downloads the export ZIP; a refusal (422) comes back as an ApiError naming each asset. */
export async function exportAssets(workspaceId: string, assetIds: string[], channel: UsageChannel) {
  let response: Response;
  try {
    response = await fetch(apiPath(`/workspaces/${workspaceId}/assets/export`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/zip, application/problem+json' },
      body: JSON.stringify({ assetIds, channel }),
      credentials: 'same-origin',
    });
  } catch {
    throw toApiError(0, '', '');
  }
  if (!response.ok) throw toApiError(response.status, response.statusText, await response.text());
  const blob = await response.blob();
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'assets.zip';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, size: blob.size };
}

/** Where a media file is served (the media route belongs to the submissions module). */
export function mediaUrl(workspaceId: string, mediaId: string) {
  return apiPath(`/workspaces/${workspaceId}/media/${mediaId}`);
}

export const publicationsQuery = (workspaceId: string, status: 'approved' | 'published' | 'all' = 'all') =>
  queryOptions({
    queryKey: ['library', workspaceId, 'publications', status],
    queryFn: () =>
      api<{ items: Publication[] }>(withQuery(`/workspaces/${workspaceId}/publications`, { status })).then(
        (r) => r.items,
      ),
  });

export const publicationQuery = (workspaceId: string, submissionId: string) =>
  queryOptions({
    queryKey: ['library', workspaceId, 'publication', submissionId],
    queryFn: () => api<Publication>(`/workspaces/${workspaceId}/submissions/${submissionId}/publication`),
  });

export function recordPostUrl(
  workspaceId: string,
  submissionId: string,
  input: { postUrl: string; publishedAt?: string | undefined },
) {
  return api<Publication>(`/workspaces/${workspaceId}/submissions/${submissionId}/publication`, {
    method: 'PUT',
    body: input,
  });
}

export type MetricsEntry = Partial<
  Record<'likes' | 'comments' | 'shares' | 'saves' | 'views' | 'reach', number | null>
> & { capturedAt?: string | undefined };

export function addMetrics(workspaceId: string, submissionId: string, input: MetricsEntry) {
  return api<MetricsSnapshot>(`/workspaces/${workspaceId}/submissions/${submissionId}/metrics`, {
    body: input,
  });
}

export function importMetricsCsv(
  workspaceId: string,
  file: File,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
  onProgress: (percent: number) => void,
) {
  return uploadFile<MetricsImportResult>(
    withQuery(`/workspaces/${workspaceId}/metrics/import`, options),
    file,
    {
      contentType: 'text/csv',
      onProgress,
    },
  );
}

export const portalPublicationsQuery = queryOptions({
  queryKey: ['portal', 'publications'],
  queryFn: () => api<{ items: Publication[] }>('/portal/publications').then((r) => r.items),
});

export const portalPublicationQuery = (submissionId: string) =>
  queryOptions({
    queryKey: ['portal', 'publication', submissionId],
    queryFn: () => api<Publication>(`/portal/submissions/${submissionId}/publication`),
  });

export function recordOwnPostUrl(submissionId: string, input: { postUrl: string }) {
  return api<Publication>(`/portal/submissions/${submissionId}/publication`, { method: 'PUT', body: input });
}

export const cadenceQuery = (workspaceId: string, programId: string, month: string | undefined) =>
  queryOptions({
    queryKey: ['library', workspaceId, 'cadence', programId, month ?? 'current'],
    queryFn: () =>
      api<CadenceReportView>(
        withQuery(`/workspaces/${workspaceId}/programs/${programId}/cadence`, { month }),
      ),
  });

export function sendReminders(workspaceId: string, programId: string, ambassadorIds: string[]) {
  return api<ReminderResult>(`/workspaces/${workspaceId}/programs/${programId}/cadence/reminders`, {
    body: { ambassadorIds },
  });
}
