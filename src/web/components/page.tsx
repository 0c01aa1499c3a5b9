// Shared page furniture: a page header with title and actions, a centered loader, and a route error view.
import { Alert, Box, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { messageOf } from '../lib/problems';

export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}) {
  return (
    <Box mb="lg">
      {props.above}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {props.title}
          </Title>
          {props.description ? (
            <Text c="dimmed" size="sm">
              {props.description}
            </Text>
          ) : null}
        </Stack>
        {props.actions ? (
          <Group gap="sm" wrap="wrap">
            {props.actions}
          </Group>
        ) : null}
      </Group>
    </Box>
  );
}

export function PageLoader() {
  return (
    <Center h={240} aria-busy="true">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Shows why a page could not load, with a retry; 404s read as "not found", not as failures. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const isNotFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert
      color={isNotFound ? 'gray' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={isNotFound ? 'Not found' : 'This page could not be loaded'}
      maw={640}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{messageOf(error)}</Text>
        {error instanceof ApiError && error.requestId && !isNotFound ? (
          <Text size="xs" c="dimmed">
            Request id: {error.requestId}
          </Text>
        ) : null}
        {onRetry && !isNotFound ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
