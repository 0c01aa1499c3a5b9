// The manager app's shell: header with the user menu, navbar with the workspace switcher and sections.
import {
  AppShell,
  Avatar,
  Burger,
  Center,
  Group,
  Menu,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingStore,
  IconCalendarStats,
  IconChecklist,
  IconChevronDown,
  IconEar,
  IconListSearch,
  IconLogout,
  IconMail,
  IconPhoto,
  IconSend,
  IconTargetArrow,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Logo } from '../../components/brand';
import { AnchorLink, NavLinkLink } from '../../components/links';
import { meQuery, signOut } from '../../features/workspaces/api';
import { useWorkspace, WorkspaceProvider } from '../../features/workspaces/workspace-context';
import { WorkspaceSwitcher } from '../../features/workspaces/workspace-switcher';

const route = getRouteApi('/w/$workspaceId');

export function ManagerLayout() {
  const { workspaceId } = route.useParams();
  const { data: me } = useSuspenseQuery(meQuery);
  const workspace = me.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) {
    return (
      <Center mih="70vh" p="xl">
        <Stack align="center" gap="xs" maw={460}>
          <Title order={2}>Workspace not found</Title>
          <Text c="dimmed" ta="center">
            This workspace does not exist or you are not a member of it. Ask an admin of that workspace to
            invite you.
          </Text>
          <AnchorLink to="/">Go to your workspaces</AnchorLink>
        </Stack>
      </Center>
    );
  }
  return (
    <WorkspaceProvider me={me} workspace={workspace}>
      <Shell />
    </WorkspaceProvider>
  );
}

function Shell() {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const { workspaceId, can, user } = useWorkspace();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const base = `/w/${workspaceId}`;
  const section = pathname.slice(base.length);
  const isPrograms = section === '' || section === '/' || section.startsWith('/programs');
  const isPeople = section.startsWith('/people') || section.startsWith('/creators');

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <AnchorLink
              to="/w/$workspaceId"
              params={{ workspaceId }}
              underline="never"
              c="inherit"
              aria-label="Troupe home"
            >
              <Logo size="sm" />
            </AnchorLink>
          </Group>
          <UserMenu name={user.name} email={user.email} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md">
        <Stack gap="md">
          <WorkspaceSwitcher onNavigate={close} />
          <nav aria-label="Sections">
            <Stack gap={2}>
              <NavLinkLink
                to="/w/$workspaceId"
                params={{ workspaceId }}
                activeOptions={{ exact: true }}
                label="Programs"
                leftSection={<IconTargetArrow size={18} />}
                active={isPrograms}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/people"
                params={{ workspaceId }}
                label="People"
                leftSection={<IconUsers size={18} />}
                active={isPeople}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/prospects"
                params={{ workspaceId }}
                label="Prospects"
                leftSection={<IconListSearch size={18} />}
                active={section.startsWith('/prospects')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/outreach"
                params={{ workspaceId }}
                label="Outreach"
                leftSection={<IconSend size={18} />}
                active={section.startsWith('/outreach')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/stores"
                params={{ workspaceId }}
                label="Stores & tracking"
                leftSection={<IconBuildingStore size={18} />}
                active={section.startsWith('/stores') || section.startsWith('/tracking-setup')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/content/review"
                params={{ workspaceId }}
                label="Review queue"
                leftSection={<IconChecklist size={18} />}
                active={section.startsWith('/content')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/listening"
                params={{ workspaceId }}
                label="Listening"
                leftSection={<IconEar size={18} />}
                active={section.startsWith('/listening')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/library"
                params={{ workspaceId }}
                search={{}}
                label="Library"
                leftSection={<IconPhoto size={18} />}
                active={section.startsWith('/library') || section.startsWith('/content/published')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/cadence"
                params={{ workspaceId }}
                search={{}}
                label="Cadence"
                leftSection={<IconCalendarStats size={18} />}
                active={section.startsWith('/cadence')}
                onClick={close}
              />
              <NavLinkLink
                to="/w/$workspaceId/members"
                params={{ workspaceId }}
                label="Members"
                leftSection={<IconUserShield size={18} />}
                active={section.startsWith('/members')}
                onClick={close}
              />
              {can('outbox.read') ? (
                <NavLinkLink
                  to="/w/$workspaceId/outbox"
                  params={{ workspaceId }}
                  label="Outbox"
                  leftSection={<IconMail size={18} />}
                  active={section.startsWith('/outbox')}
                  onClick={close}
                />
              ) : null}
            </Stack>
          </nav>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function UserMenu({ name, email }: { name: string; email: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const initials = name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="violet">
              {initials || '?'}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="xs" truncate maw={160}>
              {name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Text size="sm" px="sm" pb="xs" truncate>
          {email}
        </Text>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={14} />}
          onClick={async () => {
            await signOut().catch(() => undefined);
            queryClient.clear();
            await navigate({ to: '/signin' });
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
