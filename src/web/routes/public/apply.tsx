// The public application page of a program (R1), `/apply/<slug>`: no sign-in, branded with the workspace's
// name and the program's accent colour, built for a phone first. Untrusted text (intro, labels) is text.
import { Alert, Button, Checkbox, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/form-error';
import { PageLoader } from '../../components/page';
import {
  type ApplicationReceipt,
  type PublicApplicationPage,
  publicApplicationPageQuery,
  submitApplication,
} from '../../features/applications/api';
import { ApplyReceived, ApplyUnavailable, Frame } from '../../features/applications/apply-frame';
import { HandlesFieldset } from '../../features/applications/apply-handles';
import { QuestionField } from '../../features/applications/apply-question-field';
import { newHandle, type ApplyValues as Values } from '../../features/applications/apply-values';
import { isApiError } from '../../lib/api';
import { countryOptions } from '../../lib/countries';
import { platformLabels } from '../../lib/labels';
import { LinkifiedText } from '../../lib/linkify';
import { messageOf, revealFirstError, splitProblems } from '../../lib/problems';

const route = getRouteApi('/apply/$slug');

export function ApplyPage() {
  const { slug } = route.useParams();
  const page = useQuery(publicApplicationPageQuery(slug));
  const [receipt, setReceipt] = useState<{ receipt: ApplicationReceipt; name: string } | null>(null);

  useEffect(() => {
    if (page.data) document.title = `Apply: ${page.data.programName} · ${page.data.brandName}`;
  }, [page.data]);

  if (page.isPending) return <PageLoader />;
  if (page.isError) return <ApplyUnavailable error={page.error} onRetry={() => void page.refetch()} />;
  const p = page.data;
  if (receipt) return <ApplyReceived page={p} receipt={receipt.receipt} name={receipt.name} />;
  return (
    <Frame brand={p.brandName} accent={p.accentColor}>
      <ApplicationForm
        slug={slug}
        page={p}
        onDone={(r, name) => {
          setReceipt({ receipt: r, name });
          window.scrollTo({ top: 0 });
        }}
      />
    </Frame>
  );
}

function ApplicationForm(props: {
  slug: string;
  page: PublicApplicationPage;
  onDone: (receipt: ApplicationReceipt, name: string) => void;
}) {
  const { page } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const firstPlatform = page.platforms[0] ?? 'instagram';
  const form = useForm<Values>({
    initialValues: {
      name: '',
      email: '',
      country: null,
      handles: [newHandle(firstPlatform)],
      answers: Object.fromEntries(page.questions.map((q) => [q.id, ''])),
      consent: false,
      website: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address'),
      handles: { handle: (v) => (v.trim() ? null : 'Enter your handle') },
      consent: (v) => (v ? null : 'Tick the box to apply'),
    },
  });

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      try {
        const receipt = await submitApplication(props.slug, {
          name: values.name.trim(),
          email: values.email.trim(),
          country: values.country,
          handles: values.handles.map((h) => ({
            platform: h.platform,
            handle: h.handle.trim(),
            followers: h.followers === '' ? null : Number(h.followers),
          })),
          answers: Object.fromEntries(
            Object.entries(values.answers).map(([id, v]) => [id, v === '' ? null : v]),
          ),
          consent: values.consent as true,
          website: values.website,
        });
        props.onDone(receipt, values.name.trim().split(/\s+/)[0] ?? values.name);
      } catch (error) {
        const { fieldErrors, message } = splitProblems(error, values);
        form.setErrors(fieldErrors);
        setFormError(
          isApiError(error, 429) || Object.keys(fieldErrors).length === 0
            ? messageOf(error)
            : message === 'Check the highlighted fields and try again.'
              ? 'Some answers need attention; see the messages next to them.'
              : message,
        );
        revealFirstError(formRef.current);
      }
    },
    () => {
      setFormError('Some answers need attention; see the messages next to them.');
      revealFirstError(formRef.current);
    },
  );

  const accent = page.accentColor;
  const platformOptions = page.platforms.map((pl) => ({ value: pl, label: platformLabels[pl] }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Apply to ${page.programName}`}>
      <Stack gap="lg">
        <Stack gap="xs">
          <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {page.programName}
          </Text>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {page.headline || `Apply to ${page.programName}`}
          </Title>
          {page.intro ? (
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <LinkifiedText text={page.intro} />
            </Text>
          ) : null}
        </Stack>

        {page.full ? (
          <Alert
            color="orange"
            variant="light"
            title="This program is full — join the waitlist"
            icon={<IconHourglass />}
          >
            Every seat is taken right now. You can still apply: you will join the waitlist and we will email
            you when a seat opens.
          </Alert>
        ) : null}

        <FormError title="Your application was not sent" message={formError} />

        <Stack gap="sm">
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            description="We reply to this address"
            required
            {...form.getInputProps('email')}
          />
          <Select
            label="Country"
            placeholder="Where you live"
            data={countryOptions}
            searchable
            clearable
            autoComplete="country"
            {...form.getInputProps('country')}
          />
        </Stack>

        <HandlesFieldset
          form={form}
          platformOptions={platformOptions}
          firstPlatform={firstPlatform}
          accent={accent}
        />

        {page.questions.length > 0 ? (
          <Stack gap="sm">
            {page.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                inputProps={form.getInputProps(`answers.${q.id}`)}
                accent={accent}
              />
            ))}
          </Stack>
        ) : null}

        {/* Hidden from people (not from bots): a filled-in value marks the submission as spam. */}
        <div
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: '-10000px',
            top: 'auto',
            width: 1,
            height: 1,
            overflow: 'hidden',
          }}
        >
          <label htmlFor="apply-website">Leave this field empty</label>
          <input
            id="apply-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={form.values.website}
            onChange={(e) => form.setFieldValue('website', e.currentTarget.value)}
          />
        </div>

        <Checkbox
          color={accent}
          label={
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {page.consentText}
            </Text>
          }
          {...form.getInputProps('consent', { type: 'checkbox' })}
        />

        <Button type="submit" size="md" color={accent} loading={form.submitting} fullWidth>
          {page.full ? 'Join the waitlist' : 'Send application'}
        </Button>
      </Stack>
    </form>
  );
}
