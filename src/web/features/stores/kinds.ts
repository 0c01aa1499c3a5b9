// What each kind of connection is called and how its snippets read; shared by the stores pages and the
// tracking setup guide.
import { connectionKindLabels } from '../../../core/stores/kinds';
import type { ConnectionKind, DeliveryStatus } from './api';

export const kindLabels: Record<ConnectionKind, string> = connectionKindLabels;

export const kindDescriptions: Record<ConnectionKind, string> = {
  shopify: 'Signed order, refund and cancellation webhooks from your Shopify store',
  woocommerce: 'Signed order webhooks from your WooCommerce store',
  stripe: 'Checkout Sessions and refunds from Stripe',
  pixel: 'A small script on your order-confirmation page',
  api: 'Send orders from your own server with an API key',
  csv: 'Upload an orders export from any shop',
};

/** The colour of a delivery status (dots and badges). */
export const statusColors: Record<DeliveryStatus, string> = {
  processed: 'teal',
  duplicate: 'blue',
  held: 'yellow',
  ignored: 'gray',
  failed: 'red',
  refused: 'orange',
};

export const statusLabels: Record<DeliveryStatus, string> = {
  processed: 'Processed',
  duplicate: 'Duplicate (already counted)',
  held: 'Held (waiting for its order)',
  ignored: 'Ignored (topic not used)',
  failed: 'Failed',
  refused: 'Refused (not signed with this secret)',
};

const trim = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/**
 * The script tag for the brand's order-confirmation page and the reporting call. The call waits for the
 * window's load event, which fires only after async scripts such as t.js have run.
 */
export function pixelSnippet(baseUrl: string, connectionId: string, currency: string): string {
  return [
    `<script src="${trim(baseUrl)}/t.js" data-connection="${connectionId}" async></script>`,
    '<script>',
    "  window.addEventListener('load', function () {",
    '    troupe.conversion({',
    "      orderId: '1001',                 // your order number",
    "      amount: '49.99',                 // the order total in the currency's units, as shown to the customer",
    `      currency: '${currency}',`,
    "      email: 'customer@example.com'    // optional; used to refuse self-referrals",
    '    });',
    '  });',
    '</script>',
  ].join('\n');
}

/** A curl call of the generic conversions API with a placeholder for the key. */
export function apiCurlExample(baseUrl: string, currency: string): string {
  return [
    `curl -X POST ${trim(baseUrl)}/api/v1/conversions \\`,
    '  -H "Authorization: Bearer trp_live_YOUR_KEY" \\',
    '  -H "Content-Type: application/json" \\',
    "  -d '{",
    '    "externalId": "1001",',
    '    "occurredAt": "2026-03-01T14:30:00Z",',
    '    "amount": "49.99",',
    `    "currency": "${currency}",`,
    '    "customerEmail": "customer@example.com",',
    '    "codes": ["JANE15"],',
    '    "clickId": "the tclid from the landing URL",',
    '    "landingUrl": "https://shop.example.com/?tclid=…&utm_source=instagram"',
    "  }'",
  ].join('\n');
}
