// Discount codes and leaked-code alerts (T2, T6): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  CodeAlertView,
  CodeList,
  DiscountCodeView,
  IssueResult,
  RetireResult,
  RotateResult,
  ScanResult,
} from '../../../server/modules/codes/codes.contract';
import { api } from '../../lib/api';

export type {
  CodeAlertView,
  CodeList,
  DiscountCodeView,
  IssueResult,
  RetireResult,
  RotateResult,
  ScanResult,
};

const base = (workspaceId: string, programId: string) => `/workspaces/${workspaceId}/programs/${programId}`;

export const codesKey = (workspaceId: string, programId: string) => ['codes', workspaceId, programId];

export const codesQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: [...codesKey(workspaceId, programId), 'list'],
    queryFn: () => api<CodeList>(`${base(workspaceId, programId)}/codes`),
  });

export const alertsQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: [...codesKey(workspaceId, programId), 'alerts'],
    queryFn: () => api<{ items: CodeAlertView[] }>(`${base(workspaceId, programId)}/code-alerts`),
  });

export const ambassadorCodesQuery = (workspaceId: string, ambassadorId: string) =>
  queryOptions({
    queryKey: ['codes', workspaceId, 'ambassador', ambassadorId],
    queryFn: () =>
      api<{ items: DiscountCodeView[] }>(`/workspaces/${workspaceId}/ambassadors/${ambassadorId}/codes`),
  });

export const exportCodesUrl = (workspaceId: string, programId: string) =>
  `/api/v1${base(workspaceId, programId)}/codes/export.csv`;

export const issueAll = (workspaceId: string, programId: string) =>
  api<IssueResult>(`${base(workspaceId, programId)}/codes`, { body: {} });

export const issueOne = (workspaceId: string, ambassadorId: string, code?: string) =>
  api<DiscountCodeView>(`/workspaces/${workspaceId}/ambassadors/${ambassadorId}/codes`, {
    body: code ? { code } : {},
  });

export const rotate = (workspaceId: string, programId: string, codeId: string, reason: string) =>
  api<RotateResult>(`${base(workspaceId, programId)}/codes/${codeId}/rotate`, { body: { reason } });

export const retire = (workspaceId: string, programId: string, codeId: string, reason: string) =>
  api<RetireResult>(`${base(workspaceId, programId)}/codes/${codeId}/retire`, { body: { reason } });

export const createInShopify = (workspaceId: string, programId: string, codeId: string) =>
  api<DiscountCodeView>(`${base(workspaceId, programId)}/codes/${codeId}/shopify`, { body: {} });

export const scanNow = (workspaceId: string, programId: string) =>
  api<ScanResult>(`${base(workspaceId, programId)}/code-alerts/scan`, { body: {} });

export const dismissAlert = (workspaceId: string, programId: string, alertId: string, reason: string) =>
  api<CodeAlertView>(`${base(workspaceId, programId)}/code-alerts/${alertId}/dismiss`, { body: { reason } });

export const rotateFromAlert = (workspaceId: string, programId: string, alertId: string, reason = '') =>
  api<{ alert: CodeAlertView; rotation: RotateResult }>(
    `${base(workspaceId, programId)}/code-alerts/${alertId}/rotate`,
    { body: reason.trim() ? { reason: reason.trim() } : {} },
  );
