import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { guard } from '../../http/middleware';
import { errorResponses, idParams, jsonResponse, newRouter, workspaceParams } from '../../http/openapi';
import { AppError } from '../../lib/app-error';
import {
  listenedPostSchema,
  listeningImportQuerySchema,
  listeningImportResultSchema,
  listeningListQuerySchema,
} from './listening.contract';
import { exportListeningCsv, importListening, listListenedPosts, useAsPostUrl } from './listening.service';

export const listeningRoutes = newRouter();
const tags = ['Listening'];

const fileBodyLimit = bodyLimit({
  maxSize: 20 * 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The file is larger than 20 MB; split it into smaller files.');
  },
});

listeningRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/listening/import',
    tags,
    summary: 'Import posts from a listening export (CSV as text/csv, or a JSON array); dryRun reports only',
    description:
      'Columns (or JSON keys), case-insensitive: handle (also Author, Username, User), url (URL, Link, Permalink), caption (Text, Content, Message), posted_at (Date, Published), platform (else read from the URL). Posts are stored once per URL (scheme/host case, www., trailing slash and tracking parameters ignored): a re-import updates them. Each post is matched to an ambassador by social account handle (case-insensitive, @ ignored), to a submission by its post URL, else to an approved draft of that ambassador with the same caption as a proposal ("Use as post URL"). Bad rows are named by line (CSV) or position (JSON); with onError=abort (default) nothing is written if any row is bad.',
    middleware: [guard('content.write'), fileBodyLimit],
    request: {
      params: workspaceParams,
      query: listeningImportQuerySchema,
      body: {
        content: {
          'text/csv': { schema: z.string() },
          // Checked by the import, which names each bad item by its position.
          'application/json': { schema: z.any().openapi({ type: 'array', items: { type: 'object' } }) },
        },
        required: true,
      },
    },
    responses: {
      200: jsonResponse(listeningImportResultSchema, 'What was (or would be) imported'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const isJson = (c.req.header('content-type') ?? '').includes('json');
    const text = isJson ? JSON.stringify(c.req.valid('json')) : await c.req.text();
    return c.json(
      await importListening(
        c.var.services.database.db,
        c.var.scope,
        text,
        isJson ? 'json' : 'csv',
        c.req.valid('query'),
      ),
      200,
    );
  },
);

listeningRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/listening',
    tags,
    summary: 'Listened posts with the ambassador and submission they match',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, query: listeningListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(listenedPostSchema) }), 'Listened posts'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      {
        items: await listListenedPosts(c.var.services.database.db, c.var.scope, c.req.valid('query')),
      },
      200,
    ),
);

listeningRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/listening/export.csv',
    tags,
    summary: 'Export the listened posts as CSV',
    middleware: [guard('people.read')],
    request: { params: workspaceParams },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV file' },
      ...errorResponses,
    },
  }),
  async (c) =>
    c.body(await exportListeningCsv(c.var.services.database.db, c.var.scope), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="listened-posts.csv"',
    }),
);

listeningRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/listening/{id}/use-as-post-url',
    tags,
    summary: 'Confirm a caption match: record the post’s URL on its approved submission (published)',
    middleware: [guard('content.write')],
    request: { params: idParams },
    responses: {
      200: jsonResponse(listenedPostSchema, 'The listened post, now matched by URL'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(await useAsPostUrl(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);
