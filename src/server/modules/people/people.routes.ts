import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import { AppError } from '../../lib/app-error';
import { auditListSchema } from '../audit/audit.contract';
import { listCreatorTimeline } from '../audit/audit.service';
import { addAmbassador, listAmbassadors, moveAmbassadorStage } from './ambassadors.service';
import { exportCreatorsCsv, importCreatorsCsv } from './creator-csv.service';
import { createCreator, getCreatorOrThrow, listCreators, updateCreator } from './creators.service';
import {
  addAmbassadorInputSchema,
  ambassadorSchema,
  creatorInputSchema,
  creatorListQuerySchema,
  creatorListSchema,
  creatorSchema,
  importQuerySchema,
  importResultSchema,
  moveStageInputSchema,
  moveStageResultSchema,
} from './people.contract';

export const peopleRoutes = newRouter();
const tags = ['People and pipeline'];

// Counts the bytes actually received, so a chunked upload without Content-Length is limited too.
const csvBodyLimit = bodyLimit({
  maxSize: 20 * 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The file is larger than 20 MB; split it into smaller files.');
  },
});

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/creators',
    tags,
    summary: 'List creators (search by name, email or handle; filter by program and stage)',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, query: creatorListQuerySchema },
    responses: { 200: jsonResponse(creatorListSchema, 'A page of creators'), ...errorResponses },
  }),
  async (c) => c.json(await listCreators(c.var.services.database.db, c.var.scope, c.req.valid('query')), 200),
);

peopleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/creators',
    tags,
    summary: 'Create a creator',
    middleware: [guard('people.write')],
    request: { params: workspaceParams, body: jsonBody(creatorInputSchema) },
    responses: { 201: jsonResponse(creatorSchema, 'The new creator'), ...errorResponses },
  }),
  async (c) => c.json(await createCreator(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/creators/export.csv',
    tags,
    summary: 'Export creators as CSV (same filters as the list)',
    middleware: [guard('people.read')],
    request: {
      params: workspaceParams,
      query: creatorListQuerySchema.pick({ q: true, programId: true, stage: true }),
    },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV file' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const csv = await exportCreatorsCsv(c.var.services.database.db, c.var.scope, c.req.valid('query'));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="creators.csv"',
    });
  },
);

peopleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/creators/import',
    tags,
    summary: 'Import creators from CSV (send the file as text/csv); dryRun validates only',
    description:
      'Columns: name (required), email, phone, country, tags (separated by ;), notes, instagram, instagram_followers, tiktok, tiktok_followers, youtube, youtube_followers (the id and programs columns of an export are ignored, so an exported file can be imported again). Each bad row is reported with its line number. With onError=abort (default) nothing is written if any row is bad; with onError=skip the good rows are written.',
    middleware: [guard('people.write'), csvBodyLimit],
    request: {
      params: workspaceParams,
      query: importQuerySchema,
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonResponse(importResultSchema, 'What was (or would be) imported'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const text = await c.req.text();
    return c.json(
      await importCreatorsCsv(c.var.services.database.db, c.var.scope, text, c.req.valid('query')),
      200,
    );
  },
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/creators/{id}',
    tags,
    summary: 'Get a creator',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(creatorSchema, 'The creator'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getCreatorOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

peopleRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/creators/{id}',
    tags,
    summary: 'Replace a creator’s details and social accounts',
    middleware: [guard('people.write')],
    request: { params: idParams, body: jsonBody(creatorInputSchema) },
    responses: { 200: jsonResponse(creatorSchema, 'The updated creator'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateCreator(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/creators/{id}/timeline',
    tags,
    summary: 'A creator’s audit timeline, newest first',
    middleware: [guard('audit.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(auditListSchema, 'Audit events'), ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    const { id } = c.req.valid('param');
    await getCreatorOrThrow(db, c.var.scope, id);
    return c.json({ items: await listCreatorTimeline(db, c.var.scope, id) }, 200);
  },
);

peopleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/ambassadors',
    tags,
    summary: 'A program’s pipeline: every ambassador with their stage',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(ambassadorSchema) }), 'Ambassadors'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      { items: await listAmbassadors(c.var.services.database.db, c.var.scope, c.req.valid('param').id) },
      200,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/ambassadors',
    tags,
    summary: 'Add a creator to a program',
    middleware: [guard('pipeline.move')],
    request: { params: idParams, body: jsonBody(addAmbassadorInputSchema) },
    responses: { 201: jsonResponse(ambassadorSchema, 'The new ambassador record'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await addAmbassador(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
);

peopleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/ambassadors/{id}/stage',
    tags,
    summary: 'Move an ambassador to another stage',
    description:
      'Refused (409 illegal_transition) when the pipeline does not allow the move. Accepting into a full program waitlists instead and says so in `message`.',
    middleware: [guard('pipeline.move')],
    request: { params: idParams, body: jsonBody(moveStageInputSchema) },
    responses: { 200: jsonResponse(moveStageResultSchema, 'The outcome'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await moveAmbassadorStage(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
