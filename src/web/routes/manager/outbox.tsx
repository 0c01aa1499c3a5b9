// The outbox: every email Troupe sent (or recorded, when no SMTP server is set) for this workspace.
// Message text is untrusted and shown as text; URLs in it become links.
import { Badge, Box, Button, Code, Paper, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMail } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { ErrorView, PageHeader } from '../../components/page';
import { type OutboxMessage, outboxQuery } from '../../features/workspaces/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDateTime, formatRelative } from '../../lib/format';
import { LinkifiedText } from '../../lib/linkify';

const statusColors: Record<OutboxMessage['status'], string> = {
  recorded: 'gray',
  sent: 'teal',
  failed: 'red',
};
const statusLabels: Record<OutboxMessage['status'], string> = {
  recorded: 'Recorded',
  sent: 'Sent',
  failed: 'Failed',
};
const kindLabels: Record<string, string> = {
  'portal.sign_in_link': 'Portal sign-in link',
  'member.invitation': 'Team invitation',
  'committee.decision': 'Committee decision',
  'application.received': 'Application received',
  'application.waitlisted': 'Application waitlisted',
  'outreach.initial': 'Outreach',
  'outreach.follow_up': 'Outreach follow-up',
  'content.approved': 'Content approved',
  'content.changes_requested': 'Content changes requested',
  'cadence.reminder': 'Posting cadence reminder',
};

/** A kind without a label yet, in words: "code.assigned" → "Code assigned". */
function kindLabel(kind: string): string {
  const known = kindLabels[kind];
  if (known) return known;
  const words = kind.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function OutboxPage() {
  const { can } = useWorkspace();
  if (!can('outbox.read')) {
    return (
      <>
        <PageHeader title="Outbox" />
        <ErrorView error={new Error('Only owners and admins can read the outbox.')} />
      </>
    );
  }
  return <Outbox />;
}

function Outbox() {
  const { workspaceId } = useWorkspace();
  const { data } = useSuspenseQuery(outboxQuery(workspaceId));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Troupe sent for this workspace. Without an SMTP server, messages are recorded here only — you can copy links from them."
      />
      {data.items.length === 0 ? (
        <EmptyCard
          icon={<IconMail size={28} />}
          variant="light"
          title="No emails yet"
          description="Invitations to teammates and portal sign-in links for ambassadors will appear here."
        />
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label="Outbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => {
                  const isOpen = open.has(m.id);
                  const Icon = isOpen ? IconChevronDown : IconChevronRight;
                  return (
                    <Fragment key={m.id}>
                      <Table.Tr>
                        <Table.Td>
                          <Button
                            variant="subtle"
                            color="gray"
                            size="compact-xs"
                            px={4}
                            onClick={() => toggle(m.id)}
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? `msg-${m.id}` : undefined}
                            aria-label={`${isOpen ? 'Hide' : 'Show'} message to ${m.to}: ${m.subject}`}
                          >
                            <Icon size={16} />
                          </Button>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{m.to}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500} style={{ cursor: 'pointer' }} onClick={() => toggle(m.id)}>
                            {m.subject}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{kindLabel(m.kind)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            color={statusColors[m.status]}
                            variant="light"
                            radius="sm"
                            title={m.error ?? undefined}
                          >
                            {statusLabels[m.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" title={formatDateTime(m.createdAt)}>
                            {formatRelative(m.createdAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                      {isOpen ? (
                        <Table.Tr>
                          <Table.Td colSpan={6} p={0}>
                            <Box id={`msg-${m.id}`} px="md" py="sm" bg="var(--mantine-color-gray-0)">
                              {m.error ? (
                                <Text size="sm" c="red" mb="xs">
                                  Delivery failed: {m.error}
                                </Text>
                              ) : null}
                              <Code
                                block
                                aria-label={`Message to ${m.to}`}
                                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 13 }}
                              >
                                <LinkifiedText text={m.text} />
                              </Code>
                            </Box>
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
