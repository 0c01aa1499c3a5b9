import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context';
import { guard } from '../../http/middleware';
import { errorResponses, jsonBody, jsonResponse, newRouter, workspaceParams } from '../../http/openapi';
import { baseUrlOf } from '../../lib/env';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';
import {
  apiKeyInputSchema,
  apiKeyParams,
  apiKeySchema,
  connectionDetailSchema,
  connectionListSchema,
  connectionParams,
  createConnectionInputSchema,
  createdApiKeySchema,
  revealedConnectionSchema,
  updateConnectionInputSchema,
} from './stores.contract';
import {
  createConnection,
  deleteConnection,
  getConnectionOrThrow,
  listConnections,
  rotateConnectionSecret,
  setConnectionDisabled,
  updateConnection,
} from './stores.service';

export const storeRoutes = newRouter();
const tags = ['Stores'];
const shownOnce =
  'The secret (and Shopify Admin API token) are in this answer only; afterwards only their last four characters are shown.';

/** Webhook and pixel addresses come from the configured public URL, never from the request's Host. */
const baseUrl = (c: Context<AppEnv>) => baseUrlOf(c.var.services.env);

storeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/stores',
    tags,
    summary: 'Store connections with their last delivery, deliveries in 24 hours and orders (no secrets)',
    middleware: [guard('programs.read')],
    request: { params: workspaceParams },
    responses: { 200: jsonResponse(connectionListSchema, 'Connections'), ...errorResponses },
  }),
  async (c) => c.json(await listConnections(c.var.services.database.db, c.var.scope, baseUrl(c)), 200),
);

storeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores',
    tags,
    summary: 'Connect a store, the pixel, the API or CSV imports to a program',
    description: `Shopify needs the app's API secret key; Stripe its whsec_ signing secret; WooCommerce gets a generated secret unless one is given. ${shownOnce}`,
    middleware: [guard('stores.manage')],
    request: { params: workspaceParams, body: jsonBody(createConnectionInputSchema) },
    responses: {
      201: jsonResponse(revealedConnectionSchema, 'The connection and its secret, once'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await createConnection(c.var.services.database.db, c.var.scope, c.req.valid('json'), baseUrl(c)),
      201,
    ),
);

storeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/stores/{id}',
    tags,
    summary: 'One connection with its webhook address, topics to subscribe and the last 50 deliveries',
    middleware: [guard('programs.read')],
    request: { params: connectionParams },
    responses: { 200: jsonResponse(connectionDetailSchema, 'The connection'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getConnectionOrThrow(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        baseUrl(c),
      ),
      200,
    ),
);

storeRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/workspaces/{workspaceId}/stores/{id}',
    tags,
    summary: 'Rename a connection or replace its secret / Shopify domain and token (not echoed back)',
    middleware: [guard('stores.manage')],
    request: { params: connectionParams, body: jsonBody(updateConnectionInputSchema) },
    responses: { 200: jsonResponse(connectionDetailSchema, 'The updated connection'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateConnection(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
        baseUrl(c),
      ),
      200,
    ),
);

storeRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/stores/{id}',
    tags,
    summary: 'Delete a connection with its deliveries, API keys and orders',
    middleware: [guard('stores.manage')],
    request: { params: connectionParams },
    responses: {
      200: jsonResponse(z.object({ ordersDeleted: z.number().int() }), 'How many orders were deleted'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(await deleteConnection(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

storeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores/{id}/rotate-secret',
    tags,
    summary: 'Generate a new WooCommerce webhook secret',
    description: `The old secret stops working at once: paste the new one into WooCommerce. ${shownOnce}`,
    middleware: [guard('stores.manage')],
    request: { params: connectionParams },
    responses: {
      200: jsonResponse(revealedConnectionSchema, 'The connection and its new secret, once'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await rotateConnectionSecret(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        baseUrl(c),
      ),
      200,
    ),
);

for (const action of ['disable', 'enable'] as const) {
  storeRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/workspaces/{workspaceId}/stores/{id}/${action}`,
      tags,
      summary:
        action === 'disable'
          ? 'Disable a connection: its deliveries are refused until it is enabled again'
          : 'Enable a disabled connection',
      middleware: [guard('stores.manage')],
      request: { params: connectionParams },
      responses: { 200: jsonResponse(connectionDetailSchema, 'The connection'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await setConnectionDisabled(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          action === 'disable',
          baseUrl(c),
        ),
        200,
      ),
  );
}

storeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/stores/{id}/api-keys',
    tags,
    summary: 'API keys of an api connection (prefix, name, created, last used, revoked)',
    middleware: [guard('stores.manage')],
    request: { params: connectionParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(apiKeySchema) }), 'Keys'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      { items: await listApiKeys(c.var.services.database.db, c.var.scope, c.req.valid('param').id) },
      200,
    ),
);

storeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores/{id}/api-keys',
    tags,
    summary: 'Create an API key (trp_live_…) for POST /api/v1/conversions',
    description: 'The key is in this answer only; Troupe stores its SHA-256 hash and first characters.',
    middleware: [guard('stores.manage')],
    request: { params: connectionParams, body: jsonBody(apiKeyInputSchema) },
    responses: { 201: jsonResponse(createdApiKeySchema, 'The key, once'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await createApiKey(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
);

storeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores/{id}/api-keys/{keyId}/revoke',
    tags,
    summary: 'Revoke an API key; requests with it are refused from now on',
    middleware: [guard('stores.manage')],
    request: { params: apiKeyParams },
    responses: { 200: jsonResponse(apiKeySchema, 'The revoked key'), ...errorResponses },
  }),
  async (c) => {
    const { id, keyId } = c.req.valid('param');
    return c.json(await revokeApiKey(c.var.services.database.db, c.var.scope, id, keyId), 200);
  },
);
