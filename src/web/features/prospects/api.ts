// Prospect lists (R2/R3): lists, CSV import, bulk vetting and bulk invitation — API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  BulkVetResult,
  InviteResult,
  ProspectEntry,
  ProspectImportResult,
  ProspectList,
  ProspectListDetail,
} from '../../../server/modules/prospects/prospects.contract';
import type { prospectSources } from '../../../server/modules/prospects/prospects.schema';
import { api, uploadFile, withQuery } from '../../lib/api';
import type { RecipientInput } from '../outreach/api';

export type {
  BulkVetResult,
  InviteResult,
  ProspectEntry,
  ProspectImportResult,
  ProspectList,
  ProspectListDetail,
};
export type ProspectSource = (typeof prospectSources)[number];

export const sourceLabels: Record<ProspectSource, string> = {
  customers: 'Customers',
  crm: 'CRM',
  loyalty: 'Loyalty members',
  discovery: 'Discovery (hashtag / keyword search)',
  listening: 'Social listening',
  other: 'Other',
};

export interface ListInput {
  name: string;
  source: ProspectSource;
  programId: string | null;
}

export const prospectListsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['prospects', workspaceId, 'lists'],
    queryFn: () =>
      api<{ items: ProspectList[] }>(`/workspaces/${workspaceId}/prospect-lists`).then((r) => r.items),
  });

export const prospectListQuery = (workspaceId: string, listId: string) =>
  queryOptions({
    queryKey: ['prospects', workspaceId, 'list', listId],
    queryFn: () => api<ProspectListDetail>(`/workspaces/${workspaceId}/prospect-lists/${listId}`),
  });

export function createProspectList(workspaceId: string, input: ListInput) {
  return api<ProspectList>(`/workspaces/${workspaceId}/prospect-lists`, { body: input });
}

export function updateProspectList(workspaceId: string, listId: string, input: ListInput) {
  return api<ProspectList>(`/workspaces/${workspaceId}/prospect-lists/${listId}`, {
    method: 'PUT',
    body: input,
  });
}

export function deleteProspectList(workspaceId: string, listId: string) {
  return api<void>(`/workspaces/${workspaceId}/prospect-lists/${listId}`, { method: 'DELETE' });
}

export function importProspectsCsv(
  workspaceId: string,
  listId: string,
  file: File,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
  onProgress: (percent: number) => void,
) {
  const path = withQuery(`/workspaces/${workspaceId}/prospect-lists/${listId}/import`, options);
  return uploadFile<ProspectImportResult>(path, file, { contentType: 'text/csv', onProgress });
}

export function bulkVet(
  workspaceId: string,
  listId: string,
  file: File,
  onProgress: (percent: number) => void,
) {
  return uploadFile<BulkVetResult>(`/workspaces/${workspaceId}/prospect-lists/${listId}/vet`, file, {
    contentType: 'application/x-ndjson',
    onProgress,
  });
}

export function inviteFromList(
  workspaceId: string,
  listId: string,
  input: { templateId: string; recipients: RecipientInput[] },
) {
  return api<InviteResult>(`/workspaces/${workspaceId}/prospect-lists/${listId}/invite`, { body: input });
}

export function exportListUrl(workspaceId: string, listId: string): string {
  return `/api/v1/workspaces/${workspaceId}/prospect-lists/${listId}/export.csv`;
}
