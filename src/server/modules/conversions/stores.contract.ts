// Store connections and API keys (T3): where orders come from, the secrets that sign them, shown once.
// The zod shapes of the API, shared by routes, services and the web app.
import { z } from 'zod';
import type { StoreKind } from './conversions.schema';

export const connectionKinds = [
  'shopify',
  'woocommerce',
  'stripe',
  'pixel',
  'api',
  'csv',
] as const satisfies readonly StoreKind[];
export type ConnectionKind = (typeof connectionKinds)[number];

export { isWebhookKind, webhookKinds } from '../../../core/stores/kinds';

/** What each platform should be told to send (its own topic names), for the setup instructions. */
export const topicsByKind: Record<ConnectionKind, string[]> = {
  shopify: ['orders/create', 'orders/paid', 'refunds/create', 'orders/cancelled'],
  woocommerce: ['order.created', 'order.updated'],
  stripe: ['checkout.session.completed', 'charge.refunded'],
  pixel: [],
  api: [],
  csv: [],
};

export const deliveryStatuses = ['processed', 'duplicate', 'held', 'ignored', 'failed', 'refused'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const createConnectionInputSchema = z.object({
  programId: z.string().trim().min(1, 'is required: choose the program these orders belong to'),
  kind: z.enum(connectionKinds, {
    error: `must be one of ${connectionKinds.join(', ')}`,
  }),
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  /** Shopify: the app's API secret key; WooCommerce: optional (Troupe generates one); Stripe: `whsec_…`. */
  secret: optionalText(500).optional(),
  /** Shopify only: `your-shop.myshopify.com`, with the Admin API access token, to create discount codes. */
  shopDomain: optionalText(255).optional(),
  adminToken: optionalText(500).optional(),
});
export type CreateConnectionInput = z.infer<typeof createConnectionInputSchema>;

export const updateConnectionInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters').optional(),
  /** A new signing secret (Shopify, WooCommerce, Stripe); never returned afterwards. */
  secret: optionalText(500).optional(),
  /** Shopify: an empty string removes the shop domain / the Admin API token. */
  shopDomain: optionalText(255).optional(),
  adminToken: optionalText(500).optional(),
});
export type UpdateConnectionInput = z.infer<typeof updateConnectionInputSchema>;

export const lastDeliverySchema = z.object({
  status: z.enum(deliveryStatuses),
  httpStatus: z.number().int(),
  receivedAt: z.string(),
});

export const connectionSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  /** The program's currency (ISO 4217): the setup examples use it. */
  programCurrency: z.string(),
  kind: z.enum(connectionKinds),
  name: z.string(),
  isDisabled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  hasSecret: z.boolean(),
  /** The secret's last four characters (`…a1b2`), only for callers who manage stores. */
  secretHint: z.string().nullable(),
  shopDomain: z.string().nullable(),
  hasAdminToken: z.boolean(),
  adminTokenHint: z.string().nullable(),
  lastDelivery: lastDeliverySchema.nullable(),
  deliveriesLast24h: z.number().int(),
  ordersCount: z.number().int(),
  /** When the connection's latest order was received (any source: webhook, API, CSV import, pixel). */
  lastOrderAt: z.string().nullable(),
  ordersLast24h: z.number().int(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  topic: z.string(),
  externalId: z.string().nullable(),
  status: z.enum(deliveryStatuses),
  httpStatus: z.number().int(),
  detail: z.string().nullable(),
  receivedAt: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const connectionDetailSchema = connectionSchema.extend({
  /** Where the platform should POST (webhook kinds), or null. */
  webhookUrl: z.string().nullable(),
  /** The topics/events to subscribe to on the platform. */
  topics: z.array(z.string()),
  /** The server's public address, for the pixel snippet and the API example. */
  baseUrl: z.string(),
  deliveries: z.array(deliverySchema),
});
export type ConnectionDetail = z.infer<typeof connectionDetailSchema>;

export const connectionListSchema = z.object({
  items: z.array(connectionSchema),
  baseUrl: z.string(),
});
export type ConnectionList = z.infer<typeof connectionListSchema>;

/** The answer to create and rotate: the only time the secret (and Admin API token) leave the server. */
export const revealedConnectionSchema = z.object({
  connection: connectionDetailSchema,
  secret: z.string().nullable(),
  adminToken: z.string().nullable(),
});
export type RevealedConnection = z.infer<typeof revealedConnectionSchema>;

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
});

export const apiKeySchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  name: z.string(),
  /** The key's first characters (`trp_live_AbCd`), to recognise it. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = z.object({ key: apiKeySchema, token: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const connectionParams = z.object({ workspaceId: z.string(), id: z.string() });
export const apiKeyParams = z.object({ workspaceId: z.string(), id: z.string(), keyId: z.string() });
