// What each kind of store connection is called, wherever a person reads it: the web app's pages and the
// conversions CSV export.
export const connectionKindLabels = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  stripe: 'Stripe',
  pixel: 'Conversion pixel',
  api: 'Conversions API',
  csv: 'CSV import',
} as const;
