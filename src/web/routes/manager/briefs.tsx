// A program's briefs (B1): the list with the stale flag, the editor that publishes a new version with a
// change note, the version history with what changed, archive, and "Check a caption".
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArchive, IconFileDescription, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyCard } from '../../components/empty-card';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import {
  archiveBrief,
  type BriefContent,
  type BriefDetail,
  type BriefSummary,
  briefDiffQuery,
  briefQuery,
  briefsQuery,
  createBrief,
  publishBrief,
} from '../../features/briefs/api';
import { BriefChanges } from '../../features/briefs/brief-changes';
import { BriefForm, emptyBriefContent, toBriefInput } from '../../features/briefs/brief-form';
import { CaptionCheckPanel } from '../../features/briefs/caption-check-panel';
import { programQuery } from '../../features/programs/api';
import { useWorkspace } from '../../features/workspaces/workspace-context';
import { formatDate, formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';

const route = getRouteApi('/w/$workspaceId/programs/$programId/briefs');

function BriefListItem(props: { brief: BriefSummary; selected: boolean; onSelect: () => void }) {
  const { brief, selected } = props;
  return (
    <UnstyledButton
      onClick={props.onSelect}
      aria-current={selected ? 'true' : undefined}
      p="sm"
      style={{
        borderRadius: 8,
        border: `1px solid var(--mantine-color-${selected ? 'violet-4' : 'gray-3'})`,
        background: selected ? 'var(--mantine-color-violet-0)' : undefined,
      }}
    >
      <Stack gap={4}>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {brief.title}
        </Text>
        <Group gap={6}>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {brief.campaign ?? 'Standing brief'}
          </Badge>
          <Badge variant="outline" radius="sm">
            v{brief.currentVersion}
          </Badge>
          {brief.isStale ? (
            <Badge color="orange" variant="light" radius="sm">
              Stale · {brief.ageDays} days
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          Updated {formatDate(brief.updatedAt)}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}

function History({ brief }: { brief: BriefDetail }) {
  const { workspaceId } = useWorkspace();
  const last = brief.currentVersion;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const diff = useQuery({
    ...briefDiffQuery(workspaceId, brief.programId, brief.id, from, to),
    enabled: last > 1,
  });
  const options = brief.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
  return (
    <Stack gap="md">
      {last > 1 ? (
        <Card withBorder radius="md" p="md">
          <Stack gap="sm">
            <Group gap="sm" align="flex-end">
              <Select
                label="Compare"
                data={options}
                value={String(from)}
                onChange={(v) => setFrom(Number(v ?? 1))}
                allowDeselect={false}
                w={160}
              />
              <Select
                label="with"
                data={options}
                value={String(to)}
                onChange={(v) => setTo(Number(v ?? last))}
                allowDeselect={false}
                w={160}
              />
            </Group>
            {diff.data ? <BriefChanges changes={diff.data.changes} /> : null}
          </Stack>
        </Card>
      ) : null}
      <Stack gap="xs" role="list" aria-label="Versions">
        {[...brief.versions].reverse().map((v) => (
          <Group key={v.version} role="listitem" align="flex-start" wrap="nowrap" gap="sm">
            <Badge variant={v.version === last ? 'filled' : 'outline'} radius="sm">
              v{v.version}
            </Badge>
            <Stack gap={0}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {v.changeNote || (v.version === 1 ? 'First version.' : 'No note.')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.createdAt)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

function SelectedBrief(props: { briefId: string; valuesRef: { current: BriefContent | null } }) {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: brief } = useSuspenseQuery(briefQuery(workspaceId, programId, props.briefId));
  const [archiveOpen, setArchiveOpen] = useState(false);
  const canWrite = can('briefs.write') && !brief.archivedAt;
  props.valuesRef.current ??= brief.current.content;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['briefs', workspaceId] });
  return (
    <Card withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz="h4">
              {brief.title}
            </Title>
            <Text size="sm" c="dimmed">
              {brief.campaign ? `Campaign: ${brief.campaign}` : 'The program’s standing brief'} · version{' '}
              {brief.currentVersion}, published {formatDate(brief.updatedAt)}
              {brief.archivedAt ? ` · archived ${formatDate(brief.archivedAt)}` : ''}
            </Text>
          </Stack>
          {canWrite ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconArchive size={16} />}
              onClick={() => setArchiveOpen(true)}
            >
              Archive
            </Button>
          ) : null}
        </Group>
        <Tabs defaultValue={canWrite ? 'edit' : 'history'} keepMounted={false}>
          <Tabs.List>
            {canWrite ? <Tabs.Tab value="edit">Edit and publish</Tabs.Tab> : null}
            <Tabs.Tab value="history">History ({brief.versions.length})</Tabs.Tab>
          </Tabs.List>
          {canWrite ? (
            <Tabs.Panel value="edit" pt="md">
              <BriefForm
                key={`${brief.id}-${brief.currentVersion}`}
                initial={brief.current.content}
                mode="publish"
                onValuesChange={(v) => {
                  props.valuesRef.current = v;
                }}
                onSubmit={async ({ content, changeNote }) => {
                  const updated = await publishBrief(workspaceId, programId, brief.id, {
                    content,
                    changeNote,
                  });
                  queryClient.setQueryData(briefQuery(workspaceId, programId, brief.id).queryKey, updated);
                  await refresh();
                  notifySuccess(
                    `Version ${updated.currentVersion} is what ambassadors see now.`,
                    'Brief published',
                  );
                }}
              />
            </Tabs.Panel>
          ) : null}
          <Tabs.Panel value="history" pt="md">
            <History brief={brief} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <ConfirmModal
        opened={archiveOpen}
        title="Archive this brief?"
        message="Ambassadors will no longer see it, and drafts are no longer checked against it. Its versions are kept."
        confirmLabel="Archive brief"
        onConfirm={async () => {
          await archiveBrief(workspaceId, programId, brief.id);
          await refresh();
          notifySuccess('The brief is archived.');
        }}
        onClose={() => setArchiveOpen(false)}
      />
    </Card>
  );
}

export function BriefsPage() {
  const { workspaceId, can } = useWorkspace();
  const { programId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: program } = useSuspenseQuery(programQuery(workspaceId, programId));
  const { data: briefs } = useSuspenseQuery(briefsQuery(workspaceId, programId));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const valuesRef = useRef<BriefContent | null>(null);
  const selected = briefs.find((b) => b.id === selectedId) ?? briefs[0];
  const canWrite = can('briefs.write');

  const select = (id: string | null) => {
    valuesRef.current = null;
    setSelectedId(id);
    setCreating(false);
  };

  const createForm = (
    <Card withBorder radius="lg" p="lg">
      <Title order={3} fz="h4" mb="md">
        New brief
      </Title>
      <BriefForm
        initial={emptyBriefContent()}
        mode="create"
        onValuesChange={(v) => {
          valuesRef.current = v;
        }}
        onCancel={briefs.length > 0 ? () => select(selected?.id ?? null) : undefined}
        onSubmit={async ({ content, campaign }) => {
          const created = await createBrief(workspaceId, programId, { campaign, content });
          await queryClient.invalidateQueries({ queryKey: ['briefs', workspaceId] });
          notifySuccess('Ambassadors in this program can read it in their portal now.', 'Brief created');
          select(created.id);
        }}
      />
    </Card>
  );

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
        title="Briefs"
        description="What ambassadors must include and avoid, how to disclose, formats and dates. Every draft is checked against the current version."
        actions={
          canWrite && briefs.length > 0 && !creating ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New brief
            </Button>
          ) : null
        }
      />
      {briefs.length === 0 && !creating ? (
        <EmptyCard
          icon={<IconFileDescription size={28} />}
          variant="light"
          title="No brief yet"
          description={
            canWrite
              ? 'Write the program’s standing brief: product names and mentions to include, what to avoid, how to disclose. Ambassadors see it in their portal and every draft is checked against it.'
              : 'A manager of this workspace can write the program’s brief.'
          }
          actions={
            canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                Write the brief
              </Button>
            ) : null
          }
        />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap="xs" role="list" aria-label="Briefs">
              {briefs.map((b) => (
                <BriefListItem
                  key={b.id}
                  brief={b}
                  selected={!creating && b.id === selected?.id}
                  onSelect={() => select(b.id)}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="lg">
              {creating || !selected ? (
                createForm
              ) : (
                <SelectedBrief key={selected.id} briefId={selected.id} valuesRef={valuesRef} />
              )}
              <CaptionCheckPanel
                programId={programId}
                brief={() =>
                  valuesRef.current
                    ? toBriefInput({ ...valuesRef.current, title: valuesRef.current.title.trim() || 'Draft' })
                    : null
                }
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
