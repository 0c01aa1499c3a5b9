// Cadence (B6): a program's agreed pieces per month and format against what each active ambassador
// published, as charts and a "behind cadence" table with reminders (once per ambassador per month).
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconBell, IconCalendarStats, IconDownload } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { EmptyCard } from '../../components/empty-card';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  type AmbassadorCadenceView,
  type CadenceReportView,
  cadenceQuery,
  sendReminders,
} from '../../features/library/api';
import { programsQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate } from '../../lib/format';
import { type ContentFormat, formatLabels } from '../../lib/labels';
import { notifySuccess, notifyWarning } from '../../lib/notify';
import { messageOf } from '../../lib/problems';

const charts = () => import('../../features/library/cadence-charts');
const CohortChart = lazy(() => charts().then((m) => ({ default: m.CohortChart })));
const AmbassadorChart = lazy(() => charts().then((m) => ({ default: m.AmbassadorChart })));

const route = getRouteApi('/w/$workspaceId/cadence');
const statusColors = { met: 'teal', on_track: 'blue', behind: 'orange' } as const;
const statusLabels = { met: 'Met', on_track: 'On track', behind: 'Behind' } as const;

type AmbassadorCadence = AmbassadorCadenceView;

function formatsText(a: AmbassadorCadence) {
  return a.formats
    .filter((f) => f.required > 0 || f.delivered > 0)
    .map((f) => `${formatLabels[f.format as ContentFormat] ?? f.format} ${f.delivered}/${f.required}`)
    .join(' · ');
}

