// Sign-up: creates the user and their first workspace in one step, then opens it.
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AuthCard } from '../../components/brand';
import { EmailInput } from '../../components/email-input';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { meQuery, signUp } from '../../features/workspaces/api';
import { splitProblems } from '../../lib/problems';

export function SignUpPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '', workspaceName: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      workspaceName: (v) => (v.trim().length >= 2 ? null : 'Use at least 2 characters'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const me = await signUp({ ...values, email: values.email.trim() });
      queryClient.removeQueries();
      queryClient.setQueryData(meQuery.queryKey, me);
      const first = me.workspaces[0];
      if (first) await navigate({ to: '/w/$workspaceId', params: { workspaceId: first.id } });
      else await navigate({ to: '/welcome' });
    } catch (e) {
      const { fieldErrors, message } = splitProblems(e, values);
      form.setErrors(fieldErrors);
      setError(message);
    }
  });

  return (
    <AuthCard
      title="Create your account"
      subtitle="Start your ambassador program. You can invite your team afterwards."
      footer={
        <>
          Already have an account? <AnchorLink to="/signin">Sign in</AnchorLink>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <EmailInput required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput
            label="Workspace name"
            description="Usually your brand or organisation"
            placeholder="Glow Skincare"
            required
            {...form.getInputProps('workspaceName')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
