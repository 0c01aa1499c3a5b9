// Listening import (B8): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  ListenedPost,
  ListeningImportResult,
} from '../../../server/modules/listening/listening.contract';
import { api, uploadFile, withQuery } from '../../lib/api';

export type { ListenedPost, ListeningImportResult };

export const listenedPostsQuery = (workspaceId: string, unmatched: boolean) =>
  queryOptions({
    queryKey: ['listening', workspaceId, { unmatched }],
    queryFn: () =>
      api<{ items: ListenedPost[] }>(
        withQuery(`/workspaces/${workspaceId}/listening`, { unmatched: unmatched || undefined }),
      ).then((r) => r.items),
  });

export function importListening(
  workspaceId: string,
  file: File,
  options: { onError: 'abort' | 'skip'; dryRun: boolean },
  onProgress: (percent: number) => void,
) {
  const isJson = file.name.toLowerCase().endsWith('.json') || file.type.includes('json');
  return uploadFile<ListeningImportResult>(
    withQuery(`/workspaces/${workspaceId}/listening/import`, options),
    file,
    {
      contentType: isJson ? 'application/json' : 'text/csv',
      onProgress,
    },
  );
}

export function confirmPostUrl(workspaceId: string, listenedPostId: string) {
  return api<ListenedPost>(`/workspaces/${workspaceId}/listening/${listenedPostId}/use-as-post-url`, {
    method: 'POST',
  });
}

export const listeningExportUrl = (workspaceId: string) =>
  `/api/v1/workspaces/${workspaceId}/listening/export.csv`;
