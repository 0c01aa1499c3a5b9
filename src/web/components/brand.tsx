// Troupe's wordmark and the centered card layout used by sign-in, sign-up and invitation pages.
import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function Logo({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'sm' ? 28 : 34} radius="md" variant="filled" aria-hidden>
        <IconUsersGroup size={size === 'sm' ? 17 : 20} />
      </ThemeIcon>
      <Text fw={750} fz={size === 'sm' ? 'lg' : 'xl'} style={{ letterSpacing: '-0.02em' }}>
        Troupe
      </Text>
    </Group>
  );
}

export function AuthCard(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <Logo />
          </Center>
          <Paper withBorder shadow="sm" p="xl" radius="lg">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={2} fz="h3">
                  {props.title}
                </Title>
                {props.subtitle ? (
                  <Text c="dimmed" size="sm">
                    {props.subtitle}
                  </Text>
                ) : null}
              </Stack>
              {props.children}
            </Stack>
          </Paper>
          {props.footer ? (
            <Text ta="center" size="sm" c="dimmed">
              {props.footer}
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
