// Content submissions (B2–B4): the portal's and the team's API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  ContentFormat,
  MediaItem,
  Platform,
  PortalCheckResult,
  ReviewComment,
  SubmissionDetail,
  SubmissionRound,
  SubmissionStatus,
  SubmissionSummary,
  UploadLimits,
} from '../../../server/modules/content/content.contract';
import { api, apiPath, toApiError, withQuery } from '../../lib/api';

export {
  acceptedMediaTypes,
  defaultUploadLimits,
  reviewSlaHours,
} from '../../../server/modules/content/content.contract';
export { contentFormats, platforms } from '../../../server/modules/programs/programs.contract';
export type {
  ContentFormat,
  MediaItem,
  Platform,
  PortalCheckResult,
  ReviewComment,
  SubmissionDetail,
  SubmissionRound,
  SubmissionStatus,
  SubmissionSummary,
  UploadLimits,
};

/** Posts a multipart form (fields + files); problem+json errors become ApiError like every other call. */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiPath(path), {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
    });
  } catch {
    throw toApiError(0, '', '');
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, response.statusText, text);
  return JSON.parse(text) as T;
}

// Portal

export const portalSubmissionsKey = ['portal', 'submissions'];

export const portalSubmissionsQuery = queryOptions({
  queryKey: portalSubmissionsKey,
  queryFn: () => api<{ items: SubmissionSummary[] }>('/portal/submissions'),
});

export const portalSubmissionQuery = (id: string) =>
  queryOptions({
    queryKey: [...portalSubmissionsKey, id],
    queryFn: () => api<SubmissionDetail>(`/portal/submissions/${id}`),
  });

export interface DraftInput {
  programId: string;
  /** The brief the draft is for (see BriefSelect); empty or absent: the program's standing brief. */
  briefId?: string;
  platform: Platform;
  format: ContentFormat;
  caption: string;
  plannedAt: string;
  files: File[];
}

export function submitDraft(input: DraftInput): Promise<SubmissionDetail> {
  const form = new FormData();
  form.set('programId', input.programId);
  if (input.briefId) form.set('briefId', input.briefId);
  form.set('platform', input.platform);
  form.set('format', input.format);
  form.set('caption', input.caption);
  if (input.plannedAt) form.set('plannedAt', input.plannedAt);
  for (const file of input.files) form.append('media', file, file.name);
  return postForm<SubmissionDetail>('/portal/submissions', form);
}

export function resubmitDraft(id: string, caption: string, files: File[]): Promise<SubmissionDetail> {
  const form = new FormData();
  form.set('caption', caption);
  for (const file of files) form.append('media', file, file.name);
  return postForm<SubmissionDetail>(`/portal/submissions/${id}/rounds`, form);
}

export function checkCaption(
  input: { programId: string; briefId?: string; platform: Platform; caption: string },
  signal?: AbortSignal,
) {
  const { briefId, ...rest } = input;
  return api<PortalCheckResult>('/portal/compliance/check', {
    body: briefId ? { ...rest, briefId } : rest,
    signal,
  });
}

export const portalMediaUrl = (id: string) => apiPath(`/portal/media/${id}`);

// Team

export const submissionsKey = (workspaceId: string) => ['submissions', workspaceId];

export const submissionsQuery = (
  workspaceId: string,
  filter: { status?: SubmissionStatus | undefined; programId?: string | undefined },
) =>
  queryOptions({
    queryKey: [...submissionsKey(workspaceId), 'list', filter],
    queryFn: () =>
      api<{ items: SubmissionSummary[] }>(withQuery(`/workspaces/${workspaceId}/submissions`, filter)),
    refetchInterval: 60_000,
  });

export const submissionQuery = (workspaceId: string, id: string) =>
  queryOptions({
    queryKey: [...submissionsKey(workspaceId), id],
    queryFn: () => api<SubmissionDetail>(`/workspaces/${workspaceId}/submissions/${id}`),
  });

export function addComment(
  workspaceId: string,
  id: string,
  input: { body: string; spanStart: number | null; spanEnd: number | null; quote: string | null },
) {
  return api<ReviewComment>(`/workspaces/${workspaceId}/submissions/${id}/comments`, { body: input });
}

export function decide(
  workspaceId: string,
  id: string,
  input: { decision: 'approve' | 'request_changes'; note: string; overrideReason: string | null },
) {
  return api<SubmissionDetail>(`/workspaces/${workspaceId}/submissions/${id}/decision`, { body: input });
}

export const workspaceMediaUrl = (workspaceId: string, id: string) =>
  apiPath(`/workspaces/${workspaceId}/media/${id}`);
