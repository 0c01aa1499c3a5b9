// The pipeline page's header: the program's name, objective and status, and what the user may do with it
// (add or import people, export them, edit the program).
import { Badge, Button, Group } from '@mantine/core';
import {
  IconDownload,
  IconFileDescription,
  IconGavel,
  IconLink,
  IconPencil,
  IconReceipt,
} from '@tabler/icons-react';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { objectiveLabels, statusColors, statusLabels } from '../../lib/labels';
import { BriefStaleBadge } from '../briefs/stale-badge';
import { CodesNavButton } from '../codes/codes-nav-button';
import { AddOrImportButtons } from '../people/add-or-import-buttons';
import { exportCsvUrl } from '../people/api';
import type { Program } from '../programs/api';
import { useWorkspace } from '../workspaces/workspace-context';

export function PipelineHeader(props: { program: Program; onAdd: () => void; onImport: () => void }) {
  const { workspaceId, can } = useWorkspace();
  const { program } = props;
  const programId = program.id;
  return (
    <PageHeader
      above={
        <AnchorLink to="/w/$workspaceId" params={{ workspaceId }} size="sm">
          ← Programs
        </AnchorLink>
      }
      title={program.name}
      description={
        <Group gap={8} component="span">
          <Badge variant="light" radius="sm" component="span">
            {objectiveLabels[program.objective]}
          </Badge>
          <Badge variant="dot" color={statusColors[program.status]} radius="sm" component="span">
            {statusLabels[program.status]}
          </Badge>
          <BriefStaleBadge workspaceId={workspaceId} programId={programId} />
        </Group>
      }
      actions={
        <>
          <AddOrImportButtons
            addLabel="Add creator"
            onAdd={can('pipeline.move') ? props.onAdd : undefined}
            onImport={can('people.write') ? props.onImport : undefined}
          />
          <Button
            component="a"
            href={exportCsvUrl(workspaceId, { programId })}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/committee"
            params={{ workspaceId, programId }}
            variant="default"
            leftSection={<IconGavel size={16} />}
          >
            Committee
          </ButtonLink>
          <CodesNavButton workspaceId={workspaceId} programId={programId} />
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/briefs"
            params={{ workspaceId, programId }}
            variant="default"
            leftSection={<IconFileDescription size={16} />}
          >
            Briefs
          </ButtonLink>
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/conversions"
            params={{ workspaceId, programId }}
            variant="default"
            leftSection={<IconReceipt size={16} />}
          >
            Conversions
          </ButtonLink>
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/links"
            params={{ workspaceId, programId }}
            variant="default"
            leftSection={<IconLink size={16} />}
          >
            Links
          </ButtonLink>
          {can('programs.write') ? (
            <ButtonLink
              to="/w/$workspaceId/programs/$programId/edit"
              params={{ workspaceId, programId }}
              variant="subtle"
              leftSection={<IconPencil size={16} />}
            >
              Edit program
            </ButtonLink>
          ) : null}
        </>
      }
    />
  );
}
