// The tracking setup guide (T1–T5): the steps from a program's tracking settings to credited orders,
// with the real pixel snippet and API example for this workspace, and how attribution decides.
import {
  Alert,
  Anchor,
  Badge,
  Code,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/page';
import { programsQuery } from '../../features/programs/api';
import { connectionsQuery } from '../../features/stores/api';
import { CopyCode } from '../../features/stores/copy-parts';
import { apiCurlExample, kindLabels, pixelSnippet } from '../../features/stores/kinds';
import { useWorkspace } from '../../features/workspaces/workspace-context';

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby={`step-${n}`}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon radius="xl" size={32} variant="light">
          <Text fw={700}>{n}</Text>
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h4" id={`step-${n}`}>
            {title}
          </Title>
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}

export function TrackingSetupPage() {
  const { workspaceId } = useWorkspace();
  const { data } = useSuspenseQuery(connectionsQuery(workspaceId));
  const { data: programs } = useSuspenseQuery(programsQuery(workspaceId));
  const pixels = data.items.filter((c) => c.kind === 'pixel');
  const apis = data.items.filter((c) => c.kind === 'api');
  const webhooks = data.items.filter(
    (c) => c.kind === 'shopify' || c.kind === 'woocommerce' || c.kind === 'stripe',
  );
  const [pixelId, setPixelId] = useState<string | null>(pixels[0]?.id ?? null);
  const pixel = pixels.find((p) => p.id === pixelId) ?? pixels[0];
  const storesLink = (label: string) => (
    <AnchorLink to="/w/$workspaceId/stores" params={{ workspaceId }} inherit>
      {label}
    </AnchorLink>
  );

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/stores" params={{ workspaceId }} size="sm">
            ← Stores & tracking
          </AnchorLink>
        }
        title="Tracking setup"
        description="Without tracking you cannot tell which ambassadors drove results. Seven steps, in order; most programs need steps 1–4 and one of 5–7."
      />
      <Stack gap="md" maw={960}>
        <Step n={1} title="Set allowed domains and UTM parameters">
          <Text size="sm">
            In each program’s tracking settings, list the domains your links may point to (anything else is
            refused, so nobody can use your links to redirect elsewhere) and the UTM template added to every
            link: utm_source, utm_medium, utm_campaign and utm_content (the ambassador’s handle by default).
            The same allowed domains decide which sites may send pixel conversions.
          </Text>
          {programs.length === 0 ? (
            <Text size="sm" c="dimmed">
              You have no program yet.{' '}
              <AnchorLink to="/w/$workspaceId/programs/new" params={{ workspaceId }} inherit>
                Create one
              </AnchorLink>{' '}
              first.
            </Text>
          ) : (
            <Group gap="xs">
              {programs.map((p) => (
                <Anchor key={p.id} href={`/w/${workspaceId}/programs/${p.id}/tracking`} size="sm">
                  {p.name}: tracking settings
                </Anchor>
              ))}
            </Group>
          )}
        </Step>

        <Step n={2} title="Give each ambassador a tracked link">
          <Text size="sm">
            A link such as <Code>/l/jane-glow</Code> sends visitors to your site with the UTM parameters and a
            click id (<Code>tclid</Code>) added; your own query parameters are kept. Clicks from bots and link
            previews are recorded but not counted as unique. Each link has a QR code for print and packaging.
          </Text>
        </Step>

        <Step n={3} title="Give each ambassador a discount code">
          <Text size="sm">
            One code per ambassador (for example JANE15), from a pattern per program. Codes are
            case-insensitive. With a Shopify Admin API token Troupe can create them in your store; otherwise
            export them as CSV. Codes matter because many buyers never click: they hear the code in a video
            and type it at checkout.
          </Text>
        </Step>

        <Step n={4} title="Connect your store">
          <Text size="sm">
            Shopify, WooCommerce and Stripe send each order, refund and cancellation to Troupe as a signed
            webhook. Troupe checks the signature with the connection’s secret and refuses anything it cannot
            verify; the same order delivered twice counts once.
          </Text>
          {webhooks.length > 0 ? (
            <Group gap="xs">
              {webhooks.map((c) => (
                <Badge key={c.id} variant="light" size="lg" tt="none">
                  {c.name} · {kindLabels[c.kind]}
                </Badge>
              ))}
            </Group>
          ) : null}
          <Group>
            <ButtonLink to="/w/$workspaceId/stores" params={{ workspaceId }} variant="light">
              {webhooks.length > 0 ? 'Manage connections' : 'Connect a store'}
            </ButtonLink>
          </Group>
        </Step>

        <Step n={5} title="Or: the conversion pixel on your order-confirmation page">
          <Text size="sm">
            For sites without a supported store. The script keeps the click id in a first-party cookie when a
            visitor arrives through an ambassador’s link, and reports the order when the confirmation page
            calls <Code>troupe.conversion(…)</Code>. Put it only on the page shown after payment.
          </Text>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconInfoCircle size={18} />}
            title="Pixel orders are unverified"
          >
            The pixel’s report comes from the customer’s browser, and anyone can send one (a forged request
            needs no browser), so Troupe cannot verify it the way it verifies a signed store webhook, an API
            key or your CSV import. On the conversions page pixel orders are marked “unverified (pixel)” and
            their credit is shown apart from credit from verified sources. If a store is connected too, the
            pixel only fills gaps: the same order id reported by the store and by the pixel counts once, and
            the store’s report wins (its amount, codes and attribution replace the pixel’s).
          </Alert>
          {pixels.length > 1 ? (
            <Select
              label="Pixel connection"
              data={pixels.map((p) => ({ value: p.id, label: `${p.name} (${p.programName})` }))}
              value={pixel?.id ?? null}
              onChange={setPixelId}
              allowDeselect={false}
              maw={420}
            />
          ) : null}
          {pixel ? (
            <CopyCode
              code={pixelSnippet(data.baseUrl, pixel.id, pixel.programCurrency)}
              label="Copy the pixel snippet"
              testId="pixel-snippet"
            />
          ) : (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
              Add a connection of kind “Conversion pixel” on the {storesLink('Stores & tracking page')} and
              its snippet, with its connection id, appears here.
            </Alert>
          )}
        </Step>

        <Step n={6} title="Or: send orders from your server with the API">
          <Text size="sm">
            Create a connection of kind “Conversions API”, then an API key on its page (shown once). Send each
            order as below, or several at once as <Code>{'{"orders": [...]}'}</Code>. Amounts are decimals in
            the currency's units (<Code>"49.99"</Code>), or whole minor units as <Code>amountMinor</Code>(
            <Code>4999</Code>). Sending the same <Code>externalId</Code> again does not count it twice.
          </Text>
          <CopyCode
            code={apiCurlExample(
              data.baseUrl,
              (apis[0] ?? data.items[0])?.programCurrency ?? programs[0]?.currency ?? 'USD',
            )}
            label="Copy the curl example"
            testId="api-example"
          />
          {apis.length === 0 ? (
            <Text size="sm" c="dimmed">
              No API connection yet: add one on the {storesLink('Stores & tracking page')}.
            </Text>
          ) : null}
        </Step>

        <Step n={7} title="Or: import orders as CSV">
          <Text size="sm">
            Export orders from any shop (order id, date, amount, currency, customer email, discount codes,
            landing URL) and import them on the conversions page. Each bad row is reported with its line
            number; nothing is written unless you choose to skip bad rows.
          </Text>
        </Step>

        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="how-credit">
          <Stack gap="sm">
            <Title order={3} size="h4" id="how-credit">
              How Troupe decides who gets the credit
            </Title>
            <List size="sm" spacing={6}>
              <List.Item>
                <b>Each order is credited to at most one ambassador.</b> A link and a code can never both pay
                out for the same order.
              </List.Item>
              <List.Item>
                <b>A code beats a click by default.</b> If the buyer used Jane’s code but last clicked Omar’s
                link, Jane gets the credit: typing a code is a deliberate choice at checkout, while a click
                may be weeks old or from a link preview. A program can choose “click wins” instead.
              </List.Item>
              <List.Item>
                <b>Clicks count within the attribution window</b> (30 days unless the program says otherwise):
                the last ambassador click before the order wins. Bot and link-preview clicks never count.
              </List.Item>
              <List.Item>
                <b>No self-referral:</b> an ambassador buying with their own code or link (same email) is not
                credited.
              </List.Item>
              <List.Item>
                <b>Refunds reverse credit</b> in proportion (a half refund removes half the credit) and a
                cancelled order removes all of it. A refund that arrives before its order waits and is applied
                when the order arrives. A store’s running total (“refunded so far”) and its itemised refunds
                are never added together: the larger counts. A refund in another currency than its order is
                not converted: Troupe uses the shop-currency amount when the store sends one (Shopify), and
                otherwise refuses it and says so.
              </List.Item>
              <List.Item>
                <b>One order, one report.</b> Within a program, an order reported by both the pixel and a
                connected store (Shopify, WooCommerce, Stripe, the API or a CSV import) counts once, and the
                store’s report wins; pixel orders are unverified and their credit is shown separately.
              </List.Item>
            </List>
            <Text size="sm" c="dimmed">
              Every credited order records how it was decided (code, click or both) and the evidence, on the
              conversions page.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
