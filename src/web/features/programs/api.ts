// Programs: API calls and query options.
import { queryOptions } from '@tanstack/react-query';
import type { Program, ProgramInput } from '../../../server/modules/programs/programs.contract';
import { api } from '../../lib/api';

export type { Program, ProgramInput };

export const programsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['programs', workspaceId],
    queryFn: () => api<{ items: Program[] }>(`/workspaces/${workspaceId}/programs`).then((r) => r.items),
  });

export const programQuery = (workspaceId: string, programId: string) =>
  queryOptions({
    queryKey: ['programs', workspaceId, programId],
    queryFn: () => api<Program>(`/workspaces/${workspaceId}/programs/${programId}`),
  });

export function createProgram(workspaceId: string, input: ProgramInput): Promise<Program> {
  return api<Program>(`/workspaces/${workspaceId}/programs`, { body: input });
}

export function updateProgram(workspaceId: string, programId: string, input: ProgramInput): Promise<Program> {
  return api<Program>(`/workspaces/${workspaceId}/programs/${programId}`, { method: 'PUT', body: input });
}
