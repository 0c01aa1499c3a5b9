// Portal sign-in for ambassadors: no password, just a link emailed to them.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { AuthCard } from '../../components/brand';
import { EmailInput } from '../../components/email-input';
import { FormError } from '../../components/form-error';
import { requestMagicLink } from '../../features/portal/api';
import { messageOf } from '../../lib/problems';

const route = getRouteApi('/portal/signin');

export function PortalSignInPage() {
  const { error: linkError } = route.useSearch();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (v) =>
        /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter the email address the brand has for you',
    },
  });
  const submit = form.onSubmit(async ({ email }) => {
    setError(null);
    try {
      await requestMagicLink(email.trim());
      setSentTo(email.trim());
    } catch (e) {
      setError(messageOf(e));
    }
  });

  if (sentTo) {
    return (
      <AuthCard title="Check your inbox" subtitle="Your sign-in link is on its way.">
        <Stack>
          <Alert color="teal" icon={<IconMailCheck size={18} />} role="status">
            If {sentTo} belongs to an ambassador, we sent a sign-in link to it. The link works once and
            expires in 30 minutes.
          </Alert>
          <Text size="sm" c="dimmed">
            Nothing arrived? Check your spam folder, or ask the brand which email address they have for you.
          </Text>
          <Button variant="default" onClick={() => setSentTo(null)}>
            Use a different email
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Ambassador portal"
      subtitle="Sign in with the email address the brand has for you. We will email you a link — no password needed."
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {linkError ? (
            <Alert color="orange" role="alert">
              That sign-in link has expired or was already used. Enter your email for a new one.
            </Alert>
          ) : null}
          <FormError message={error} />
          <EmailInput inputMode="email" {...form.getInputProps('email')} />
          <Button type="submit" loading={form.submitting} fullWidth size="md">
            Email me a sign-in link
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
