// Store connections and API keys (T3): API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type {
  ApiKey,
  Connection,
  ConnectionDetail,
  ConnectionKind,
  ConnectionList,
  CreateConnectionInput,
  CreatedApiKey,
  Delivery,
  DeliveryStatus,
  RevealedConnection,
  UpdateConnectionInput,
} from '../../../server/modules/conversions/stores.contract';
import { api } from '../../lib/api';

export type {
  ApiKey,
  Connection,
  ConnectionDetail,
  ConnectionKind,
  CreateConnectionInput,
  CreatedApiKey,
  Delivery,
  DeliveryStatus,
  RevealedConnection,
};

/** What the test-delivery endpoint answers: how a signed sample delivery to this connection went. */
export interface TestDeliveryResult {
  status: string;
  httpStatus: number;
  detail: string | null;
}

const path = (workspaceId: string, id?: string) => `/workspaces/${workspaceId}/stores${id ? `/${id}` : ''}`;

export const connectionsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['stores', workspaceId, 'list'],
    queryFn: () => api<ConnectionList>(path(workspaceId)),
  });

export const connectionQuery = (workspaceId: string, id: string) =>
  queryOptions({
    queryKey: ['stores', workspaceId, 'detail', id],
    queryFn: () => api<ConnectionDetail>(path(workspaceId, id)),
  });

export const apiKeysQuery = (workspaceId: string, id: string) =>
  queryOptions({
    queryKey: ['stores', workspaceId, 'api-keys', id],
    queryFn: () => api<{ items: ApiKey[] }>(`${path(workspaceId, id)}/api-keys`).then((r) => r.items),
  });

export function createConnection(workspaceId: string, input: CreateConnectionInput) {
  return api<RevealedConnection>(path(workspaceId), { body: input });
}

export function updateConnection(workspaceId: string, id: string, input: UpdateConnectionInput) {
  return api<ConnectionDetail>(path(workspaceId, id), { method: 'PATCH', body: input });
}

export function rotateSecret(workspaceId: string, id: string) {
  return api<RevealedConnection>(`${path(workspaceId, id)}/rotate-secret`, { method: 'POST' });
}

export function setDisabled(workspaceId: string, id: string, isDisabled: boolean) {
  return api<ConnectionDetail>(`${path(workspaceId, id)}/${isDisabled ? 'disable' : 'enable'}`, {
    method: 'POST',
  });
}

export function deleteConnection(workspaceId: string, id: string) {
  return api<{ ordersDeleted: number }>(path(workspaceId, id), { method: 'DELETE' });
}

export function sendTestDelivery(workspaceId: string, id: string) {
  return api<TestDeliveryResult>(`${path(workspaceId, id)}/test-delivery`, { method: 'POST' });
}

export function createApiKey(workspaceId: string, id: string, name: string) {
  return api<CreatedApiKey>(`${path(workspaceId, id)}/api-keys`, { body: { name } });
}

export function revokeApiKey(workspaceId: string, id: string, keyId: string) {
  return api<ApiKey>(`${path(workspaceId, id)}/api-keys/${keyId}/revoke`, { method: 'POST' });
}
