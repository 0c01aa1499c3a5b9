// The portal's "Your link and code" card: the ambassador's active discount codes and live tracked links,
// with copy buttons, so they can put them in their captions (briefs ask for one). Readable at 390 px:
// each row stacks the value above its program and wraps long links anywhere.
import { Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type {
  PortalCode,
  PortalTrackedLink,
  PortalTracking,
} from '../../../server/modules/portal/portal-tracking.contract';
import { api } from '../../lib/api';

export type { PortalCode, PortalTrackedLink, PortalTracking };

export const portalTrackingQuery = queryOptions({
  queryKey: ['portal', 'tracking'],
  queryFn: () => api<PortalTracking>('/portal/tracking'),
  retry: false,
});

function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
          aria-label={`Copy ${label}`}
          style={{ flexShrink: 0 }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </CopyButton>
  );
}

function Row(props: { value: ReactNode; copy: string; label: string; detail: string }) {
  return (
    <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
      <Stack gap={0} style={{ minWidth: 0 }}>
        {props.value}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {props.detail}
        </Text>
      </Stack>
      <CopyValue value={props.copy} label={props.label} />
    </Group>
  );
}

export function PortalTrackingCard() {
  const { data } = useQuery(portalTrackingQuery);
  if (!data || (data.codes.length === 0 && data.links.length === 0)) return null;
  const programs = new Set([...data.codes, ...data.links].map((x) => x.programId));
  const named = (programName: string, extra?: string | null) =>
    programs.size > 1 || extra ? [programName, extra].filter(Boolean).join(' · ') : programName;
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-label="Your link and code">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconLink size={20} color="var(--mantine-color-violet-6)" style={{ flexShrink: 0 }} />
          <Title order={3} fz="h4">
            Your link and code
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Put your code or link in every caption, so the sales you bring are credited to you.
        </Text>
        {data.codes.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {data.codes.length === 1 ? 'Discount code' : 'Discount codes'}
            </Text>
            {data.codes.map((c) => (
              <Row
                key={c.id}
                label={`code ${c.code}`}
                copy={c.code}
                detail={named(c.programName, c.description)}
                value={
                  <Text ff="monospace" fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
                    {c.code}
                  </Text>
                }
              />
            ))}
          </Stack>
        ) : null}
        {data.links.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {data.links.length === 1 ? 'Tracked link' : 'Tracked links'}
            </Text>
            {data.links.map((l) => (
              <Row
                key={l.id}
                label={`link ${l.url}`}
                copy={l.url}
                detail={named(l.programName, l.campaign)}
                value={
                  <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {l.url}
                  </Text>
                }
              />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
