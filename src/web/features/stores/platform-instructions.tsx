// Step-by-step setup for each platform, with the real webhook URL once the connection exists.
import { Code, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ConnectionKind } from './api';

const later = 'the webhook URL Troupe shows after you add this connection';

function Url({ url }: { url: string | null }) {
  return url ? (
    <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
  ) : (
    <Text span inherit>
      {later}
    </Text>
  );
}

const topicList = (topics: string[]) =>
  topics.map((t, i) => (
    <span key={t}>
      {i > 0 ? ', ' : ''}
      <Code>{t}</Code>
    </span>
  ));

export function PlatformInstructions(props: {
  kind: ConnectionKind;
  webhookUrl: string | null;
  topics: string[];
  /** The connection exists: its secret was already given, its snippet or example is shown above. */
  added?: boolean;
}): ReactNode {
  const { kind, webhookUrl, topics, added } = props;
  switch (kind) {
    case 'shopify':
      return (
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>
            In Shopify admin open <b>Settings → Notifications → Webhooks</b> (or your app’s webhook
            subscriptions in the Dev Dashboard).
          </List.Item>
          <List.Item>
            Create a webhook for each topic: {topicList(topics)}. Format <b>JSON</b>, URL{' '}
            <Url url={webhookUrl} />.
          </List.Item>
          <List.Item>
            {added
              ? 'The key that signs them is the one saved with this connection'
              : 'Paste the key that signs them here'}
            : the <b>API secret key</b> of your app (for webhooks made under Notifications, the key Shopify
            shows below the list, “Your webhooks will be signed with …”).
            {added ? ' A manager replaces it with Edit.' : ''}
          </List.Item>
          <List.Item>
            Optional: your <b>shop.myshopify.com</b> domain and an <b>Admin API access token</b> (shpat_…)
            with the discounts scope, so Troupe can create ambassadors’ discount codes in your store.
          </List.Item>
        </List>
      );
    case 'woocommerce':
      return (
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>
            In WordPress open <b>WooCommerce → Settings → Advanced → Webhooks</b> and choose{' '}
            <b>Add webhook</b>.
          </List.Item>
          <List.Item>
            Status <b>Active</b>, topic <b>Order created</b>, delivery URL <Url url={webhookUrl} />, API
            version WP REST API Integration v3.
          </List.Item>
          <List.Item>
            {props.webhookUrl
              ? 'Secret: paste this connection’s webhook secret (the one Troupe showed once, or the one you typed when adding it). Lost it? Use “Generate new secret” on the connection page.'
              : 'Secret: leave the webhook secret field below empty and Troupe generates one to paste here, or type your own in both places.'}
          </List.Item>
          <List.Item>
            Add a second webhook, the same but with topic <b>Order updated</b>, so refunds and cancellations
            reverse credit.
          </List.Item>
        </List>
      );
    case 'stripe':
      return (
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>
            In the Stripe Dashboard open <b>Developers → Webhooks</b> and <b>Add endpoint</b> with the URL{' '}
            <Url url={webhookUrl} />.
          </List.Item>
          <List.Item>Select the events {topicList(topics)}.</List.Item>
          <List.Item>
            {added ? (
              <>
                The endpoint’s <b>Signing secret</b> (it starts with <Code>whsec_</Code>) is the one saved
                with this connection; a manager replaces it with Edit.
              </>
            ) : (
              <>
                Reveal the endpoint’s <b>Signing secret</b> (it starts with <Code>whsec_</Code>) and paste it
                here.
              </>
            )}
          </List.Item>
          <List.Item>
            When you create a Checkout Session, put the visitor’s click id (the <Code>tclid</Code> from the
            landing URL) into <Code>client_reference_id</Code>; promotion codes are read from the session.
          </List.Item>
        </List>
      );
    case 'pixel':
      return (
        <Text size="sm">
          No secret needed.{' '}
          {added
            ? 'Paste the snippet above on your order-confirmation page.'
            : 'After you add it, paste the snippet it shows (also in the tracking setup guide) on your order-confirmation page.'}{' '}
          It keeps the click id in a first-party cookie and reports each order; only the program’s allowed
          domains may send conversions.
        </Text>
      );
    case 'api':
      return (
        <Text size="sm">
          {added
            ? 'Create an API key under “API keys” on the connection’s page'
            : 'After you add it, create an API key on the connection’s page'}{' '}
          and send orders with <Code>POST /api/v1/conversions</Code> and{' '}
          <Code>Authorization: Bearer trp_live_…</Code>.
        </Text>
      );
    case 'csv':
      return (
        <Text size="sm">
          Upload an orders export (order id, date, amount, currency, discount codes, landing URL) from the
          conversions page whenever you like; this connection groups those orders.
        </Text>
      );
  }
}
