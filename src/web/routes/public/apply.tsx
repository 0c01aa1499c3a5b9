// The public application page of a program (R1), `/apply/<slug>`: no sign-in, branded with the workspace's
// name and the program's accent colour, built for a phone first. Untrusted text (intro, labels) is text.
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  Container,
  Grid,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconHourglass, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Logo } from '../../components/brand';
import { FormError } from '../../components/form-error';
import { PageLoader } from '../../components/page';
import {
  type ApplicationReceipt,
  type PublicApplicationPage,
  publicApplicationPageQuery,
  submitApplication,
} from '../../features/applications/api';
import { isApiError } from '../../lib/api';
import { countryOptions } from '../../lib/countries';
import { type Platform, platformLabels } from '../../lib/labels';
import { LinkifiedText } from '../../lib/linkify';
import { messageOf, revealFirstError, splitProblems } from '../../lib/problems';

const route = getRouteApi('/apply/$slug');

interface HandleRow {
  key: string;
  platform: Platform;
  handle: string;
  followers: number | string;
}

interface Values {
  name: string;
  email: string;
  country: string | null;
  handles: HandleRow[];
  answers: Record<string, string | number>;
  consent: boolean;
  website: string;
}

let rowSeed = 0;
const newHandle = (platform: Platform): HandleRow => ({
  key: `h${++rowSeed}`,
  platform,
  handle: '',
  followers: '',
});

/** The frame every state of the page shares: brand on top, a card in the accent colour's border. */
function Frame(props: { brand?: string; accent?: string; children: ReactNode }) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" py={{ base: 'md', sm: 'xl' }}>
      <Container size={640} px={{ base: 'xs', sm: 'md' }}>
        <Stack gap="md">
          {props.brand ? (
            <Text
              fw={750}
              fz="lg"
              c={props.accent}
              style={{ letterSpacing: '-0.01em' }}
              data-testid="brand-name"
            >
              {props.brand}
            </Text>
          ) : null}
          <Paper
            withBorder
            radius="lg"
            p={{ base: 'md', sm: 'xl' }}
            shadow="sm"
            style={props.accent ? { borderTop: `6px solid ${props.accent}` } : undefined}
          >
            {props.children}
          </Paper>
          <Box c="dimmed" style={{ alignSelf: 'center', opacity: 0.7 }} aria-label="Powered by Troupe">
            <Logo size="sm" />
          </Box>
        </Stack>
      </Container>
    </Box>
  );
}

export function ApplyPage() {
  const { slug } = route.useParams();
  const page = useQuery(publicApplicationPageQuery(slug));
  const [receipt, setReceipt] = useState<{ receipt: ApplicationReceipt; name: string } | null>(null);

  useEffect(() => {
    if (page.data) document.title = `Apply: ${page.data.programName} · ${page.data.brandName}`;
  }, [page.data]);

  if (page.isPending) return <PageLoader />;
  if (page.isError) {
    const isClosed = isApiError(page.error, 404);
    return (
      <Frame>
        <Stack gap="sm">
          <Title order={1} fz="h2">
            {isClosed ? 'This application page is closed' : 'The page could not be loaded'}
          </Title>
          <Text c="dimmed">
            {isClosed
              ? 'The program may have stopped taking applications, or the link may be mistyped. If someone sent you this link, ask them for a current one.'
              : messageOf(page.error)}
          </Text>
          {isClosed ? null : (
            <Button variant="light" onClick={() => void page.refetch()} style={{ alignSelf: 'flex-start' }}>
              Try again
            </Button>
          )}
        </Stack>
      </Frame>
    );
  }
  const p = page.data;
  if (receipt) {
    const isWaitlisted = receipt.receipt.status === 'waitlisted';
    return (
      <Frame brand={p.brandName} accent={p.accentColor}>
        <Stack gap="md" align="flex-start" role="status">
          {isWaitlisted ? (
            <IconHourglass size={40} color={p.accentColor} aria-hidden />
          ) : (
            <IconCircleCheck size={40} color={p.accentColor} aria-hidden />
          )}
          <Title order={1} fz="h2">
            {isWaitlisted ? `You're on the waitlist, ${receipt.name}` : `Thanks, ${receipt.name}!`}
          </Title>
          <Text>{receipt.receipt.message}</Text>
          <Text c="dimmed" size="sm">
            {isWaitlisted
              ? 'We have emailed you a confirmation. Nothing else to do for now.'
              : "We've emailed you a confirmation. Nothing else to do for now: we'll reply by email once we have read your application."}
          </Text>
        </Stack>
      </Frame>
    );
  }
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

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            Your social accounts
          </Text>
          {form.values.handles.map((h, i) => (
            <Paper key={h.key} withBorder radius="md" p="sm">
              <Grid gap="xs" align="flex-end">
                <Grid.Col span={{ base: 12, xs: 4 }}>
                  <Select
                    label="Platform"
                    data={platformOptions}
                    allowDeselect={false}
                    {...form.getInputProps(`handles.${i}.platform`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, xs: 4 }}>
                  <TextInput
                    label="Handle"
                    placeholder="@yourname"
                    autoCapitalize="none"
                    autoCorrect="off"
                    spellCheck={false}
                    required
                    {...form.getInputProps(`handles.${i}.handle`)}
                  />
                </Grid.Col>
                <Grid.Col
                  span={{
                    base: form.values.handles.length > 1 ? 10 : 12,
                    xs: form.values.handles.length > 1 ? 3 : 4,
                  }}
                >
                  <NumberInput
                    label="Followers"
                    placeholder="Optional"
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=","
                    {...form.getInputProps(`handles.${i}.followers`)}
                  />
                </Grid.Col>
                {form.values.handles.length > 1 ? (
                  <Grid.Col span={{ base: 2, xs: 1 }}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      mb={2}
                      aria-label={`Remove account ${i + 1}`}
                      onClick={() => form.removeListItem('handles', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Grid.Col>
                ) : null}
              </Grid>
            </Paper>
          ))}
          {form.values.handles.length < 10 ? (
            <Button
              variant="subtle"
              color={accent}
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => form.insertListItem('handles', newHandle(firstPlatform))}
            >
              Add another account
            </Button>
          ) : null}
        </Stack>

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

type Question = PublicApplicationPage['questions'][number];

/** One custom question, as the input its type calls for. */
function QuestionField(props: {
  question: Question;
  inputProps: ReturnType<ReturnType<typeof useForm<Values>>['getInputProps']>;
  accent: string;
}) {
  const q = props.question;
  const common = {
    label: q.label,
    description: q.help || undefined,
    required: q.required,
    ...props.inputProps,
  };
  if (q.type === 'url') {
    return <TextInput type="url" inputMode="url" placeholder="https://" autoCapitalize="none" {...common} />;
  }
  if (q.type === 'number') return <NumberInput thousandSeparator="," {...common} />;
  if (q.type === 'choice' && q.options.length > 5) {
    return <Select data={q.options} placeholder="Choose one" {...common} />;
  }
  if (q.type === 'choice') {
    return (
      <Radio.Group {...common}>
        <Stack gap={6} mt={6}>
          {q.options.map((o) => (
            <Radio key={o} value={o} label={o} color={props.accent} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return <Textarea autosize minRows={2} maxRows={8} {...common} />;
}
