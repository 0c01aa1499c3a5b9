// The page for unknown addresses.
import { Center, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../components/links';

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" gap="xs">
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">
          There is nothing at this address. It may have moved, or the link is incomplete.
        </Text>
        <AnchorLink to="/">Go to your workspace</AnchorLink>
      </Stack>
    </Center>
  );
}
