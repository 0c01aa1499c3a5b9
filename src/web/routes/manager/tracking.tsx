// A program's tracking settings (T1, T4): where links may point, UTM template, attribution rules, codes.
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { trackingQuery } from '../../features/links/api';
import { TrackingForm } from '../../features/links/tracking-form';
import { programQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';

const route = getRouteApi('/w/$workspaceId/programs/$programId/tracking');

export function TrackingPage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: settings } = useSuspenseQuery(trackingQuery(workspaceId, programId));
  return (
    <>
      <PageHeader
        above={
          <AnchorLink
            to="/w/$workspaceId/programs/$programId/links"
            params={{ workspaceId, programId }}
            size="sm"
          >
            ← Links · {program.name}
          </AnchorLink>
        }
        title={`Tracking · ${program.name}`}
        description="Where tracked links may send people, what they add to the URL, and how orders are credited."
      />
      <TrackingForm
        key={settings.updatedAt ?? 'defaults'}
        workspaceId={workspaceId}
        programId={programId}
        programSlug={program.slug}
        initial={settings}
        canWrite={can('tracking.write')}
      />
    </>
  );
}
