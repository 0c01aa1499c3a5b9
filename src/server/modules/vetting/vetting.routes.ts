import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import {
  storedPoolSchema,
  storedReportSchema,
  vetOneInputSchema,
  vetPoolInputSchema,
} from './vetting.contract';
import { getReportOrThrow, listReports, vetMany, vetOne } from './vetting.service';

export const vettingRoutes = newRouter();
const tags = ['Vetting'];

vettingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/vetting/reports',
    tags,
    summary: 'Vet one creator (optionally against a program’s persona and competitors) and store the report',
    middleware: [guard('vetting.run')],
    request: { params: workspaceParams, body: jsonBody(vetOneInputSchema) },
    responses: { 201: jsonResponse(storedReportSchema, 'The stored report'), ...errorResponses },
  }),
  async (c) => c.json(await vetOne(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

vettingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/vetting/pools',
    tags,
    summary: 'Vet a pool of creators, adding cross-pool pod (comment ring) detection',
    middleware: [guard('vetting.run')],
    request: { params: workspaceParams, body: jsonBody(vetPoolInputSchema) },
    responses: {
      201: jsonResponse(storedPoolSchema, 'The stored reports and pod groups'),
      ...errorResponses,
    },
  }),
  async (c) => c.json(await vetMany(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

vettingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/vetting/reports',
    tags,
    summary: 'Recent vetting reports (optionally of one creator)',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, query: z.object({ creatorId: z.string().optional() }) },
    responses: {
      200: jsonResponse(z.object({ items: z.array(storedReportSchema) }), 'Reports'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json({ items: await listReports(c.var.services.database.db, c.var.scope, c.req.valid('query')) }, 200),
);

vettingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/vetting/reports/{id}',
    tags,
    summary: 'One stored vetting report',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(storedReportSchema, 'The report'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getReportOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);
