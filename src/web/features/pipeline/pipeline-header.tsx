// The pipeline page's header: the program's name, objective and status, and what the user may do with it
// (add or import people, export them, edit the program), with its tracking pages under one "Tracking" menu.
import { Badge, Button, Group, Menu, type MenuItemProps } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileDescription,
  IconGavel,
  IconLink,
  IconPencil,
  IconReceipt,
  IconRoute,
  IconSettings,
  IconTicket,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { objectiveLabels, statusColors, statusLabels } from '../../lib/labels';
import { BriefStaleBadge } from '../briefs/stale-badge';
import { alertsQuery } from '../codes/api';
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
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/briefs"
            params={{ workspaceId, programId }}
            variant="default"
            leftSection={<IconFileDescription size={16} />}
          >
            Briefs
          </ButtonLink>
          <TrackingMenu workspaceId={workspaceId} programId={programId} />
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

function MenuItemBase({
  ref,
  ...props
}: MenuItemProps &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> }) {
  return <Menu.Item component="a" ref={ref} {...props} />;
}

/** A menu entry that navigates to a route (typed `to`/`params`). */
const MenuItemLink = createLink(MenuItemBase);

/** The program's tracking pages in one menu; the open leaked-code alerts show on the button. */
function TrackingMenu(props: { workspaceId: string; programId: string }) {
  const { data } = useQuery(alertsQuery(props.workspaceId, props.programId));
  const alerts = data?.items.length ?? 0;
  const params = { workspaceId: props.workspaceId, programId: props.programId };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconRoute size={16} />}
          rightSection={
            <Group gap={6} wrap="nowrap">
              {alerts > 0 ? (
                <Badge color="red" size="sm" circle aria-label={`${alerts} leak alerts`}>
                  {alerts}
                </Badge>
              ) : null}
              <IconChevronDown size={14} />
            </Group>
          }
        >
          Tracking
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuItemLink
          to="/w/$workspaceId/programs/$programId/links"
          params={params}
          leftSection={<IconLink size={16} />}
        >
          Links
        </MenuItemLink>
        <MenuItemLink
          to="/w/$workspaceId/programs/$programId/codes"
          params={params}
          leftSection={<IconTicket size={16} />}
          rightSection={
            alerts > 0 ? (
              <Badge color="red" size="sm" circle aria-label={`${alerts} leak alerts`}>
                {alerts}
              </Badge>
            ) : undefined
          }
        >
          Codes
        </MenuItemLink>
        <MenuItemLink
          to="/w/$workspaceId/programs/$programId/conversions"
          params={params}
          leftSection={<IconReceipt size={16} />}
        >
          Conversions
        </MenuItemLink>
        <MenuItemLink
          to="/w/$workspaceId/programs/$programId/tracking"
          params={params}
          leftSection={<IconSettings size={16} />}
        >
          Tracking settings
        </MenuItemLink>
      </Menu.Dropdown>
    </Menu>
  );
}
