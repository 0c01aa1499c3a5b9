// The ambassador portal's own layout: mobile-first, a header with the two sections and sign out.
import { Alert, Box, Button, Container, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Logo } from '../../components/brand';
import { PageLoader } from '../../components/page';
import { portalMeQuery, portalSignOut } from '../../features/portal/api';
import { messageOf } from '../../lib/problems';

export function PortalLayout() {
  const me = useQuery(portalMeQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const tab = pathname.startsWith('/portal/profile')
    ? 'profile'
    : pathname.startsWith('/portal/content')
      ? 'content'
      : pathname.startsWith('/portal/posts')
        ? 'posts'
        : 'programs';

  const leave = async () => {
    await portalSignOut().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/portal/signin' });
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" px="md">
          <Group justify="space-between" h={56} wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Logo size="sm" />
              <Text size="sm" c="dimmed" visibleFrom="xs">
                Ambassador portal
              </Text>
            </Group>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconLogout size={14} />}
              onClick={() => void leave()}
            >
              Sign out
            </Button>
          </Group>
          {me.isSuccess ? (
            <Tabs
              value={tab}
              onChange={(value) =>
                void navigate({
                  to:
                    value === 'profile'
                      ? '/portal/profile'
                      : value === 'content'
                        ? '/portal/content'
                        : value === 'posts'
                          ? '/portal/posts'
                          : '/portal',
                })
              }
              variant="default"
            >
              {/* One row at any width: short labels, and the row scrolls sideways rather than wrapping. */}
              <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'none' }}>
                <Tabs.Tab value="programs">Programs</Tabs.Tab>
                <Tabs.Tab value="content">Content</Tabs.Tab>
                <Tabs.Tab value="posts">Posts</Tabs.Tab>
                <Tabs.Tab value="profile">Profile</Tabs.Tab>
              </Tabs.List>
            </Tabs>
          ) : null}
        </Container>
      </Box>
      <Container size="sm" px="md" py="lg" component="main">
        {me.isPending ? (
          <PageLoader />
        ) : me.isError ? (
          <Stack>
            <Alert color="orange" title="The portal is for ambassadors" role="alert">
              {messageOf(me.error)}
            </Alert>
            <Button variant="default" onClick={() => void leave()}>
              Sign out and use my ambassador email
            </Button>
          </Stack>
        ) : (
          <Outlet />
        )}
      </Container>
    </Box>
  );
}
