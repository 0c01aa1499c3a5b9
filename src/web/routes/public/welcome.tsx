// For a signed-in user without a workspace: create one (or wait for an invitation).
import { Anchor, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AuthCard } from '../../components/brand';
import { signOut } from '../../features/workspaces/api';
import { CreateWorkspaceForm } from '../../features/workspaces/create-workspace-form';

export function WelcomePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/signin' });
  };
  return (
    <AuthCard
      title="Create your workspace"
      subtitle="You are not a member of any workspace yet. Create one for your brand, or open the invitation link a teammate sent you."
      footer={
        <Text size="sm" c="dimmed">
          Wrong account?{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void leave()}>
            Sign out
          </Anchor>
        </Text>
      }
    >
      <CreateWorkspaceForm />
    </AuthCard>
  );
}
