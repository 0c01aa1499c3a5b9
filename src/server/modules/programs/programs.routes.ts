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
import { programInputSchema, programSchema } from './programs.contract';
import { createProgram, getProgramOrThrow, listPrograms, updateProgram } from './programs.service';

export const programRoutes = newRouter();
const tags = ['Programs'];

programRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs',
    tags,
    summary: 'List programs',
    middleware: [guard('programs.read')],
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(programSchema) }), 'Programs, newest first'),
      ...errorResponses,
    },
  }),
  async (c) => c.json({ items: await listPrograms(c.var.services.database.db, c.var.scope) }, 200),
);

programRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs',
    tags,
    summary: 'Create a program',
    middleware: [guard('programs.write')],
    request: { params: workspaceParams, body: jsonBody(programInputSchema) },
    responses: { 201: jsonResponse(programSchema, 'The new program'), ...errorResponses },
  }),
  async (c) => c.json(await createProgram(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

programRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}',
    tags,
    summary: 'Get a program',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(programSchema, 'The program'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getProgramOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

programRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/programs/{id}',
    tags,
    summary: 'Replace a program’s settings (tiers included)',
    middleware: [guard('programs.write')],
    request: { params: idParams, body: jsonBody(programInputSchema) },
    responses: { 200: jsonResponse(programSchema, 'The updated program'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateProgram(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
