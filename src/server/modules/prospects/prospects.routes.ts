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
import { bulkVetList, inviteFromList } from './prospect-actions.service';
import { exportProspectsCsv, importProspectsCsv } from './prospect-csv.service';
import {
  bulkVetResultSchema,
  inviteInputSchema,
  inviteResultSchema,
  listDetailSchema,
  listInputSchema,
  listSchema,
  prospectImportQuerySchema,
  prospectImportResultSchema,
} from './prospects.contract';
import {
  createProspectList,
  deleteProspectList,
  getProspectListOrThrow,
  listProspectLists,
  updateProspectList,
} from './prospects.service';

export const prospectRoutes = newRouter();
const tags = ['Prospects'];

// Counts the bytes actually received, so a chunked upload without Content-Length is limited too.
const fileBodyLimit = bodyLimit({
  maxSize: 20 * 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The file is larger than 20 MB; split it into smaller files.');
  },
});

prospectRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/prospect-lists',
    tags,
    summary: 'Prospect lists with their size and target program',
    middleware: [guard('people.read')],
    request: { params: workspaceParams },
    responses: { 200: jsonResponse(z.object({ items: z.array(listSchema) }), 'Lists'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listProspectLists(c.var.services.database.db, c.var.scope) }, 200),
);

prospectRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/prospect-lists',
    tags,
    summary: 'Create a prospect list',
    middleware: [guard('prospects.write')],
    request: { params: workspaceParams, body: jsonBody(listInputSchema) },
    responses: { 201: jsonResponse(listSchema, 'The new list'), ...errorResponses },
  }),
  async (c) =>
    c.json(await createProspectList(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

prospectRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}',
    tags,
    summary: 'A list with its prospects, their stage in the target program and latest vetting',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(listDetailSchema, 'The list'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getProspectListOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id),
      200,
    ),
);

prospectRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}',
    tags,
    summary: 'Rename a list or change its source or target program',
    middleware: [guard('prospects.write')],
    request: { params: idParams, body: jsonBody(listInputSchema) },
    responses: { 200: jsonResponse(listSchema, 'The updated list'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateProspectList(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

prospectRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}',
    tags,
    summary: 'Delete a list (its creators stay in the workspace)',
    middleware: [guard('prospects.write')],
    request: { params: idParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  }),
  async (c) => {
    await deleteProspectList(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

prospectRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}/import',
    tags,
    summary: 'Import prospects from CSV (send the file as text/csv); dryRun reports what would happen',
    description:
      'Columns (header names case-insensitive): platform, handle, email, name, followers, source, country; each row needs a handle with its platform, or an email. A row is matched to an existing creator by platform + handle, then by email, else a new creator is made; a person already in the list counts as a duplicate. Bad rows are named by line; with onError=abort (default) nothing is written if any row is bad.',
    middleware: [guard('prospects.write'), fileBodyLimit],
    request: {
      params: idParams,
      query: prospectImportQuerySchema,
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonResponse(prospectImportResultSchema, 'What was (or would be) imported'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await importProspectsCsv(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        await c.req.text(),
        c.req.valid('query'),
      ),
      200,
    ),
);

prospectRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}/export.csv',
    tags,
    summary: 'Export a list as CSV',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV file' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const csv = await exportProspectsCsv(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="prospects.csv"',
    });
  },
);

prospectRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}/vet',
    tags,
    summary: 'Vet the list’s prospects from a JSONL file of vetting inputs (one creator per line)',
    description:
      'Each line follows docs/vetting-input.schema.json and is matched to a prospect of the list by platform + handle; unmatched lines are reported. Any invalid line refuses the whole file (422 naming the line).',
    middleware: [guard('vetting.run'), fileBodyLimit],
    request: {
      params: idParams,
      body: {
        content: {
          'application/x-ndjson': { schema: z.string() },
          'text/plain': { schema: z.string() },
        },
        required: true,
      },
    },
    responses: { 200: jsonResponse(bulkVetResultSchema, 'Vetted and unmatched lines'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await bulkVetList(c.var.services.database.db, c.var.scope, c.req.valid('param').id, await c.req.text()),
      200,
    ),
);

prospectRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/prospect-lists/{id}/invite',
    tags,
    summary: 'Invite prospects to the list’s program and send each the outreach template',
    description:
      'All or nothing: refused with 422 while any recipient has an unfilled placeholder or no email, or is past the invitation stage. Those not yet in the program join as invited; prospects move to invited.',
    middleware: [guard('outreach.send')],
    request: { params: idParams, body: jsonBody(inviteInputSchema) },
    responses: { 201: jsonResponse(inviteResultSchema, 'Who was invited'), ...errorResponses },
  }),
  async (c) => {
    const { database, mailer } = c.var.services;
    return c.json(
      await inviteFromList(database.db, c.var.scope, mailer, c.req.valid('param').id, c.req.valid('json')),
      201,
    );
  },
);
