// A program's tracked links (T1): every ambassador's links with copy, QR, click totals and a daily chart;
// create, disable/enable, delete; CSV export of the table.
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconLink, IconPlus, IconSettings } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { seatStages } from '../../../core/pipeline/stages';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { programLinksQuery } from '../../features/links/api';
import { ClicksPanel } from '../../features/links/clicks-panel';
import { CreateLinkModal } from '../../features/links/create-link-modal';
import { downloadText, linksCsv } from '../../features/links/link-csv';
import { LinksTable } from '../../features/links/links-table';
import { ambassadorsQuery } from '../../features/people/api';
import { programQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';

const route = getRouteApi('/w/$workspaceId/programs/$programId/links');

export function LinksPage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: links } = useSuspenseQuery(programLinksQuery(workspaceId, programId));
  const { data: ambassadors } = useSuspenseQuery(ambassadorsQuery(workspaceId, programId));
  const [creating, createDisclosure] = useDisclosure(false);
  // The ambassador picked above the chart narrows the table and its export too. The page stays mounted
  // when only the program changes: a pick from another program's list counts as none.
  const [pick, setPicked] = useState<string | null>(null);
  const picked = ambassadors.some((a) => a.id === pick) ? pick : null;
  const shown = picked ? links.filter((l) => l.ambassadorId === picked) : links;
  const canWrite = can('tracking.write');
  const toOption = (a: (typeof ambassadors)[number]) => ({
    value: a.id,
    label: a.creator.handle ? `${a.creator.name} (@${a.creator.handle})` : a.creator.name,
  });
  // Everyone with clicks can be charted; only people holding a seat get a new link.
  const options = ambassadors.map(toOption);
  const linkable = ambassadors.filter((a) => seatStages.includes(a.stage)).map(toOption);

  return (
    <>
      <PageHeader
        above={
          <AnchorLink
            to="/w/$workspaceId/programs/$programId/pipeline"
            params={{ workspaceId, programId }}
            size="sm"
          >
            ← {program.name}
          </AnchorLink>
        }
        title={`Links · ${program.name}`}
        description="Each ambassador shares their own short link; every click is counted with bots and link previews set apart, and the click id travels to your store for attribution."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={shown.length === 0}
              onClick={() =>
                downloadText(
                  `links-${program.slug}${picked ? `-${shown[0]?.ambassador.handle ?? picked}` : ''}.csv`,
                  linksCsv(shown),
                )
              }
            >
              Export CSV
            </Button>
            <ButtonLink
              to="/w/$workspaceId/programs/$programId/tracking"
              params={{ workspaceId, programId }}
              variant="subtle"
              leftSection={<IconSettings size={16} />}
            >
              Tracking settings
            </ButtonLink>
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={createDisclosure.open}>
                New link
              </Button>
            ) : null}
          </>
        }
      />
      <ClicksPanel
        workspaceId={workspaceId}
        programId={programId}
        picker={{ ambassadors: options, picked, onPick: setPicked }}
      />
      {shown.length === 0 ? (
        <EmptyCard
          icon={<IconLink size={28} />}
          title={links.length === 0 ? 'No tracked links yet' : 'No links for this ambassador'}
          description={
            links.length > 0
              ? `This ambassador has no link${canWrite ? ': create one with “New link”, or' : ';'} clear the ambassador above to see every link.`
              : canWrite
                ? 'Create a link for each ambassador: it redirects to your shop with UTM parameters and counts every click. Set your allowed domains in the tracking settings first.'
                : 'A manager creates a link for each ambassador; their clicks will show here.'
          }
          actions={
            canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={createDisclosure.open}>
                New link
              </Button>
            ) : null
          }
        />
      ) : (
        <LinksTable links={shown} showAmbassador label="Tracked links" />
      )}
      <CreateLinkModal
        opened={creating}
        programId={programId}
        ambassadors={linkable}
        ambassadorId={linkable.some((a) => a.value === picked) ? (picked ?? undefined) : undefined}
        onClose={createDisclosure.close}
      />
    </>
  );
}