function csvOf(report: CadenceReportView): string {
  const cell = (v: string | number) => {
    const s = String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [
    ['ambassador', 'handle', 'status', 'required', 'delivered', 'remaining', 'formats', 'reminded_at'],
    ...report.ambassadors.map((a) => [
      a.name,
      a.handle ?? '',
      a.status,
      a.required,
      a.delivered,
      a.remaining,
      formatsText(a),
      a.remindedAt ?? '',
    ]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export function CadencePage() {
  const { workspaceId, can } = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const withCadence = programs.filter((p) => p.cadence.length > 0);
  const programId = search.programId ?? withCadence[0]?.id ?? programs[0]?.id;
  if (!programId)
    return (
      <>
        <PageHeader title="Cadence" />
        <EmptyCard
          icon={<IconCalendarStats size={28} />}
          variant="light"
          title="No programs yet"
          description="Create a program and set its content cadence (pieces per month by format) in its terms."
          actions={
            <ButtonLink to="/w/$workspaceId/programs/new" params={{ workspaceId }}>
              New program
            </ButtonLink>
          }
        />
      </>
    );
  return (
    <>
      <PageHeader
        title="Cadence"
        description="Agreed pieces per month against what each active ambassador published. In the current month, “due by now” is the requirement pro-rated by the day (rounded down): below it is behind."
        actions={
          <Group gap="sm">
            <Select
              aria-label="Program"
              data={programs.map((p) => ({ value: p.id, label: p.name }))}
              value={programId}
              onChange={(v) => v && navigate({ search: (old) => ({ ...old, programId: v }) })}
              allowDeselect={false}
              w={220}
            />
            <TextInput
              type="month"
              aria-label="Month"
              value={search.month ?? new Date().toISOString().slice(0, 7)}
              onChange={(e) => {
                // Read now: React may have let go of the event by the time the router calls back.
                const month = e.currentTarget.value || undefined;
                void navigate({ search: (old) => ({ ...old, month }) });
              }}
              w={170}
            />
          </Group>
        }
      />
      <CadenceReport
        workspaceId={workspaceId}
        programId={programId}
        month={search.month}
        canRemind={can('content.write')}
      />
    </>
  );
}

function CadenceReport(props: {
  workspaceId: string;
  programId: string;
  month: string | undefined;
  canRemind: boolean;
}) {
  const queryClient = useQueryClient();
  const { data: report } = useSuspenseQuery(cadenceQuery(props.workspaceId, props.programId, props.month));
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remind = async (ids: string[], key: string) => {
    setSending(key);
    setError(null);
    try {
      const result = await sendReminders(props.workspaceId, props.programId, ids);
      if (result.sent.length > 0)
        notifySuccess(
          `Reminder sent to ${result.sent.length} ${result.sent.length === 1 ? 'ambassador' : 'ambassadors'}.`,
        );
      if (result.skipped.length > 0)
        notifyWarning(result.skipped.map((s) => s.reason).join('; '), 'Some were skipped');
      await queryClient.invalidateQueries({ queryKey: ['library', props.workspaceId, 'cadence'] });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(null);
    }
  };
  if (report.requirement.length === 0)
    return (
      <EmptyCard
        icon={<IconCalendarStats size={28} />}
        variant="light"
        title="This program has no cadence"
        description="Set the pieces per month by format in the program’s terms (e.g. 2 feed posts and 1 reel a month)."
        actions={
          <ButtonLink
            to="/w/$workspaceId/programs/$programId/edit"
            params={{ workspaceId: props.workspaceId, programId: props.programId }}
          >
            Edit program
          </ButtonLink>
        }
      />
    );
  const canRemindNow = props.canRemind && report.period === 'current';
  const dueReminders = report.behind.filter((a) => !a.remindedAt && a.email);
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(csvOf(report))}`;
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {report.requirement
          .map((r) => `${r.perMonth} × ${formatLabels[r.format as ContentFormat]}`)
          .join(', ')}{' '}
        a month ·{' '}
        {report.period === 'current'
          ? `day ${report.elapsedDays} of ${report.daysInMonth}`
          : report.period === 'past'
            ? 'month closed'
            : 'not started'}{' '}
        · {report.ambassadors.length} active {report.ambassadors.length === 1 ? 'ambassador' : 'ambassadors'}
      </Text>
      {report.ambassadors.length === 0 ? (
        <EmptyCard
          icon={<IconCalendarStats size={28} />}
          variant="light"
          title="No active ambassadors"
          description="Cadence counts ambassadors in the Active stage. Move onboarded people to Active on the pipeline."
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder radius="lg" p="md">
              <Title order={3} size="h5" mb="sm">
                Cohort: required vs delivered
              </Title>
              <Suspense fallback={<div style={{ height: 220 }} />}>
                <CohortChart report={report} />
              </Suspense>
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Title order={3} size="h5" mb="sm">
                Per ambassador
              </Title>
              <Suspense fallback={<div style={{ height: 160 }} />}>
                <AmbassadorChart report={report} />
              </Suspense>
            </Paper>
          </SimpleGrid>

          <section aria-labelledby="behind-title">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="behind-title">
                Behind cadence ({report.behind.length})
              </Title>
              <Group gap="xs">
                <Button
                  component="a"
                  href={csvHref}
                  download={`cadence-${report.month}.csv`}
                  size="xs"
                  variant="default"
                  leftSection={<IconDownload size={14} />}
                >
                  CSV
                </Button>
                {canRemindNow && dueReminders.length > 1 ? (
                  <Button
                    size="xs"
                    leftSection={<IconBell size={14} />}
                    loading={sending === 'all'}
                    onClick={() =>
                      remind(
                        dueReminders.map((a) => a.ambassadorId),
                        'all',
                      )
                    }
                  >
                    Remind all {dueReminders.length}
                  </Button>
                ) : null}
              </Group>
            </Group>
            {error ? (
              <Alert color="red" mb="sm">
                {error}
              </Alert>
            ) : null}
            {report.behind.length === 0 ? (
              <EmptyCard
                icon={<IconCalendarStats size={28} />}
                variant="light"
                title="Nobody is behind"
                description="Every active ambassador is on track or has delivered this month’s pieces."
              />
            ) : (
              <Paper withBorder radius="lg">
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="sm" aria-label="Behind cadence">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Ambassador</Table.Th>
                        <Table.Th>Delivered / required</Table.Th>
                        <Table.Th ta="right">Remaining</Table.Th>
                        <Table.Th>Reminder</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.behind.map((a) => (
                        <Table.Tr key={a.ambassadorId}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {a.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {a.handle ?? a.email ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{formatsText(a)}</Text>
                          </Table.Td>
                          <Table.Td ta="right">{a.remaining}</Table.Td>
                          <Table.Td>
                            {a.remindedAt ? (
                              <Badge variant="light" color="gray">
                                Reminded {formatDate(a.remindedAt)}
                              </Badge>
                            ) : !a.email ? (
                              <Text size="xs" c="dimmed">
                                No email address
                              </Text>
                            ) : canRemindNow ? (
                              <Button
                                size="xs"
                                variant="light"
                                leftSection={<IconBell size={14} />}
                                loading={sending === a.ambassadorId}
                                onClick={() => remind([a.ambassadorId], a.ambassadorId)}
                                aria-label={`Send reminder to ${a.name}`}
                              >
                                Send reminder
                              </Button>
                            ) : (
                              <Text size="xs" c="dimmed">
                                Only for the current month
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </section>

          <section aria-labelledby="all-title">
            <Title order={3} size="h4" mb="sm" id="all-title">
              Everyone
            </Title>
            <Paper withBorder radius="lg">
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" aria-label="Cadence per ambassador">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Ambassador</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Formats</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.ambassadors.map((a) => (
                      <Table.Tr key={a.ambassadorId}>
                        <Table.Td>
                          <Text size="sm">{a.name}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={statusColors[a.status]}>
                            {statusLabels[a.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatsText(a)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </section>
        </>
      )}
    </Stack>
  );
}
