// Create and edit a program.
import { Box } from '@mantine/core';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { createProgram, programQuery, programsQuery, updateProgram } from '../../features/programs/api';
import { ApplicationFormEditor } from '../../features/programs/application-form-editor';
import { ProgramForm } from '../../features/programs/program-form';
import { emptyProgramValues, programToValues } from '../../features/programs/program-form-values';
import { RubricEditor } from '../../features/programs/rubric-editor';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { notifySuccess } from '../../lib/notify';

const editRoute = getRouteApi('/w/$workspaceId/programs/$programId/edit');

export function NewProgramPage() {
  const { workspaceId } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId" params={{ workspaceId }} size="sm">
            ← Programs
          </AnchorLink>
        }
        title="New program"
        description="Start with a name and an objective. Everything else can be refined later."
      />
      <ProgramForm
        initialValues={emptyProgramValues()}
        submitLabel="Create program"
        onCancel={() => void navigate({ to: '/w/$workspaceId', params: { workspaceId } })}
        onSubmit={async (input) => {
          const program = await createProgram(workspaceId, input);
          await queryClient.invalidateQueries({ queryKey: programsQuery(workspaceId).queryKey });
          notifySuccess(`“${program.name}” is ready. Add people to its pipeline next.`, 'Program created');
          await navigate({
            to: '/w/$workspaceId/programs/$programId/pipeline',
            params: { workspaceId, programId: program.id },
          });
        }}
      />
    </>
  );
}

export function EditProgramPage() {
  const { workspaceId } = useWorkspace();
  const { programId } = editRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
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
        title={`Edit ${program.name}`}
        description="Changes apply to the whole program, including its tiers."
      />
      <ProgramForm
        key={program.updatedAt}
        initialValues={programToValues(program)}
        submitLabel="Save changes"
        onCancel={() =>
          void navigate({
            to: '/w/$workspaceId/programs/$programId/pipeline',
            params: { workspaceId, programId },
          })
        }
        onSubmit={async (input) => {
          // The application page and the rubric are saved by their own sections; the program PUT
          // leaves them alone.
          const updated = await updateProgram(workspaceId, programId, input);
          queryClient.setQueryData(programQuery(workspaceId, programId).queryKey, updated);
          await queryClient.invalidateQueries({ queryKey: programsQuery(workspaceId).queryKey, exact: true });
          notifySuccess('Your changes are saved.', 'Program saved');
        }}
      />
      <Box mt="lg">
        <ApplicationFormEditor workspaceId={workspaceId} program={program} />
      </Box>
      <RubricEditor program={program} />
    </>
  );
}
