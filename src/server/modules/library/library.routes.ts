import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ambassadorScope, guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import { AppError } from '../../lib/app-error';
import { baseUrlOf } from '../../lib/env';
import { getAssetOrThrow, listAssets, replaceAssetRights } from './assets.service';
import { getCadence, sendCadenceReminders } from './cadence.service';
import { exportAssets } from './export.service';
import {
  assetDetailSchema,
  assetListQuerySchema,
  assetListSchema,
  cadenceQuerySchema,
  cadenceReportSchema,
  exportInputSchema,
  metricsImportQuerySchema,
  metricsImportResultSchema,
  metricsInputSchema,
  metricsSnapshotSchema,
  publicationInputSchema,
  publicationListQuerySchema,
  publicationSchema,
  reminderInputSchema,
  reminderResultSchema,
  rightsInputSchema,
} from './library.contract';
import { addMetricsSnapshot, importMetricsCsv, listMetrics } from './metrics.service';
import {
  getPublicationOrThrow,
  listOwnPublications,
  listPublications,
  publishOwnSubmission,
  publishSubmission,
} from './publication.service';

export const libraryRoutes = newRouter();
const tags = ['Publication and library'];

const csvBodyLimit = bodyLimit({
  maxSize: 20 * 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The file is larger than 20 MB; split it into smaller files.');
  },
});

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/publications',
    tags,
    summary: 'Approved and published submissions with their post URL and metrics',
    middleware: [guard('programs.read')],
    request: { params: workspaceParams, query: publicationListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(publicationSchema) }), 'Submissions'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      { items: await listPublications(c.var.services.database.db, c.var.scope, c.req.valid('query').status) },
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/submissions/{id}/publication',
    tags,
    summary: 'A submission’s publication: status, post URL, asset and metrics',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(publicationSchema, 'Publication'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getPublicationOrThrow(
        c.var.services.database.db,
        c.var.scope.workspaceId,
        c.req.valid('param').id,
      ),
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/submissions/{id}/publication',
    tags,
    summary: 'Record the post URL of an approved submission; it becomes a library asset with default rights',
    description:
      'The URL must be http(s) on the submission’s platform (instagram.com, tiktok.com, youtube.com/youtu.be; any host for other) and unique in the workspace (409 otherwise). Only approved (or already published, to correct the URL or date) submissions. `publishedAt` (default now) may be neither before the approval nor in the future; a corrected date moves the program-granted usage rights with it (rights granted per asset stay).',
    middleware: [guard('content.write')],
    request: { params: idParams, body: jsonBody(publicationInputSchema) },
    responses: { 200: jsonResponse(publicationSchema, 'Published'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await publishSubmission(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/submissions/{id}/metrics',
    tags,
    summary: 'Metrics snapshots of a published submission, oldest first',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(metricsSnapshotSchema) }), 'Snapshots'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      { items: await listMetrics(c.var.services.database.db, c.var.scope, c.req.valid('param').id) },
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/submissions/{id}/metrics',
    tags,
    summary: 'Enter a metrics snapshot by hand (non-negative whole numbers, at least one)',
    middleware: [guard('content.write')],
    request: { params: idParams, body: jsonBody(metricsInputSchema) },
    responses: { 201: jsonResponse(metricsSnapshotSchema, 'The snapshot'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await addMetricsSnapshot(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/metrics/import',
    tags,
    summary:
      'Import metrics snapshots from CSV (send the file as text/csv); dryRun reports what would happen',
    description:
      'Columns (header case-insensitive): post_url or submission_id, captured_at, likes, comments, shares, saves, views, reach. Bad rows are named by line and column; with onError=abort (default) nothing is written if any row is bad.',
    middleware: [guard('content.write'), csvBodyLimit],
    request: {
      params: workspaceParams,
      query: metricsImportQuerySchema,
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonResponse(metricsImportResultSchema, 'What was (or would be) imported'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await importMetricsCsv(
        c.var.services.database.db,
        c.var.scope,
        await c.req.text(),
        c.req.valid('query'),
      ),
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/cadence',
    tags,
    summary:
      'Cadence for a month: required vs delivered per format, per active ambassador and for the cohort',
    description:
      'For the current month, `expectedByNow` = floor(required × elapsed days ÷ days in month): an ambassador below it on any format is behind; at or above it, on track; at the requirement, met. A past month expects everything.',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: cadenceQuerySchema },
    responses: { 200: jsonResponse(cadenceReportSchema, 'Cadence'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getCadence(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('query').month,
      ),
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/cadence/reminders',
    tags,
    summary: 'Email a cadence reminder to ambassadors behind this month (once per ambassador per month)',
    middleware: [guard('content.write')],
    request: { params: idParams, body: jsonBody(reminderInputSchema) },
    responses: {
      200: jsonResponse(reminderResultSchema, 'Who was reminded and who was skipped'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { database, mailer, env } = c.var.services;
    return c.json(
      await sendCadenceReminders(
        database.db,
        c.var.scope,
        mailer,
        c.req.valid('param').id,
        c.req.valid('json').ambassadorIds,
        `${baseUrlOf(env)}/portal`,
      ),
      200,
    );
  },
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/assets',
    tags,
    summary: 'The UGC library: search and filter published assets',
    description:
      '`q` searches captions, handles and names. Performance filters use each post’s latest metrics snapshot (engagement = likes + comments + shares + saves). `rights`: an asset with a right (on `channel`, if given) that is active (more than 30 days left or no end), expiring within 30 days, or expired.',
    middleware: [guard('programs.read')],
    request: { params: workspaceParams, query: assetListQuerySchema },
    responses: { 200: jsonResponse(assetListSchema, 'Assets'), ...errorResponses },
  }),
  async (c) => c.json(await listAssets(c.var.services.database.db, c.var.scope, c.req.valid('query')), 200),
);

libraryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/assets/export',
    tags,
    summary: 'Export assets for an intended channel: a ZIP of media files and manifest.csv',
    description:
      'Refused (422, naming each asset and why) when any asset has no current right for the channel — expired assets cannot be exported for paid use.',
    middleware: [guard('content.write')],
    request: { params: workspaceParams, body: jsonBody(exportInputSchema) },
    responses: {
      200: { content: { 'application/zip': { schema: z.string() } }, description: 'ZIP file' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const { database, storage } = c.var.services;
    const { zip, filename } = await exportAssets(database.db, storage, c.var.scope, c.req.valid('json'));
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  },
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/assets/{id}',
    tags,
    summary: 'An asset with credits, caption, media, metrics and rights',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(assetDetailSchema, 'Asset'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getAssetOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

libraryRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/assets/{id}/rights',
    tags,
    summary: 'Replace an asset’s usage rights (one per channel, end not before start); audited',
    middleware: [guard('content.write')],
    request: { params: idParams, body: jsonBody(rightsInputSchema) },
    responses: { 200: jsonResponse(assetDetailSchema, 'Asset'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await replaceAssetRights(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

const portalSubmissionParams = z.object({ id: z.string() });

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/publications',
    tags: ['Ambassador portal'],
    summary: 'Your approved and published posts',
    middleware: [ambassadorScope],
    responses: {
      200: jsonResponse(z.object({ items: z.array(publicationSchema) }), 'Posts'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json({ items: await listOwnPublications(c.var.services.database.db, c.var.ambassador) }, 200),
);

libraryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/submissions/{id}/publication',
    tags: ['Ambassador portal'],
    summary: 'Your submission’s publication state',
    middleware: [ambassadorScope],
    request: { params: portalSubmissionParams },
    responses: { 200: jsonResponse(publicationSchema, 'Publication'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getPublicationOrThrow(
        c.var.services.database.db,
        c.var.ambassador.workspaceId,
        c.req.valid('param').id,
        c.var.ambassador.creatorId,
      ),
      200,
    ),
);

libraryRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/portal/submissions/{id}/publication',
    tags: ['Ambassador portal'],
    summary: 'Record the post URL of your approved submission',
    description:
      'Once: a published post is corrected by the brand team (409). `publishedAt` (default now) may be neither before the approval nor in the future.',
    middleware: [ambassadorScope],
    request: { params: portalSubmissionParams, body: jsonBody(publicationInputSchema) },
    responses: { 200: jsonResponse(publicationSchema, 'Published'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await publishOwnSubmission(
        c.var.services.database.db,
        c.var.ambassador,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
