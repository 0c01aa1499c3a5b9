// Applications (R1): the public page's calls (no session) and the team's reads and page settings.
import { queryOptions } from '@tanstack/react-query';
import type {
  Application,
  ApplicationReceipt,
  ApplicationSubmission,
  PublicApplicationPage,
} from '../../../server/modules/applications/applications.contract';
import type { ApplicationForm } from '../../../server/modules/programs/programs.contract';
import { api, withQuery } from '../../lib/api';

export type {
  Application,
  ApplicationForm,
  ApplicationReceipt,
  ApplicationSubmission,
  PublicApplicationPage,
};

export const publicApplicationPageQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public-application', slug],
    queryFn: () => api<PublicApplicationPage>(`/public/programs/${encodeURIComponent(slug)}/application`),
    retry: false,
  });

export function submitApplication(slug: string, input: ApplicationSubmission): Promise<ApplicationReceipt> {
  return api<ApplicationReceipt>(`/public/programs/${encodeURIComponent(slug)}/applications`, {
    body: input,
  });
}

export const applicationsQuery = (
  workspaceId: string,
  filter: { programId?: string; ambassadorId?: string; creatorId?: string },
) =>
  queryOptions({
    queryKey: ['applications', workspaceId, filter],
    queryFn: () =>
      api<{ items: Application[] }>(withQuery(`/workspaces/${workspaceId}/applications`, filter)).then(
        (r) => r.items,
      ),
  });

export function saveApplicationForm(
  workspaceId: string,
  programId: string,
  form: ApplicationForm,
): Promise<ApplicationForm> {
  return api<ApplicationForm>(`/workspaces/${workspaceId}/programs/${programId}/application-form`, {
    method: 'PUT',
    body: form,
  });
}
