// Accepting an invitation to a workspace: signed in as the invited email → one click; otherwise create an
// account or sign in first, then accept.
import { Alert, Button, Group, PasswordInput, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AuthCard } from '../../components/brand';
import { AnchorLink } from '../../components/links';
import { PageLoader } from '../../components/page';
import {
  acceptInvitation,
  type Invitation,
  invitationQuery,
  meQuery,
  signIn,
  signOut,
  signUp,
} from '../../features/workspaces/api';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { roleDescriptions, roleLabels } from '../../lib/labels';
import { fieldErrorsOf, messageOf } from '../../lib/problems';

const route = getRouteApi('/invitations/$token');

export function InvitationPage() {
  const { token } = route.useParams();
  const invitation = useQuery(invitationQuery(token));
  const me = useQuery(meQuery);

  if (invitation.isPending || me.isPending) return <PageLoader />;
  if (invitation.isError) {
    return (
      <AuthCard title="Invitation not found" subtitle={messageOf(invitation.error)}>
        <AnchorLink to="/signin">Go to sign in</AnchorLink>
      </AuthCard>
    );
  }
  const inv = invitation.data;
  const title = `Join ${inv.workspaceName} on Troupe`;
  const subtitle = `${inv.invitedByName} invited ${inv.email} as ${roleLabels[inv.role]} (${roleDescriptions[inv.role].toLowerCase()}).`;

  if (inv.status !== 'pending') {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Alert color="gray">
          This invitation was already {inv.status}. If you still need access, ask {inv.invitedByName} for a
          new one.
        </Alert>
        <AnchorLink to="/signin">Go to sign in</AnchorLink>
      </AuthCard>
    );
  }
  if (new Date(inv.expiresAt).getTime() < Date.now()) {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Alert color="orange">
          This invitation expired on {formatDate(inv.expiresAt)}. Ask {inv.invitedByName} to invite you again.
        </Alert>
      </AuthCard>
    );
  }
  const signedInAs = me.data?.user ?? null;
  if (me.isError && !isApiError(me.error, 401)) {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Alert color="red">{messageOf(me.error)}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} subtitle={subtitle}>
      {signedInAs && signedInAs.email.toLowerCase() === inv.email ? (
        <AcceptAsSignedIn token={token} />
      ) : signedInAs ? (
        <WrongAccount invitation={inv} signedInEmail={signedInAs.email} />
      ) : (
        <SignUpOrSignIn invitation={inv} token={token} />
      )}
    </AuthCard>
  );
}

function useAccept(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    const ws = await acceptInvitation(token);
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    await navigate({ to: '/w/$workspaceId', params: { workspaceId: ws.id } });
  };
}

function AcceptAsSignedIn({ token }: { token: string }) {
  const accept = useAccept(token);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await accept();
          } catch (e) {
            setError(messageOf(e));
            setBusy(false);
          }
        }}
      >
        Accept invitation
      </Button>
    </Stack>
  );
}

function WrongAccount({ invitation, signedInEmail }: { invitation: Invitation; signedInEmail: string }) {
  const queryClient = useQueryClient();
  return (
    <Stack>
      <Alert color="orange">
        This invitation is for {invitation.email}, but you are signed in as {signedInEmail}. Sign out, then
        sign in or create an account with {invitation.email}.
      </Alert>
      <Group>
        <Button
          variant="default"
          onClick={async () => {
            await signOut().catch(() => undefined);
            queryClient.removeQueries();
            await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
          }}
        >
          Sign out
        </Button>
      </Group>
    </Stack>
  );
}

function SignUpOrSignIn({ invitation, token }: { invitation: Invitation; token: string }) {
  const queryClient = useQueryClient();
  const accept = useAccept(token);
  const [error, setError] = useState<string | null>(null);
  const signUpForm = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
    },
  });
  const signInForm = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : 'Enter your password') },
  });

  const afterAuth = async () => {
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    await accept();
  };

  return (
    <Stack>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Tabs defaultValue="signup" onChange={() => setError(null)}>
        <Tabs.List grow>
          <Tabs.Tab value="signup">Create an account</Tabs.Tab>
          <Tabs.Tab value="signin">I have an account</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="signup" pt="md">
          <form
            noValidate
            onSubmit={signUpForm.onSubmit(async (values) => {
              setError(null);
              try {
                await signUp({
                  name: values.name.trim(),
                  email: invitation.email,
                  password: values.password,
                });
                await afterAuth();
              } catch (e) {
                signUpForm.setErrors(fieldErrorsOf(e));
                setError(messageOf(e));
              }
            })}
          >
            <Stack>
              <TextInput label="Email" value={invitation.email} readOnly />
              <TextInput
                label="Your name"
                autoComplete="name"
                required
                {...signUpForm.getInputProps('name')}
              />
              <PasswordInput
                label="Password"
                description="At least 10 characters"
                autoComplete="new-password"
                required
                {...signUpForm.getInputProps('password')}
              />
              <Button type="submit" loading={signUpForm.submitting}>
                Create account and join
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="signin" pt="md">
          <form
            noValidate
            onSubmit={signInForm.onSubmit(async (values) => {
              setError(null);
              try {
                await signIn({ email: invitation.email, password: values.password });
                await afterAuth();
              } catch (e) {
                setError(messageOf(e));
              }
            })}
          >
            <Stack>
              <TextInput label="Email" value={invitation.email} readOnly />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                {...signInForm.getInputProps('password')}
              />
              <Button type="submit" loading={signInForm.submitting}>
                Sign in and join
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed">
        The invitation expires on {formatDate(invitation.expiresAt)}.
      </Text>
    </Stack>
  );
}
