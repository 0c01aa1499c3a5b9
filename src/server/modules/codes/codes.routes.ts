import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { dismissCodeAlert, listCodeAlerts, rotateFromAlert, scanProgramCodes } from './code-leaks.service';
import {
  alertListQuerySchema,
  alertRotateInputSchema,
  alertRotateResultSchema,
  codeAlertSchema,
  codeListSchema,
  codeSchema,
  issueOneInputSchema,
  issueResultSchema,
  reasonInputSchema,
  retireResultSchema,
  rotateResultSchema,
  scanQuerySchema,
  scanResultSchema,
  shopifySyncInputSchema,
} from './codes.contract';
import { issueCode, issueCodesForProgram, retireCode, rotateCode } from './codes.service';
import { syncCodeToShopify } from './codes-shopify.service';
import { exportCodesCsv, getCodeView, listAmbassadorCodes, listProgramCodes } from './codes-views.service';

export const codeRoutes = newRouter();
const tags = ['Codes'];
const codeParams = z.object({ workspaceId: z.string(), id: z.string(), codeId: z.string() });
const alertParams = z.object({ workspaceId: z.string(), id: z.string(), alertId: z.string() });

codeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/codes',
    tags,
    summary: 'A program’s discount codes with redemptions, its pattern and Shopify availability',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(codeListSchema, 'Codes'), ...errorResponses },
  }),
  async (c) =>
    c.json(await listProgramCodes(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/codes',
    tags,
    summary: 'Issue codes to every onboarding or active ambassador without one (from the program’s pattern)',
    middleware: [guard('tracking.write')],
    request: { params: idParams },
    responses: { 201: jsonResponse(issueResultSchema, 'Issued and skipped'), ...errorResponses },
  }),
  async (c) =>
    c.json(await issueCodesForProgram(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 201),
);

codeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/codes/export.csv',
    tags,
    summary: 'The program’s codes as CSV (code, ambassador, handle, email, description, status, created)',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV file' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const csv = await exportCodesCsv(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="discount-codes.csv"',
    });
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/codes/{codeId}/retire',
    tags,
    summary: 'Retire a code (removed from Shopify too when it was created there)',
    middleware: [guard('tracking.write')],
    request: { params: codeParams, body: jsonBody(reasonInputSchema) },
    responses: { 200: jsonResponse(retireResultSchema, 'The retired code'), ...errorResponses },
  }),
  async (c) => {
    const { id, codeId } = c.req.valid('param');
    return c.json(
      await retireCode(c.var.services.database.db, c.var.scope, id, codeId, c.req.valid('json').reason),
      200,
    );
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/codes/{codeId}/rotate',
    tags,
    summary: 'Retire a code and issue its ambassador a new one, in one step (reason kept)',
    middleware: [guard('tracking.write')],
    request: { params: codeParams, body: jsonBody(reasonInputSchema) },
    responses: { 200: jsonResponse(rotateResultSchema, 'Old and new code'), ...errorResponses },
  }),
  async (c) => {
    const { id, codeId } = c.req.valid('param');
    return c.json(
      await rotateCode(c.var.services.database.db, c.var.scope, id, codeId, c.req.valid('json').reason),
      200,
    );
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/codes/{codeId}/shopify',
    tags,
    summary: 'Create the code in the program’s Shopify store (price rule + discount code)',
    description:
      'Uses the program’s Shopify connection with an Admin API token (needs the write_price_rules scope). Shopify’s refusals come back as 422 naming its message, a bad token as 400, rate limiting as 429; the code in Troupe is never lost.',
    middleware: [guard('tracking.write')],
    request: { params: codeParams, body: jsonBody(shopifySyncInputSchema) },
    responses: { 200: jsonResponse(codeSchema, 'The code with its Shopify ids'), ...errorResponses },
  }),
  async (c) => {
    const { id, codeId } = c.req.valid('param');
    const { db } = c.var.services.database;
    await syncCodeToShopify(db, c.var.scope, id, codeId, c.req.valid('json'));
    return c.json(await getCodeView(db, c.var.scope, id, codeId), 200);
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/ambassadors/{id}/codes',
    tags,
    summary: 'An ambassador’s codes, current and retired',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(z.object({ items: z.array(codeSchema) }), 'Codes'), ...errorResponses },
  }),
  async (c) =>
    c.json(await listAmbassadorCodes(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/ambassadors/{id}/codes',
    tags,
    summary: 'Issue an ambassador’s code from the program’s pattern, or a code typed by hand',
    middleware: [guard('tracking.write')],
    request: { params: idParams, body: jsonBody(issueOneInputSchema) },
    responses: { 201: jsonResponse(codeSchema, 'The new code'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await issueCode(c.var.services.database.db, c.var.scope, c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
);

codeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/code-alerts',
    tags,
    summary: 'Leaked-code alerts of a program with their reasons and figures (open ones by default)',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: alertListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(codeAlertSchema) }), 'Alerts'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const items = await listCodeAlerts(
      c.var.services.database.db,
      c.var.scope,
      c.req.valid('param').id,
      c.req.valid('query').status,
    );
    return c.json({ items }, 200);
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/code-alerts/scan',
    tags,
    summary: 'Scan the program’s active codes for leaks now (the server also does every 10 minutes)',
    middleware: [guard('tracking.write')],
    request: { params: idParams, query: scanQuerySchema },
    responses: { 200: jsonResponse(scanResultSchema, 'What the scan found'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await scanProgramCodes(c.var.services.database.db, c.var.scope, c.req.valid('param').id, {
        windowDays: c.req.valid('query').windowDays,
      }),
      200,
    ),
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/code-alerts/{alertId}/dismiss',
    tags,
    summary: 'Dismiss an alert; it comes back only if the figures get worse',
    middleware: [guard('tracking.write')],
    request: { params: alertParams, body: jsonBody(reasonInputSchema) },
    responses: { 200: jsonResponse(codeAlertSchema, 'The dismissed alert'), ...errorResponses },
  }),
  async (c) => {
    const { id, alertId } = c.req.valid('param');
    return c.json(
      await dismissCodeAlert(
        c.var.services.database.db,
        c.var.scope,
        id,
        alertId,
        c.req.valid('json').reason,
      ),
      200,
    );
  },
);

codeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/code-alerts/{alertId}/rotate',
    tags,
    summary: 'Rotate the alert’s code and resolve the alert as rotated, in one step',
    middleware: [guard('tracking.write')],
    request: {
      params: alertParams,
      body: { content: { 'application/json': { schema: alertRotateInputSchema } }, required: false },
    },
    responses: {
      200: jsonResponse(alertRotateResultSchema, 'The alert and the rotation'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id, alertId } = c.req.valid('param');
    const reason = c.req.valid('json').reason ?? '';
    return c.json(
      await rotateFromAlert(c.var.services.database.db, c.var.scope, id, alertId, { reason }),
      200,
    );
  },
);
