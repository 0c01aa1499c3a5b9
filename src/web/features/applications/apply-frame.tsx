// The frame every state of the public application page shares, and its closed, error and thank-you states.
import { Box, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Logo } from '../../components/brand';
import { isApiError } from '../../lib/api';
import { messageOf } from '../../lib/problems';
import type { ApplicationReceipt, PublicApplicationPage } from './api';

/** The frame every state of the page shares: brand on top, a card in the accent colour's border. */
export function Frame(props: { brand?: string; accent?: string; children: ReactNode }) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" py={{ base: 'md', sm: 'xl' }}>
      <Container size={640} px={{ base: 'xs', sm: 'md' }}>
        <Stack gap="md">
          {props.brand ? (
            <Text
              fw={750}
              fz="lg"
              c={props.accent}
              style={{ letterSpacing: '-0.01em' }}
              data-testid="brand-name"
            >
              {props.brand}
            </Text>
          ) : null}
          <Paper
            withBorder
            radius="lg"
            p={{ base: 'md', sm: 'xl' }}
            shadow="sm"
            style={props.accent ? { borderTop: `6px solid ${props.accent}` } : undefined}
          >
            {props.children}
          </Paper>
          <Box c="dimmed" style={{ alignSelf: 'center', opacity: 0.7 }} aria-label="Powered by Troupe">
            <Logo size="sm" />
          </Box>
        </Stack>
      </Container>
    </Box>
  );
}

/** The page could not be shown: closed (404) or failed to load, with a retry for the latter. */
export function ApplyUnavailable(props: { error: unknown; onRetry: () => void }) {
  const isClosed = isApiError(props.error, 404);
  return (
    <Frame>
      <Stack gap="sm">
        <Title order={1} fz="h2">
          {isClosed ? 'This application page is closed' : 'The page could not be loaded'}
        </Title>
        <Text c="dimmed">
          {isClosed
            ? 'The program may have stopped taking applications, or the link may be mistyped. If someone sent you this link, ask them for a current one.'
            : messageOf(props.error)}
        </Text>
        {isClosed ? null : (
          <Button variant="light" onClick={props.onRetry} style={{ alignSelf: 'flex-start' }}>
            Try again
          </Button>
        )}
      </Stack>
    </Frame>
  );
}

/** After sending: thanks, or the waitlist when the program was full. */
export function ApplyReceived(props: {
  page: PublicApplicationPage;
  receipt: ApplicationReceipt;
  name: string;
}) {
  const { page: p, receipt, name } = props;
  const isWaitlisted = receipt.status === 'waitlisted';
  return (
    <Frame brand={p.brandName} accent={p.accentColor}>
      <Stack gap="md" align="flex-start" role="status">
        {isWaitlisted ? (
          <IconHourglass size={40} color={p.accentColor} aria-hidden />
        ) : (
          <IconCircleCheck size={40} color={p.accentColor} aria-hidden />
        )}
        <Title order={1} fz="h2">
          {isWaitlisted ? `You're on the waitlist, ${name}` : `Thanks, ${name}!`}
        </Title>
        <Text>{receipt.message}</Text>
        <Text c="dimmed" size="sm">
          {isWaitlisted
            ? 'We have emailed you a confirmation. Nothing else to do for now.'
            : "We've emailed you a confirmation. Nothing else to do for now: we'll reply by email once we have read your application."}
        </Text>
      </Stack>
    </Frame>
  );
}
