// Creates a workspace (the caller becomes its owner) and opens it.
import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { notifyError, notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problems';
import { createWorkspace, meQuery } from './api';

export function CreateWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim().length >= 2 ? null : 'Use at least 2 characters') },
  });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      const ws = await createWorkspace(name.trim());
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      notifySuccess(`Workspace “${ws.name}” created.`);
      onCreated?.();
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: ws.id } });
    } catch (error) {
      form.setErrors(fieldErrorsOf(error));
      notifyError(error, 'Could not create the workspace');
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Workspace name"
          description="Usually a brand or organisation. Each workspace has its own programs, people and members."
          placeholder="Glow Skincare"
          data-autofocus
          required
          {...form.getInputProps('name')}
        />
        <Button type="submit" loading={form.submitting}>
          Create workspace
        </Button>
      </Stack>
    </form>
  );
}
