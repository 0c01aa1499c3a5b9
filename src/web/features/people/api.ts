// Creators, ambassadors (pipeline), CSV import/export and timelines: API calls and query options.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Stage } from '../../../core/pipeline/stages';
import type { AuditEvent } from '../../../server/modules/audit/audit.contract';
import type {
  Ambassador,
  Creator,
  CreatorInput,
  ImportResult,
  MoveStageResult,
} from '../../../server/modules/people/people.contract';
import { api, uploadFile, withQuery } from '../../lib/api';

export type { Ambassador, AuditEvent, Creator, CreatorInput, ImportResult, MoveStageResult };

export interface CreatorFilter {
  q?: string | undefined;
  programId?: string | undefined;
  stage?: Stage | undefined;
  limit?: number;
  offset?: number;
}

export const creatorsQuery = (workspaceId: string, filter: CreatorFilter) =>
  queryOptions({
    queryKey: ['creators', workspaceId, 'list', filter],
    queryFn: ({ signal }) =>
      api<{ items: Creator[]; total: number }>(
        withQuery(`/workspaces/${workspaceId}/creators`, {
          q: filter.q,
          programId: filter.programId,
          stage: filter.stage,
          limit: filter.limit,
          offset: filter.offset,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

export const creatorQuery = (workspaceId: string, creatorId: string) =>
  queryOptions({
    queryKey: ['creators', workspaceId, 'one', creatorId],
    queryFn: () => api<Creator>(`/workspaces/${workspaceId}/creators/${creatorId}`),
  });

export const timelineQuery = (workspaceId: string, creatorId: string) =>
  queryOptions({
    queryKey: ['creators', workspaceId, 'timeline', creatorId],
    queryFn: () =>
      api<{ items: AuditEvent[] }>(`/workspaces/${workspaceId}/creators/${creatorId}/timeline`).then(
        (r) => r.items,
      ),
  });

export function createCreator(workspaceId: string, input: CreatorInput): Promise<Creator> {
  return api<Creator>(`/workspaces/${workspaceId}/creators`, { body: input });
}

export function updateCreator(workspaceId: string, creatorId: string, input: CreatorInput): Promise<Creator> {
  return api<Creator>(`/workspaces/${workspaceId}/creators/${creatorId}`, { method: 'PUT', body: input });
}

export function sendPortalInvite(workspaceId: string, creatorId: string): Promise<void> {
  return api<void>(`/workspaces/${workspaceId}/creators/${creatorId}/portal-invite`, { body: {} });
}

export const ambassadorsQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: ['ambassadors', workspaceId, programId],
    queryFn: () =>
      api<{ items: Ambassador[] }>(`/workspaces/${workspaceId}/programs/${programId}/ambassadors`).then(
        (r) => r.items,
      ),
  });

export function addAmbassador(
  workspaceId: string,
  programId: string,
  input: { creatorId: string; stage: 'prospect' | 'invited' | 'applied' },
): Promise<Ambassador> {
  return api<Ambassador>(`/workspaces/${workspaceId}/programs/${programId}/ambassadors`, { body: input });
}

export function moveStage(
  workspaceId: string,
  ambassadorId: string,
  input: { to: Stage; reason: string },
): Promise<MoveStageResult> {
  return api<MoveStageResult>(`/workspaces/${workspaceId}/ambassadors/${ambassadorId}/stage`, {
    body: input,
  });
}

export function importCreatorsCsv(
  workspaceId: string,
  file: File,
  options: { onError: 'abort' | 'skip'; dryRun: boolean; programId?: string | undefined },
  onProgress: (percent: number) => void,
): Promise<ImportResult> {
  const path = withQuery(`/workspaces/${workspaceId}/creators/import`, {
    onError: options.onError,
    dryRun: options.dryRun,
    programId: options.programId,
  });
  return uploadFile<ImportResult>(path, file, { contentType: 'text/csv', onProgress });
}

/** The URL of a CSV export (a plain link: the browser downloads it with the session cookie). */
export function exportCsvUrl(workspaceId: string, filter: Omit<CreatorFilter, 'limit' | 'offset'>): string {
  return withQuery(`/api/v1/workspaces/${workspaceId}/creators/export.csv`, {
    programId: filter.programId,
    stage: filter.stage,
    q: filter.q,
  });
}
