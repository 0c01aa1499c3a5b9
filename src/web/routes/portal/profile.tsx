// The ambassador's own profile, per brand: name and phone are theirs to edit; handles are read-only.
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type PortalProfile, portalMeQuery, updatePortalProfile } from '../../features/portal/api';
import { formatCompact } from '../../lib/format';
import { platformLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problems';

export function PortalProfilePage() {
  const { data } = useSuspenseQuery(portalMeQuery);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          Profile
        </Title>
        <Text size="sm" c="dimmed">
          What each brand knows about you. Keep your name and phone current.
        </Text>
      </Stack>
      {data.profiles.length === 0 ? (
        <Alert color="gray">No brand has a profile for {data.email} yet.</Alert>
      ) : (
        data.profiles.map((p) => <ProfileCard key={p.creatorId} profile={p} />)
      )}
    </Stack>
  );
}

function ProfileCard({ profile }: { profile: PortalProfile }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: profile.name, phone: profile.phone ?? '' },
    validate: { name: (v) => (v.trim() ? null : 'Enter your name') },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await updatePortalProfile(profile.creatorId, {
        name: values.name.trim(),
        phone: values.phone.trim() || null,
      });
      form.resetDirty();
      notifySuccess(`${profile.workspaceName} now has your updated details.`, 'Profile saved');
      await queryClient.invalidateQueries({ queryKey: portalMeQuery.queryKey });
    } catch (error) {
      form.setErrors(fieldErrorsOf(error));
      notifyError(error, 'Profile not saved');
    }
  });
  return (
    <Card
      withBorder
      radius="lg"
      p="lg"
      component="section"
      aria-label={`Profile for ${profile.workspaceName}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
            {profile.workspaceName}
          </Text>
          <TextInput label="Name" autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <TextInput
            label="Email"
            value={profile.email ?? ''}
            readOnly
            description="Ask the brand to change it"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Social accounts
            </Text>
            {profile.socialAccounts.length === 0 ? (
              <Text size="sm" c="dimmed">
                None on file.
              </Text>
            ) : (
              profile.socialAccounts.map((a) => (
                <Group key={a.id} justify="space-between" gap="xs">
                  <Text size="sm">
                    {platformLabels[a.platform]} · @{a.handle}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatCompact(a.followers)} followers
                  </Text>
                </Group>
              ))
            )}
            <Text size="xs" c="dimmed">
              Handles are managed by the brand; tell them if one is wrong.
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
