// Kinds of store connection: what each is called wherever a person reads it (the web app's pages, the
// conversions CSV export, the server's messages) and which of them send signed webhooks.
export const connectionKindLabels = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  stripe: 'Stripe',
  pixel: 'Conversion pixel',
  api: 'Conversions API',
  csv: 'CSV import',
} as const;

/** Kinds whose orders arrive as signed webhooks, each with its own endpoint and secret (listed as deliveries). */
export const webhookKinds = ['shopify', 'woocommerce', 'stripe'] as const;
export type WebhookKind = (typeof webhookKinds)[number];

export function isWebhookKind(kind: string): kind is WebhookKind {
  return (webhookKinds as readonly string[]).includes(kind);
}
