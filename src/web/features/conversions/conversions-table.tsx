// The conversions table: each order with its amount, the credit left after refunds, who was credited and
// how (code / click / both), and — expanded — the reason, the evidence and what was set aside and why.
import { ActionIcon, Badge, Code, Group, List, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { formatCount, formatDateTime, formatMoney } from '../../lib/format';
import { kindLabels } from '../stores/kinds';
import type { Conversion } from './api';

/** The connection an order came from, with the pixel marked: its orders are self-reported by a browser. */
export function SourceCell({ connection }: { connection: Conversion['connection'] }) {
  const kind = kindLabels[connection.kind];
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed">
        {kind} · {connection.name}
      </Text>
      {connection.verified ? null : (
        <Tooltip
          label="Reported by the conversion pixel from the customer’s browser: anyone can send one, so it is not verified by your store. If a store is connected too, its report of the same order replaces this one."
          multiline
          w={320}
        >
          <Badge color="yellow" variant="light" size="xs">
            unverified (pixel)
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

export const methodLabels = { code: 'Code', click: 'Click', both: 'Code + click' } as const;
const methodColors = { code: 'grape', click: 'blue', both: 'teal' } as const;

const rejectionLabels: Record<string, string> = {
  self_referral: 'Self-referral',
  outside_window: 'Outside window',
  no_match: 'No code or click',
  bot_click_only: 'Bot click only',
};

function StatusBadges({ c }: { c: Conversion }) {
  if (c.cancelledAt) {
    return (
      <Badge color="red" variant="light">
        Cancelled
      </Badge>
    );
  }
  if (c.refundedMinor >= c.amountMinor && c.amountMinor > 0) {
    return (
      <Badge color="red" variant="light">
        Refunded
      </Badge>
    );
  }
  if (c.refundedMinor > 0) {
    return (
      <Badge color="orange" variant="light">
        Partly refunded
      </Badge>
    );
  }
  return null;
}

function setAsideText(
  s: NonNullable<Conversion['evidence']>['setAside'][number],
  precedence: 'code' | 'click',
) {
  const what = s.method === 'code' ? `Code ${s.code ?? ''}` : `Click ${s.clickId ?? ''}`;
  if (s.why === 'self_referral')
    return `${what} of ${s.ambassadorName}: set aside, the customer is the ambassador (self-referral).`;
  return `${what} of ${s.ambassadorName}: set aside — ${precedence === 'code' ? 'code wins over click' : 'click wins over code'} by program rule.`;
}

function Details({ c }: { c: Conversion }) {
  const e = c.evidence;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
      <Stack gap={6}>
        <Text size="sm">{c.reason ?? 'No attribution recorded.'}</Text>
        {e ? (
          <Group gap="lg" wrap="wrap">
            {e.code ? (
              <Text size="xs">
                Code <Code>{e.code}</Code>
              </Text>
            ) : null}
            {e.clickId ? (
              <Text size="xs">
                Click <Code>{e.clickId}</Code>
                {e.clickAt ? ` at ${formatDateTime(e.clickAt)}` : ''}
                {e.clickAgeDays === undefined
                  ? ''
                  : e.clickAgeDays === 0
                    ? ' (less than a day before the order)'
                    : ` (${formatCount(e.clickAgeDays, 'day')} before the order)`}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              Window {e.windowDays} days · {e.precedence === 'code' ? 'code' : 'click'} wins a conflict
            </Text>
          </Group>
        ) : null}
        {c.refusedClick ? (
          <Text size="xs">
            Click <Code>{c.refusedClick.clickId}</Code> on {c.refusedClick.ambassadorName}’s link at{' '}
            {formatDateTime(c.refusedClick.at)}
            {c.refusedClick.isBot ? ', made by a bot or link preview' : ''}
          </Text>
        ) : null}
        {e && e.setAside.length > 0 ? (
          <List size="xs" spacing={2}>
            {e.setAside.map((s) => (
              <List.Item key={`${s.ambassadorId}-${s.method}-${s.code ?? s.clickId}`}>
                {setAsideText(s, e.precedence)}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Group gap="lg" wrap="wrap">
          <Text size="xs" c="dimmed">
            Customer: {c.customerEmail ?? '—'}
          </Text>
          <Text size="xs" c="dimmed">
            Codes on the order: {c.codes.length > 0 ? c.codes.join(', ') : '—'}
          </Text>
          <Text size="xs" c="dimmed">
            Came from: {c.referrerDomain ?? '—'}
          </Text>
          {c.landingUrl ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              Landing page: {c.landingUrl}
            </Text>
          ) : null}
        </Group>
        {c.refunds.length > 0 ? (
          <List size="xs" spacing={2}>
            {c.refunds.map((r) => (
              <List.Item key={`${r.kind}-${r.externalId}`}>
                {r.kind === 'cancellation'
                  ? `Cancelled ${formatDateTime(r.occurredAt)}: no credit kept.`
                  : r.cumulative
                    ? `Refunded so far (store’s running total): ${formatMoney(r.amountMinor, c.currency)} on ${formatDateTime(r.occurredAt)}; counts only where it exceeds the listed refunds.`
                    : `Refund ${r.externalId}: ${formatMoney(r.amountMinor, c.currency)} on ${formatDateTime(r.occurredAt)}.`}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function ConversionsTable({ items }: { items: Conversion[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover aria-label="Conversions" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>Date</Table.Th>
            <Table.Th>Order</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Credited</Table.Th>
            <Table.Th>Ambassador</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const isOpen = open.has(c.id);
            return (
              <Fragment key={c.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(c.id)}
                      aria-expanded={isOpen}
                      aria-label={`${isOpen ? 'Hide' : 'Show'} evidence for order ${c.externalId}`}
                    >
                      {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(c.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {c.externalId}
                    </Text>
                    <SourceCell connection={c.connection} />
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(c.amountMinor, c.currency)}</Table.Td>
                  <Table.Td ta="right">
                    {c.ambassador ? formatMoney(c.creditedMinor, c.currency) : <Text c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td>
                    {c.ambassador ? (
                      <Text size="sm">{c.ambassador.name}</Text>
                    ) : (
                      <Tooltip label={c.reason ?? ''} disabled={!c.reason} multiline w={320}>
                        <Badge color="gray" variant="light">
                          {rejectionLabels[c.rejectedReason ?? ''] ?? 'Not credited'}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.method ? (
                      <Group gap={4} wrap="nowrap">
                        <Badge color={methodColors[c.method]} variant="light">
                          {methodLabels[c.method]}
                        </Badge>
                        {c.evidence?.setAside.some((s) => s.why === 'precedence') ? (
                          <Tooltip label="Another ambassador’s evidence was set aside by the program rule; open for details">
                            <Badge color="yellow" variant="outline">
                              Conflict
                            </Badge>
                          </Tooltip>
                        ) : null}
                      </Group>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadges c={c} />
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Details c={c} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
