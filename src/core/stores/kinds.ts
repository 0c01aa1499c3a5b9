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

/**
 * The name a connection gets when the form's name is left empty: the kind's label, numbered when that
 * name is taken, so two API connections are not listed alike.
 * @example defaultConnectionName('api', ['Conversions API']) // 'Conversions API 2'
 */
export function defaultConnectionName(
  kind: keyof typeof connectionKindLabels,
  takenNames: readonly string[],
): string {
  const label = connectionKindLabels[kind];
  const taken = new Set(takenNames.map((name) => name.trim().toLowerCase()));
  if (!taken.has(label.toLowerCase())) return label;
  let n = 2;
  while (taken.has(`${label} ${n}`.toLowerCase())) n++;
  return `${label} ${n}`;
}
