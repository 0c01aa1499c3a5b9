// A program's discount codes (T2) and leaked-code alerts (T6).
import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconRadar, IconSearch, IconTicket } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { AlertsPanel } from '../../features/codes/alerts-panel';
import {
  alertsQuery,
  codesKey,
  codesQuery,
  exportCodesUrl,
  type IssueResult,
  issueAll,
  issueOne,
  type RotateResult,
  scanNow,
} from '../../features/codes/api';
import { CodesTable } from '../../features/codes/codes-table';
import { programQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { notifyError, notifySuccess, notifyWarning } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/programs/$programId/codes');

export function CodesPage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: list } = useSuspenseQuery(codesQuery(workspaceId, programId));
  const { data: alerts } = useSuspenseQuery(alertsQuery(workspaceId, programId));
  const [busy, setBusy] = useState<'issue' | 'scan' | null>(null);
  const [skipped, setSkipped] = useState<IssueResult['skipped']>([]);
  const [rotated, setRotated] = useState<RotateResult | null>(null);
  const canWrite = can('tracking.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: codesKey(workspaceId, programId) });
  const active = list.items.filter((c) => c.status === 'active').length;
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? list.items.filter(
        (c) => c.code.toLowerCase().includes(needle) || c.ambassadorName.toLowerCase().includes(needle),
      )
    : list.items;

  const issue = async () => {
    setBusy('issue');
    try {
      const result = await issueAll(workspaceId, programId);
      setSkipped(result.skipped);
      if (result.issued.length > 0) notifySuccess(`Issued ${result.issued.map((c) => c.code).join(', ')}.`);
      else if (result.eligible === 0)
        notifyWarning(
          'No code issued: codes go to onboarding or active ambassadors, and this program has none yet. Move accepted creators along the pipeline first.',
        );
      else if (result.skipped.length > 0)
        notifyWarning('No code issued: the ambassadors listed below need a handle or a code typed by hand.');
      else notifySuccess('Every onboarding or active ambassador already has a code.');
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        above={
          <AnchorLink
            to="/w/$workspaceId/programs/$programId/pipeline"
            params={{ workspaceId, programId }}
            size="sm"
          >
            ← {program.name}
          </AnchorLink>
        }
        title={
          <Group gap="sm" component="span">
            Discount codes
            {alerts.items.length > 0 ? (
              <Badge color="red" variant="filled" aria-label={`${alerts.items.length} leak alerts`}>
                {alerts.items.length} {alerts.items.length === 1 ? 'alert' : 'alerts'}
              </Badge>
            ) : null}
          </Group>
        }
        description={`One code per ambassador from the pattern ${list.pattern} (${list.percent}% off), e.g. JANE${list.percent}. Codes compare case-insensitively; ${active} active.`}
        actions={
          <>
            {canWrite ? (
              <Button leftSection={<IconTicket size={16} />} loading={busy === 'issue'} onClick={issue}>
                Issue codes for all
              </Button>
            ) : null}
            <Button
              component="a"
              href={exportCodesUrl(workspaceId, programId)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={list.items.length === 0}
            >
              Export CSV
            </Button>
            {canWrite ? (
              <Button
                variant="default"
                leftSection={<IconRadar size={16} />}
                loading={busy === 'scan'}
                onClick={async () => {
                  setBusy('scan');
                  try {
                    const r = await scanNow(workspaceId, programId);
                    notifySuccess(
                      `Scanned ${r.scanned} active codes over 30 days: ${r.raised} new alerts, ${r.open} open.`,
                    );
                    await refresh();
                  } catch (e) {
                    notifyError(e);
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                Scan for leaks
              </Button>
            ) : null}
          </>
        }
      />
      {rotated ? (
        <Alert
          color="teal"
          mb="lg"
          radius="lg"
          withCloseButton
          onClose={() => setRotated(null)}
          title="Code rotated"
        >
          <Text size="sm">
            <Text span ff="monospace" td="line-through">
              {rotated.retired.code}
            </Text>{' '}
            →{' '}
            <Text span ff="monospace" fw={700}>
              {rotated.issued.code}
            </Text>{' '}
            for {rotated.issued.ambassadorName}. Tell them their new code.
          </Text>
        </Alert>
      ) : null}
      <AlertsPanel programId={programId} alerts={alerts.items} onRotated={setRotated} />
      {skipped.length > 0 ? <SkippedPanel skipped={skipped} onDone={refresh} /> : null}
      {list.items.length === 0 ? (
        <EmptyCard
          icon={<IconTicket size={32} />}
          title="No codes yet"
          description={
            canWrite
              ? `Issue codes to every onboarding or active ambassador from the pattern ${list.pattern}; each gets one they can share (like JANE${list.percent}). Export them as CSV for your store, or create them in Shopify.`
              : 'A manager issues codes to the program’s ambassadors here.'
          }
          actions={
            canWrite ? (
              <Button onClick={issue} loading={busy === 'issue'}>
                Issue codes for all
              </Button>
            ) : null
          }
        />
      ) : (
        <>
          <TextInput
            aria-label="Search codes"
            placeholder="Search by code or ambassador"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={360}
            mb="sm"
          />
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              No code or ambassador matches “{search.trim()}”.
            </Text>
          ) : (
            <CodesTable
              programId={programId}
              items={shown}
              hasShopify={list.hasShopify}
              onRotated={setRotated}
            />
          )}
        </>
      )}
    </>
  );
}

/** Ambassadors the pattern could not serve, each with a field to give them a code by hand. */
function SkippedPanel(props: { skipped: IssueResult['skipped']; onDone: () => Promise<unknown> }) {
  const { workspaceId } = useWorkspace();
  const [left, setLeft] = useState(props.skipped);
  const [values, setValues] = useState<Record<string, string>>({});
  if (left.length === 0) return null;
  return (
    <Alert color="yellow" radius="lg" mb="lg" title="Some ambassadors need a code by hand">
      <Stack gap="xs">
        {left.map((s) => (
          <Group key={s.ambassadorId} gap="xs" align="flex-end">
            <TextInput
              label={s.name}
              description={s.reason}
              placeholder="e.g. FLO15"
              value={values[s.ambassadorId] ?? ''}
              onChange={(e) => setValues({ ...values, [s.ambassadorId]: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Button
              onClick={async () => {
                try {
                  const code = await issueOne(workspaceId, s.ambassadorId, values[s.ambassadorId]);
                  notifySuccess(`${s.name} has ${code.code}.`);
                  setLeft(left.filter((x) => x.ambassadorId !== s.ambassadorId));
                  await props.onDone();
                } catch (e) {
                  notifyError(e);
                }
              }}
            >
              Issue
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
