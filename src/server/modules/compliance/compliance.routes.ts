import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../http/context';
import { requireUser } from '../../http/middleware';
import { errorResponses, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { complianceCheckInputSchema, complianceCheckResultSchema } from './compliance.contract';
import { checkCaptionFor, findProgramForUser } from './compliance.service';

export const complianceRoutes = newRouter();

/** Refuses callers without a team session before the body is read (401, or 403 for a portal session). */
const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireUser(c);
  await next();
});

complianceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/compliance/check',
    tags: ['Compliance'],
    summary: 'Check a caption: disclosure, mentions, forbidden terms, competitors, tracking link or code',
    description:
      'Needs a team member’s session. Rules come from, in order: `rules` (raw compliance rules); an inline `brief` (brief content, plus the competitors of `programId` when given); the live standing brief of `programId` (campaign null) and the program’s competitors; else the defaults (disclosure only). `programId` must be in one of your workspaces (404 otherwise; `workspaceId` optionally narrows it). `passed` is false when a `must` rule fails. Invalid input (unknown platform, empty caption) is a 422 naming the field.',
    middleware: [signedIn],
    request: { body: jsonBody(complianceCheckInputSchema) },
    responses: { 200: jsonResponse(complianceCheckResultSchema, 'One result per rule'), ...errorResponses },
  }),
  async (c) => {
    const user = requireUser(c);
    const { programId, workspaceId, ...input } = c.req.valid('json');
    const db = c.var.services.database.db;
    const target = programId ? await findProgramForUser(db, user.id, programId, workspaceId) : null;
    return c.json(await checkCaptionFor(db, target, input), 200);
  },
);
