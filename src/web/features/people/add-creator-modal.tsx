// Adds an existing creator to a program's pipeline, searching creators on the server as you type.
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { stageLabels } from '../../../core/pipeline/stages';
import { InlineError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { formatCompact } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { messageOf } from '../../lib/problems';
import { useWorkspace } from '../workspaces/workspace-context';
import { addAmbassador, creatorsQuery } from './api';

const entryStages = ['prospect', 'invited', 'applied'] as const;
type EntryStage = (typeof entryStages)[number];

export function AddCreatorModal(props: {
  opened: boolean;
  onClose: () => void;
  programId: string;
  programName: string;
  existingCreatorIds: ReadonlySet<string>;
}) {
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [creatorId, setCreatorId] = useState<string | null>(null);
  const [stage, setStage] = useState<EntryStage>('prospect');
  const [error, setError] = useState<string | null>(null);
  const results = useQuery({
    ...creatorsQuery(workspaceId, { q: debounced.trim() || undefined, limit: 20 }),
    enabled: props.opened,
  });

  const options = (results.data?.items ?? []).map((c) => {
    const top = c.socialAccounts[0];
    const inProgram = props.existingCreatorIds.has(c.id);
    return {
      value: c.id,
      label: `${c.name}${top ? ` · @${top.handle} (${formatCompact(top.followers)})` : ''}${inProgram ? ' — already in this program' : ''}`,
      disabled: inProgram,
    };
  });

  const mutation = useMutation({
    mutationFn: (input: { creatorId: string; stage: EntryStage }) =>
      addAmbassador(workspaceId, props.programId, input),
    onSuccess: async (ambassador) => {
      notifySuccess(
        `${ambassador.creator.name} added to ${props.programName} as ${stageLabels[ambassador.stage]}.`,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ambassadors', workspaceId, props.programId] }),
        queryClient.invalidateQueries({ queryKey: ['programs', workspaceId] }),
        queryClient.invalidateQueries({ queryKey: ['creators', workspaceId] }),
      ]);
      close();
    },
    onError: (e) => setError(messageOf(e)),
  });

  const close = () => {
    setSearch('');
    setCreatorId(null);
    setStage('prospect');
    setError(null);
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={`Add a creator to ${props.programName}`} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!creatorId) {
            setError('Choose a creator first.');
            return;
          }
          mutation.mutate({ creatorId, stage });
        }}
      >
        <Stack>
          <Select
            label="Creator"
            placeholder="Search by name, email or handle"
            searchable
            data={options}
            value={creatorId}
            onChange={setCreatorId}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={
              results.isFetching ? 'Searching…' : 'No creator matches. Create them on the People page first.'
            }
            maxDropdownHeight={280}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="entry-stage-label">
              Starting stage
            </Text>
            <SegmentedControl
              aria-labelledby="entry-stage-label"
              value={stage}
              onChange={(value) => setStage(entryStages.find((s) => s === value) ?? 'prospect')}
              data={entryStages.map((s) => ({ value: s, label: stageLabels[s] }))}
            />
          </Stack>
          <InlineError message={error} />
          <Group justify="space-between">
            <AnchorLink to="/w/$workspaceId/people" params={{ workspaceId }} size="sm" onClick={close}>
              Someone new? Add them on the People page
            </AnchorLink>
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Add to program
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
