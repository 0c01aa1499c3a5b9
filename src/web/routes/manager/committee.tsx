// A program's committee (PRODUCT R5, seed 001 "be selective"): the queue of applicants to review.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDownload, IconGavel, IconPencil } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { queueQuery } from '../../features/committee/api';
import { seatsText } from '../../features/committee/decision-panel';
import { QueueTable, queueCsv } from '../../features/committee/queue-table';
import { useWorkspace } from '../../features/workspaces/workspace-context';

const route = getRouteApi('/w/$workspaceId/programs/$programId/committee');

function downloadCsv(name: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function CommitteePage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const { data: queue } = useSuspenseQuery(queueQuery(workspaceId, programId));
  const { program, items } = queue;
  const toScore = items.filter((i) => i.myStatus === 'none').length;

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
        title={`Committee · ${program.name}`}
        description={`${seatsText(program)} · ${program.rubric.length} rubric criteria · ${
          toScore === 1 ? '1 applicant' : `${toScore} applicants`
        } for you to score. Scores stay hidden until you submit your own.`}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={items.length === 0}
              onClick={() => downloadCsv(`committee-${program.name}.csv`, queueCsv(items))}
            >
              Export CSV
            </Button>
            {can('programs.write') ? (
              <ButtonLink
                to="/w/$workspaceId/programs/$programId/edit"
                params={{ workspaceId, programId }}
                hash="rubric"
                variant="subtle"
                leftSection={<IconPencil size={16} />}
              >
                Edit rubric
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {program.rubric.length === 0 ? (
        <Alert color="yellow" title="This program has no rubric yet" mb="lg">
          <Group gap="xs">
            <Text size="sm">
              The committee scores applicants against the program’s criteria.{' '}
              {can('programs.write')
                ? 'Add them in the program editor (a suggested rubric is one click away).'
                : 'Ask a manager to add them in the program editor.'}
            </Text>
          </Group>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyCard
          icon={<IconGavel size={28} />}
          variant="light"
          title="No applicants to review"
          description="People appear here when they are in Applied, In review or Waitlisted. Move prospects to Applied on the pipeline, or share the program’s application page."
          actions={
            <ButtonLink
              to="/w/$workspaceId/programs/$programId/pipeline"
              params={{ workspaceId, programId }}
              variant="light"
            >
              Open the pipeline
            </ButtonLink>
          }
        />
      ) : (
        <QueueTable programId={programId} items={items} />
      )}
    </>
  );
}
