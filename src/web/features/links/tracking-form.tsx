// The tracking settings form: allowed domains, the UTM template (with a live example), attribution rules
// (precedence explained) and the discount-code pattern.
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Pill,
  Radio,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { isHostAllowed } from '../../../core/links/destination';
import { redirectLocation, redirectTarget, renderUtm } from '../../../core/links/redirect-target';
import { FormError } from '../../components/form-error';
import { AnchorLink } from '../../components/links';
import { formatCount } from '../../lib/format';
import { notifySuccess, notifyWarning } from '../../lib/notify';
import { splitProblems } from '../../lib/problems';
import {
  type Link,
  programLinksQuery,
  saveTracking,
  type TrackingSettingsInput,
  type TrackingSettingsView,
} from './api';

function Section(props: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={props.title}>
      <Title order={3} fz="h4">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {props.description}
      </Text>
      <Stack gap="sm">{props.children}</Stack>
    </Card>
  );
}

/**
 * Active links whose destination is outside the allowed domains, said as a sentence ("2 active links point
 * to old-shop.com"), or null when there are none.
 */
function linksOutside(links: Link[], allowedDomains: readonly string[]): string | null {
  const hosts = new Set<string>();
  let count = 0;
  for (const link of links) {
    if (link.status !== 'active') continue;
    const host = URL.canParse(link.destination) ? new URL(link.destination).hostname : '';
    if (!host || isHostAllowed(host, allowedDomains)) continue;
    hosts.add(host);
    count++;
  }
  if (count === 0) return null;
  return `${formatCount(count, 'active link')} ${count === 1 ? 'points' : 'point'} to ${[...hosts].join(', ')}`;
}

function exampleUrl(values: TrackingSettingsInput, programSlug: string): string {
  const domain = values.allowedDomains[0] ?? 'shop.example.com';
  try {
    const utm = renderUtm(values.utmTemplate, { program: programSlug, handle: 'jane.doe', campaign: '' });
    return redirectLocation(redirectTarget(`https://${domain}/products/serum`, utm), 'clk_example');
  } catch {
    return '';
  }
}

