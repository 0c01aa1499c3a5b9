// Briefs (B1) and the caption check (B3): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type { BriefChange } from '../../../core/briefs/diff';
import type {
  BriefContent,
  BriefContentInput,
  BriefDetail,
  BriefDiff,
  BriefStaleness,
  BriefSummary,
  PortalBrief,
} from '../../../server/modules/briefs/briefs.contract';
import type { ComplianceCheckResult } from '../../../server/modules/compliance/compliance.contract';
import { api, withQuery } from '../../lib/api';

export type {
  BriefChange,
  BriefContent,
  BriefContentInput,
  BriefDetail,
  BriefDiff,
  BriefSummary,
  ComplianceCheckResult,
  PortalBrief,
};

const base = (workspaceId: string, programId: string) =>
  `/workspaces/${workspaceId}/programs/${programId}/briefs`;

export const briefsQuery = (workspaceId: string, programId: string, includeArchived = false) =>
  queryOptions({
    queryKey: ['briefs', workspaceId, programId, { includeArchived }],
    queryFn: () =>
      api<{ items: BriefSummary[] }>(
        withQuery(base(workspaceId, programId), { includeArchived: includeArchived || undefined }),
      ).then((r) => r.items),
  });

export const briefQuery = (workspaceId: string, programId: string, briefId: string) =>
  queryOptions({
    queryKey: ['briefs', workspaceId, programId, briefId],
    queryFn: () => api<BriefDetail>(`${base(workspaceId, programId)}/${briefId}`),
  });

export const briefDiffQuery = (
  workspaceId: string,
  programId: string,
  briefId: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: ['briefs', workspaceId, programId, briefId, 'diff', from, to],
    queryFn: () => api<BriefDiff>(withQuery(`${base(workspaceId, programId)}/${briefId}/diff`, { from, to })),
  });

export const briefStalenessQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['briefs', workspaceId, 'staleness'],
    queryFn: () => api<BriefStaleness>(`/workspaces/${workspaceId}/briefs/staleness`),
  });

export function createBrief(
  workspaceId: string,
  programId: string,
  input: { campaign: string | null; content: BriefContentInput },
) {
  return api<BriefDetail>(base(workspaceId, programId), { body: input });
}

export function publishBrief(
  workspaceId: string,
  programId: string,
  briefId: string,
  input: { content: BriefContentInput; changeNote: string },
) {
  return api<BriefDetail>(`${base(workspaceId, programId)}/${briefId}/versions`, { body: input });
}

export function archiveBrief(workspaceId: string, programId: string, briefId: string) {
  return api<BriefDetail>(`${base(workspaceId, programId)}/${briefId}/archive`, { method: 'POST' });
}

export function checkCaption(input: {
  programId?: string;
  brief?: BriefContentInput;
  platform: string;
  caption: string;
}) {
  return api<ComplianceCheckResult>('/compliance/check', { body: input });
}

export const portalBriefsQuery = queryOptions({
  queryKey: ['portal', 'briefs'],
  queryFn: () => api<{ items: PortalBrief[] }>('/portal/briefs').then((r) => r.items),
});
