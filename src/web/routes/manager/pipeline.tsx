// A program's pipeline (PRODUCT R6): a board with a column per stage, or a sortable table. People move only
// to the stages the pipeline allows next — by menu, or by dragging a card onto an allowed column.
import { useDisclosure } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { Stage } from '../../../core/pipeline/stages';
import { EmptyCard } from '../../components/empty-card';
import { AddCreatorModal } from '../../features/people/add-creator-modal';
import { AddOrImportButtons } from '../../features/people/add-or-import-buttons';
import { type Ambassador, ambassadorsQuery } from '../../features/people/api';
import { ImportCsvModal } from '../../features/people/import-csv-modal';
import { useStageMove } from '../../features/people/move-stage';
import { PipelineBoard } from '../../features/pipeline/pipeline-board';
import { PipelineHeader } from '../../features/pipeline/pipeline-header';
import { PipelineSummary } from '../../features/pipeline/pipeline-summary';
import { PipelineTable } from '../../features/pipeline/pipeline-table';
import { programQuery, programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';

const route = getRouteApi('/w/$workspaceId/programs/$programId/pipeline');

export function PipelinePage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const { view = 'board' } = route.useSearch();
  const navigate = useNavigate();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: ambassadors } = useSuspenseQuery(ambassadorsQuery(workspaceId, programId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const [adding, addDisclosure] = useDisclosure(false);
  const [importing, importDisclosure] = useDisclosure(false);
  const [requestMove, moveDialog] = useStageMove();
  const canMove = can('pipeline.move');
  const existing = useMemo(() => new Set(ambassadors.map((a) => a.creatorId)), [ambassadors]);

  const onMove = (a: Ambassador, to: Stage) =>
    requestMove({ ambassadorId: a.id, name: a.creator.name, from: a.stage, to, programName: program.name });

  return (
    <>
      <PipelineHeader program={program} onAdd={addDisclosure.open} onImport={importDisclosure.open} />
      <PipelineSummary
        program={program}
        peopleCount={ambassadors.length}
        view={view}
        onViewChange={(next) =>
          void navigate({
            to: '/w/$workspaceId/programs/$programId/pipeline',
            params: { workspaceId, programId },
            search: { view: next === 'table' ? 'table' : undefined },
            replace: true,
          })
        }
      />

      {ambassadors.length === 0 ? (
        <EmptyCard
          icon={<IconUsers size={28} />}
          variant="light"
          title="No one in this pipeline yet"
          description={
            canMove
              ? 'Add creators you already know, or import your customer or CRM list as prospects — your warmest pool.'
              : 'A manager can add creators or import a list.'
          }
          actions={
            canMove ? (
              <AddOrImportButtons
                addLabel="Add creator"
                onAdd={addDisclosure.open}
                onImport={importDisclosure.open}
              />
            ) : null
          }
        />
      ) : view === 'table' ? (
        <PipelineTable ambassadors={ambassadors} canMove={canMove} onMove={onMove} />
      ) : (
        <PipelineBoard ambassadors={ambassadors} canMove={canMove} onMove={onMove} />
      )}

      {moveDialog}
      <AddCreatorModal
        opened={adding}
        onClose={addDisclosure.close}
        programId={programId}
        programName={program.name}
        existingCreatorIds={existing}
      />
      <ImportCsvModal
        opened={importing}
        onClose={importDisclosure.close}
        programs={programs}
        defaultProgramId={programId}
      />
    </>
  );
}