export function TrackingForm(props: {
  workspaceId: string;
  programId: string;
  programSlug: string;
  initial: TrackingSettingsView;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const { programId: _p, updatedAt: _u, ...initial } = props.initial;
  const [values, setValues] = useState<TrackingSettingsInput>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Active links to domains the saved settings no longer allow: they keep redirecting, so say so.
  const links = useQuery(programLinksQuery(props.workspaceId, props.programId));
  const outside = linksOutside(links.data ?? [], props.initial.allowedDomains);
  const utm = (key: keyof TrackingSettingsInput['utmTemplate'], value: string) =>
    setValues((v) => ({ ...v, utmTemplate: { ...v.utmTemplate, [key]: value } }));
  const rules = <K extends keyof TrackingSettingsInput['attributionRules']>(
    key: K,
    value: TrackingSettingsInput['attributionRules'][K],
  ) => setValues((v) => ({ ...v, attributionRules: { ...v.attributionRules, [key]: value } }));
  // Each refused domain by its value, so its chip is marked; a message that already quotes the value is
  // shown as it is.
  const badDomains = new Map<string, string>();
  for (const [k, m] of Object.entries(errors)) {
    const value = k.startsWith('allowedDomains.')
      ? values.allowedDomains[Number(k.split('.')[1])]
      : undefined;
    if (value !== undefined && m)
      badDomains.set(value, m.includes(`"${value.trim()}"`) ? m : `"${value}" ${m}`);
  }

  return (
    <form
      ref={formRef}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setErrors({});
        setMessage(null);
        try {
          const saved = await saveTracking(props.workspaceId, props.programId, values);
          queryClient.setQueryData(['tracking', props.workspaceId, props.programId], saved);
          const { programId: _pp, updatedAt: _uu, ...next } = saved;
          setValues(next);
          notifySuccess('Tracking settings saved. Links use them from the next click.');
          // The warning at the top may be scrolled away: say it where the manager looks now, too.
          const nowOutside = linksOutside(links.data ?? [], saved.allowedDomains);
          if (nowOutside)
            notifyWarning(
              `${nowOutside}, no longer allowed: existing links keep redirecting until disabled on the Links page.`,
            );
        } catch (e) {
          const split = splitProblems(e, values);
          const all = { ...split.fieldErrors };
          setErrors(all);
          setMessage(split.message);
          // Show the first field with a problem (the domains sit at the top, far from the button).
          requestAnimationFrame(() =>
            formRef.current
              ?.querySelector('[aria-invalid="true"]')
              ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
          );
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset disabled={!props.canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="lg" maw={820}>
          <Section
            title="Allowed domains"
            description="Tracked links may only send people to these sites (subdomains included). This is what keeps a link from ever becoming an open redirect."
          >
            <TagsInput
              label="Domains"
              placeholder="shop.example.com — press Enter after each"
              value={values.allowedDomains}
              onChange={(allowedDomains) => {
                setValues((v) => ({ ...v, allowedDomains }));
                // Problems are keyed by position: once the chips change, they would point at another one.
                setErrors((e) =>
                  Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('allowedDomains'))),
                );
              }}
              error={[...badDomains.values()].join('; ') || errors.allowedDomains}
              clearable
              renderPill={({ value, onRemove, disabled }) => {
                const bad = value !== undefined && badDomains.has(value);
                return (
                  <Pill
                    withRemoveButton={!disabled}
                    onRemove={onRemove}
                    removeButtonProps={{ 'aria-hidden': false, 'aria-label': `Remove ${value}` }}
                    disabled={disabled}
                    c={bad ? 'red.8' : undefined}
                    bg={bad ? 'red.1' : undefined}
                    aria-invalid={bad || undefined}
                    title={bad ? badDomains.get(value ?? '') : undefined}
                  >
                    {value}
                  </Pill>
                );
              }}
            />
            {outside ? (
              <Alert color="orange" variant="light" title="Links outside these domains still redirect">
                {outside}, no longer allowed. Existing links keep working so printed codes and posts do not
                break; disable them on the{' '}
                <AnchorLink
                  to="/w/$workspaceId/programs/$programId/links"
                  params={{ workspaceId: props.workspaceId, programId: props.programId }}
                  size="sm"
                >
                  Links page
                </AnchorLink>{' '}
                if they should stop.
              </Alert>
            ) : null}
          </Section>

          <Section
            title="UTM parameters"
            description={
              <>
                Added to every link of this program, so your analytics see ambassador traffic. Use{' '}
                <Code>{'{program}'}</Code>, <Code>{'{handle}'}</Code> and <Code>{'{campaign}'}</Code>; an
                empty content means the ambassador’s handle. Parameters already in a destination are kept as
                they are.
              </>
            }
          >
            <Group grow align="flex-start">
              <TextInput
                label="utm_source"
                value={values.utmTemplate.source}
                onChange={(e) => utm('source', e.currentTarget.value)}
                error={errors['utmTemplate.source']}
              />
              <TextInput
                label="utm_medium"
                value={values.utmTemplate.medium}
                onChange={(e) => utm('medium', e.currentTarget.value)}
                error={errors['utmTemplate.medium']}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="utm_campaign"
                description="A link’s own campaign label wins."
                value={values.utmTemplate.campaign}
                onChange={(e) => utm('campaign', e.currentTarget.value)}
                error={errors['utmTemplate.campaign']}
              />
              <TextInput
                label="utm_content"
                description="Empty: the ambassador’s handle."
                value={values.utmTemplate.content}
                onChange={(e) => utm('content', e.currentTarget.value)}
                error={errors['utmTemplate.content']}
              />
            </Group>
            <Text size="xs" c="dimmed">
              Example redirect for @jane.doe:
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {exampleUrl(values, props.programSlug)}
            </Code>
          </Section>

          <Section
            title="Attribution"
            description="How an order is credited when it carries a code, a click id, or both."
          >
            <NumberInput
              label="Attribution window (days)"
              description="A click counts for orders placed within this many days."
              min={1}
              max={365}
              value={values.attributionRules.windowDays}
              onChange={(v) => rules('windowDays', typeof v === 'number' ? v : Number(v) || 0)}
              error={errors['attributionRules.windowDays']}
              w={260}
            />
            <Radio.Group
              label="When a code and a click point to different ambassadors"
              value={values.attributionRules.precedence}
              onChange={(v) => rules('precedence', v === 'click' ? 'click' : 'code')}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="code"
                  label="The code wins (recommended)"
                  description="A discount code is explicit evidence: the customer typed it at checkout. A click may be days old or from a shared device."
                />
                <Radio
                  value="click"
                  label="The last click wins"
                  description="For programs where codes leak to coupon sites and links are the main channel."
                />
              </Stack>
            </Radio.Group>
            <Switch
              label="Block self-referral"
              description="No credit when the customer’s email is the ambassador’s own."
              checked={values.attributionRules.blockSelfReferral}
              onChange={(e) => rules('blockSelfReferral', e.currentTarget.checked)}
            />
            <Alert color="gray" variant="light">
              Either way, an order is credited to one ambassador at most, bot and link-preview clicks never
              earn credit, and refunds reverse credit in proportion.
            </Alert>
          </Section>

          <Section
            title="Discount codes"
            description="The pattern for each ambassador’s unique code, e.g. {HANDLE}{PERCENT} → JANE15."
          >
            <Group grow align="flex-start">
              <TextInput
                label="Code pattern"
                description="{HANDLE}, {NAME}, {PERCENT}, {YEAR}, {RANDOM4}, {RANDOM6}; needs {HANDLE}, {NAME} or a RANDOM token"
                value={values.codePattern}
                onChange={(e) => {
                  const codePattern = e.currentTarget.value;
                  setValues((v) => ({ ...v, codePattern }));
                }}
                error={errors.codePattern}
              />
              <TextInput
                label="Percent off"
                description="A whole number from 1 to 100"
                inputMode="numeric"
                value={values.codePercent}
                onChange={(e) => {
                  const codePercent = e.currentTarget.value;
                  setValues((v) => ({ ...v, codePercent }));
                }}
                error={errors.codePercent}
              />
            </Group>
            <TextInput
              label="Discount description"
              placeholder="15% off your first order"
              value={values.codeDescription}
              onChange={(e) => {
                const codeDescription = e.currentTarget.value;
                setValues((v) => ({ ...v, codeDescription }));
              }}
              error={errors.codeDescription}
            />
          </Section>

          <FormError message={message} />
          {props.canWrite ? (
            <Group>
              <Button type="submit" loading={busy}>
                Save tracking settings
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Only managers can change tracking settings.
            </Text>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
