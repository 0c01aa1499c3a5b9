// Outreach (R4): templates, previews, sends, replies and follow-ups — API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  DueFollowUp,
  OutreachMessage,
  OutreachTemplate,
  PreviewItem,
  RecipientInput,
} from '../../../server/modules/outreach/outreach.contract';
import { api, withQuery } from '../../lib/api';

export type { DueFollowUp, OutreachMessage, OutreachTemplate, PreviewItem, RecipientInput };

export interface TemplateInput {
  name: string;
  subject: string;
  body: string;
  programId: string | null;
  offer: { feeMinor: number | null; currency: string; commissionPercent: number | null; product: string };
  followUpDays: number | null;
  followUpBody: string;
}

export const templatesQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['outreach', workspaceId, 'templates'],
    queryFn: () =>
      api<{ items: OutreachTemplate[] }>(`/workspaces/${workspaceId}/outreach/templates`).then(
        (r) => r.items,
      ),
  });

export const messagesQuery = (workspaceId: string, filter: { templateId?: string | undefined } = {}) =>
  queryOptions({
    queryKey: ['outreach', workspaceId, 'messages', filter],
    queryFn: () =>
      api<{ items: OutreachMessage[] }>(
        withQuery(`/workspaces/${workspaceId}/outreach/messages`, { templateId: filter.templateId }),
      ).then((r) => r.items),
  });

export const followUpsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['outreach', workspaceId, 'follow-ups'],
    queryFn: () =>
      api<{ items: DueFollowUp[] }>(`/workspaces/${workspaceId}/outreach/follow-ups`).then((r) => r.items),
  });

export function createTemplate(workspaceId: string, input: TemplateInput) {
  return api<OutreachTemplate>(`/workspaces/${workspaceId}/outreach/templates`, { body: input });
}

export function updateTemplate(workspaceId: string, id: string, input: TemplateInput) {
  return api<OutreachTemplate>(`/workspaces/${workspaceId}/outreach/templates/${id}`, {
    method: 'PUT',
    body: input,
  });
}

export function deleteTemplate(workspaceId: string, id: string) {
  return api<void>(`/workspaces/${workspaceId}/outreach/templates/${id}`, { method: 'DELETE' });
}

export function previewOutreach(
  workspaceId: string,
  input: { templateId: string; programId?: string | null; recipients: RecipientInput[] },
) {
  return api<{ items: PreviewItem[] }>(`/workspaces/${workspaceId}/outreach/preview`, { body: input }).then(
    (r) => r.items,
  );
}

export function recordReply(
  workspaceId: string,
  messageId: string,
  input: { repliedAt: string; note: string },
) {
  return api<OutreachMessage>(`/workspaces/${workspaceId}/outreach/messages/${messageId}/reply`, {
    body: input,
  });
}

export function sendFollowUp(workspaceId: string, messageId: string, input: { recentPost?: string }) {
  return api<OutreachMessage>(`/workspaces/${workspaceId}/outreach/messages/${messageId}/follow-up`, {
    body: input,
  });
}
