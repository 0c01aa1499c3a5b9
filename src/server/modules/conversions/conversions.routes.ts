import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { connectionKindLabels, isWebhookKind } from '../../../core/stores/kinds';
import { guard } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { AppError, type FieldProblem, validationError } from '../../lib/app-error';
import {
  apiConversionsBodySchema,
  apiConversionsResultSchema,
  apiRefundsBodySchema,
  apiRefundsResultSchema,
  conversionsPageSchema,
  conversionsQuerySchema,
  orderImportQuerySchema,
  orderImportResultSchema,
  testDeliveryResultSchema,
} from './conversions.contract';
import { ingestOrders } from './ingest.service';
import { ingestRefunds } from './ingest-refunds.service';
import {
  apiOrderToInput,
  apiRefundToInput,
  authenticateApiKey,
  exportConversionsCsv,
  getConnectionOrThrow,
  listConversions,
} from './orders.service';
import { importOrdersCsv } from './orders-csv.service';
import { buildSampleDelivery } from './webhook-payloads-samples';
import { handleWebhook } from './webhooks';

export const conversionRoutes = newRouter();
const tags = ['Conversions'];

const fileBodyLimit = bodyLimit({
  maxSize: 20 * 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The file is larger than 20 MB; split it into smaller files.');
  },
});
const apiBodyLimit = bodyLimit({
  maxSize: 5 * 1024 * 1024,
  onError: () => {
    throw new AppError(
      'payload_too_large',
      'The body is larger than 5 MB; send at most 1,000 orders per request.',
    );
  },
});
const bearer = { security: [{ apiKey: [] }] };

conversionRoutes.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
  type: 'http',
  scheme: 'bearer',
  description: 'A workspace API key (created on the store connections page), for one connection of kind api.',
});

conversionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/conversions',
    tags,
    ...bearer,
    summary: 'Report orders (one, or up to 1,000 as { orders: [...] }) with an API key',
    description:
      'Each order is attributed under its program’s rules. The same externalId again is acknowledged as a duplicate: the first report wins for amount and attribution. An order the program’s conversion pixel already reported under the same id is replaced by this report (`replacedPixelOrderId`): a verified source wins over the pixel.',
    middleware: [apiBodyLimit],
    request: { body: jsonBody(apiConversionsBodySchema) },
    responses: { 200: jsonResponse(apiConversionsResultSchema, 'What was recorded'), ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    const connection = await authenticateApiKey(db, c.req.header('authorization'));
    const body = c.req.valid('json');
    const orders = 'orders' in body ? body.orders : [body];
    return c.json(await ingestOrders(db, connection, orders.map(apiOrderToInput)), 200);
  },
);

conversionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/conversions/refunds',
    tags,
    ...bearer,
    summary: 'Report refunds and cancellations (one, or up to 1,000 as { refunds: [...] }) with an API key',
    description:
      'Keyed by their own externalId. Credit is reversed in proportion to the refunded share; a cancellation removes it. A refund for an order not reported yet is held and applied when the order arrives. A refund whose currency is not its order’s is refused with 422 naming both currencies, and nothing of the request is written.',
    middleware: [apiBodyLimit],
    request: { body: jsonBody(apiRefundsBodySchema) },
    responses: { 200: jsonResponse(apiRefundsResultSchema, 'What was recorded'), ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    const connection = await authenticateApiKey(db, c.req.header('authorization'));
    const body = c.req.valid('json');
    const batch = 'refunds' in body;
    const refunds = batch ? body.refunds : [body];
    const result = await db.transaction(async (tx) => {
      const ingested = await ingestRefunds(tx, connection, refunds.map(apiRefundToInput));
      const problems: FieldProblem[] = [];
      ingested.results.forEach((r, i) => {
        if (r.outcome === 'refused')
          problems.push({ field: batch ? `refunds.${i}.currency` : 'currency', message: r.detail ?? '' });
      });
      // Nothing half-written: one refused refund rolls the request back.
      if (problems.length > 0) throw validationError(problems);
      return ingested;
    });
    return c.json(result, 200);
  },
);

conversionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/conversions',
    tags,
    summary: 'A program’s conversions with attribution, evidence, refunds and totals',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: conversionsQuerySchema },
    responses: { 200: jsonResponse(conversionsPageSchema, 'A page of conversions'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await listConversions(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('query'),
      ),
      200,
    ),
);

conversionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/conversions/export.csv',
    tags,
    summary: 'Export the program’s conversions (same filters) as CSV',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: conversionsQuerySchema.omit({ limit: true, offset: true }) },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV file' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const csv = await exportConversionsCsv(
      c.var.services.database.db,
      c.var.scope,
      c.req.valid('param').id,
      c.req.valid('query'),
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="conversions.csv"',
    });
  },
);

conversionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores/{id}/orders/import',
    tags,
    summary: 'Import orders from CSV into a store connection (send the file as text/csv); dryRun checks it',
    description:
      'Columns (header names case-insensitive): order_id, occurred_at, amount, currency (required), customer_email, codes (space or comma separated), click_id, landing_url, referrer_url. Orders already stored for the connection count as duplicates. Bad rows are named by line and column; with onError=abort (default) nothing is written if any row is bad.',
    middleware: [guard('conversions.write'), fileBodyLimit],
    request: {
      params: idParams,
      query: orderImportQuerySchema,
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonResponse(orderImportResultSchema, 'What was (or would be) imported'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await importOrdersCsv(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        await c.req.text(),
        c.req.valid('query'),
      ),
      200,
    ),
);

conversionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/stores/{id}/test-delivery',
    tags,
    summary: 'Send a signed sample delivery through the connection’s webhook handler (stores nothing)',
    description:
      'Signs a sample payload of the connection’s kind with its secret, as the store would, and runs it through the same handler as real deliveries under a test topic; the delivery is recorded. A connection without a secret answers 401 in `httpStatus`.',
    middleware: [guard('stores.manage')],
    request: { params: idParams },
    responses: { 200: jsonResponse(testDeliveryResultSchema, 'How the handler answered'), ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    const connection = await getConnectionOrThrow(db, c.var.scope, c.req.valid('param').id);
    const kind = connection.kind;
    if (!isWebhookKind(kind)) {
      throw new AppError(
        'bad_request',
        `Test deliveries are for store webhooks (Shopify, WooCommerce, Stripe); this is a ${connectionKindLabels[kind]} connection.`,
      );
    }
    const now = new Date();
    const sample = buildSampleDelivery(kind, connection.secret ?? '', now);
    const outcome = await handleWebhook(db, {
      kind,
      connectionId: connection.id,
      header: (name) => sample.headers[name.toLowerCase()],
      rawBody: sample.rawBody,
      now,
    });
    return c.json({ status: outcome.status, httpStatus: outcome.httpStatus, detail: outcome.detail }, 200);
  },
);
