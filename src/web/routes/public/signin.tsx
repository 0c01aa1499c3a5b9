// Staff sign-in with email and password; afterwards, back to where they were or their first workspace.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AuthCard } from '../../components/brand';
import { EmailInput } from '../../components/email-input';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { meQuery, signIn } from '../../features/workspaces/api';
import { messageOf } from '../../lib/problems';

const route = getRouteApi('/signin');

export function SignInPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await signIn({ email: values.email.trim(), password: values.password });
      queryClient.removeQueries();
      const me = await queryClient.fetchQuery(meQuery);
      if (search.redirect) {
        await navigate({ to: search.redirect });
      } else if (me.workspaces[0]) {
        await navigate({ to: '/w/$workspaceId', params: { workspaceId: me.workspaces[0].id } });
      } else {
        await navigate({ to: '/welcome' });
      }
    } catch (e) {
      setError(messageOf(e));
    }
  });

  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to run your ambassador programs."
      footer={
        <>
          New to Troupe? <AnchorLink to="/signup">Create an account</AnchorLink> · Ambassador?{' '}
          <AnchorLink to="/portal/signin">Open your portal</AnchorLink>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <EmailInput required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
