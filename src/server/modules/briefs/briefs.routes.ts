import { createRoute, z } from '@hono/zod-openapi';
import { ambassadorScope, guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import {
  briefCreateInputSchema,
  briefDetailSchema,
  briefDiffQuerySchema,
  briefDiffSchema,
  briefListQuerySchema,
  briefPublishInputSchema,
  briefStalenessSchema,
  briefSummarySchema,
  portalBriefSchema,
  portalBriefsQuerySchema,
} from './briefs.contract';
import {
  archiveBrief,
  briefStaleness,
  createBrief,
  diffBriefVersions,
  getBriefOrThrow,
  listBriefs,
  listPortalBriefs,
  publishBriefVersion,
} from './briefs.service';

export const briefRoutes = newRouter();
const tags = ['Briefs'];
const briefParams = idParams.extend({ briefId: z.string() });
const staleQuery = briefListQuerySchema.pick({ staleAfterDays: true });

briefRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs',
    tags,
    summary: 'A program’s briefs with their current version and stale flag',
    description:
      'A brief is stale when its current version was published more than `staleAfterDays` days ago (default 90).',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: briefListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(briefSummarySchema) }), 'Briefs'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      {
        items: await listBriefs(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          c.req.valid('query'),
        ),
      },
      200,
    ),
);

briefRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs',
    tags,
    summary: 'Create a brief (version 1); one live brief per program and campaign label',
    middleware: [guard('briefs.write')],
    request: { params: idParams, body: jsonBody(briefCreateInputSchema) },
    responses: { 201: jsonResponse(briefDetailSchema, 'The new brief'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await createBrief(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
);

briefRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs/{briefId}',
    tags,
    summary: 'A brief with all its versions',
    middleware: [guard('programs.read')],
    request: { params: briefParams, query: staleQuery },
    responses: { 200: jsonResponse(briefDetailSchema, 'The brief'), ...errorResponses },
  }),
  async (c) => {
    const { id, briefId } = c.req.valid('param');
    return c.json(
      await getBriefOrThrow(c.var.services.database.db, c.var.scope, id, briefId, c.req.valid('query')),
      200,
    );
  },
);

briefRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs/{briefId}/versions',
    tags,
    summary: 'Publish a new version (the whole content and a change note)',
    middleware: [guard('briefs.write')],
    request: { params: briefParams, body: jsonBody(briefPublishInputSchema) },
    responses: { 201: jsonResponse(briefDetailSchema, 'The brief at its new version'), ...errorResponses },
  }),
  async (c) => {
    const { id, briefId } = c.req.valid('param');
    return c.json(
      await publishBriefVersion(c.var.services.database.db, c.var.scope, id, briefId, c.req.valid('json')),
      201,
    );
  },
);

briefRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs/{briefId}/diff',
    tags,
    summary: 'What changed between two versions (default: the previous and the current one)',
    middleware: [guard('programs.read')],
    request: { params: briefParams, query: briefDiffQuerySchema },
    responses: { 200: jsonResponse(briefDiffSchema, 'The changes'), ...errorResponses },
  }),
  async (c) => {
    const { id, briefId } = c.req.valid('param');
    return c.json(
      await diffBriefVersions(c.var.services.database.db, c.var.scope, id, briefId, c.req.valid('query')),
      200,
    );
  },
);

briefRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/briefs/{briefId}/archive',
    tags,
    summary: 'Archive a brief: ambassadors stop seeing it',
    middleware: [guard('briefs.write')],
    request: { params: briefParams },
    responses: { 200: jsonResponse(briefDetailSchema, 'The archived brief'), ...errorResponses },
  }),
  async (c) => {
    const { id, briefId } = c.req.valid('param');
    return c.json(await archiveBrief(c.var.services.database.db, c.var.scope, id, briefId), 200);
  },
);

briefRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/briefs/staleness',
    tags,
    summary: 'Per program: live briefs and how many are stale (for the programs list)',
    middleware: [guard('programs.read')],
    request: { params: workspaceParams, query: staleQuery },
    responses: { 200: jsonResponse(briefStalenessSchema, 'Staleness per program'), ...errorResponses },
  }),
  async (c) =>
    c.json(await briefStaleness(c.var.services.database.db, c.var.scope, c.req.valid('query')), 200),
);

briefRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/briefs',
    tags: ['Ambassador portal'],
    summary: 'The current briefs of the signed-in ambassador’s programs, with what changed',
    description:
      'Only programs where the ambassador holds a seat (accepted, onboarding, active, paused). `since`: compare with this version instead of the previous one.',
    middleware: [ambassadorScope],
    request: { query: portalBriefsQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(portalBriefSchema) }), 'Briefs'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      {
        items: await listPortalBriefs(c.var.services.database.db, c.var.ambassador, {
          since: c.req.valid('query').since,
        }),
      },
      200,
    ),
);
