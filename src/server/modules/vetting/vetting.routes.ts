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
  flagOverrideInputSchema,
  reportDetailSchema,
  storedPoolSchema,
  storedReportSchema,
  vetOneInputSchema,
  vetPoolInputSchema,
} from './vetting.contract';
import { getReportOrThrow, listReports, overrideFlag, restoreFlag, vetMany, vetOne } from './vetting.service';

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
    responses: { 201: jsonResponse(reportDetailSchema, 'The stored report'), ...errorResponses },
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
    summary:
      'One stored vetting report with its input; reviewers’ overrides applied (the engine’s score is originalScore)',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(reportDetailSchema, 'The report'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getReportOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

vettingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/vetting/reports/{id}/overrides',
    tags,
    summary:
      'Override one flag of a report with a reason; the score and verdict are recomputed without it (409 if already overridden)',
    middleware: [guard('vetting.override')],
    request: { params: idParams, body: jsonBody(flagOverrideInputSchema) },
    responses: {
      201: jsonResponse(reportDetailSchema, 'The report with the override applied'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await overrideFlag(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
);

vettingRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/vetting/reports/{id}/overrides/{overrideId}',
    tags,
    summary: 'Remove an override, so the flag counts again',
    middleware: [guard('vetting.override')],
    request: { params: idParams.extend({ overrideId: z.string() }) },
    responses: {
      200: jsonResponse(reportDetailSchema, 'The report without that override'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id, overrideId } = c.req.valid('param');
    return c.json(await restoreFlag(c.var.services.database.db, c.var.scope, id, overrideId), 200);
  },
);
