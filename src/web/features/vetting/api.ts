// Vetting reports (PRODUCT V1–V9) and reviewers' flag overrides: API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type { CreatorInput } from '../../../core/vetting/input';
import type { ReviewedFlag, ReviewedReport } from '../../../core/vetting/overrides';
import type {
  ReportDetail,
  StoredFlagOverride,
  StoredReport,
} from '../../../server/modules/vetting/vetting.contract';
import { api, withQuery } from '../../lib/api';

export type { CreatorInput, ReportDetail, ReviewedFlag, ReviewedReport, StoredFlagOverride, StoredReport };

export const reportsQuery = (workspaceId: string, creatorId: string) =>
  queryOptions({
    queryKey: ['vetting', workspaceId, 'list', creatorId],
    queryFn: () =>
      api<{ items: StoredReport[] }>(
        withQuery(`/workspaces/${workspaceId}/vetting/reports`, { creatorId }),
      ).then((r) => r.items),
  });

export const reportQuery = (workspaceId: string, reportId: string) =>
  queryOptions({
    queryKey: ['vetting', workspaceId, 'one', reportId],
    queryFn: () => api<ReportDetail>(`/workspaces/${workspaceId}/vetting/reports/${reportId}`),
  });

/** The stored report's JSON, typed as the engine's reviewed report. */
export function reviewedOf(detail: StoredReport): ReviewedReport {
  return detail.report as unknown as ReviewedReport;
}

export function runVetting(
  workspaceId: string,
  body: { input: unknown; creatorId?: string | undefined; programId?: string | undefined },
): Promise<ReportDetail> {
  return api<ReportDetail>(`/workspaces/${workspaceId}/vetting/reports`, { body });
}

export function overrideFlag(
  workspaceId: string,
  reportId: string,
  body: { flagKey: string; reason: string },
): Promise<ReportDetail> {
  return api<ReportDetail>(`/workspaces/${workspaceId}/vetting/reports/${reportId}/overrides`, { body });
}

export function restoreFlag(
  workspaceId: string,
  reportId: string,
  overrideId: string,
): Promise<ReportDetail> {
  return api<ReportDetail>(`/workspaces/${workspaceId}/vetting/reports/${reportId}/overrides/${overrideId}`, {
    method: 'DELETE',
  });
}
