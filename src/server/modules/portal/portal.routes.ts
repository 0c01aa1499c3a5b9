import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context';
import { ambassadorScope, guard } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { AppError } from '../../lib/app-error';
import { recordAudit } from '../audit/audit.service';
import { fromAuthError } from '../auth/auth-errors';
import { getCreatorRowOrThrow } from '../people/creators.service';
import { magicLinkRequestSchema, portalMeSchema, portalProfileUpdateSchema } from './portal.contract';
import { getPortalMe, updatePortalProfile } from './portal.service';

export const portalRoutes = newRouter();
const tags = ['Ambassador portal'];

async function sendMagicLink(c: Context<AppEnv>, email: string): Promise<void> {
  try {
    await c.var.services.auth.api.signInMagicLink({
      body: { email, callbackURL: '/portal' },
      headers: c.req.raw.headers,
    });
  } catch (error) {
    throw fromAuthError(error);
  }
}

portalRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/portal/magic-link',
    tags,
    summary: 'Email a portal sign-in link (always 202, so the form does not reveal who is an ambassador)',
    request: { body: jsonBody(magicLinkRequestSchema) },
    responses: {
      202: { description: 'If the email belongs to an ambassador, a link is on its way' },
      ...errorResponses,
    },
  }),
  async (c) => {
    await sendMagicLink(c, c.req.valid('json').email);
    return c.body(null, 202);
  },
);

portalRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/creators/{id}/portal-invite',
    tags,
    summary: 'Email a creator their portal sign-in link',
    middleware: [guard('people.write')],
    request: { params: idParams },
    responses: { 202: { description: 'Sent (see the outbox)' }, ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    const person = await getCreatorRowOrThrow(db, c.var.scope, c.req.valid('param').id);
    if (!person.email) {
      throw new AppError('validation_failed', `${person.name} has no email address; add one first.`, {
        problems: [{ field: 'email', message: 'is required to send a portal link' }],
      });
    }
    await sendMagicLink(c, person.email);
    await recordAudit(db, c.var.scope, {
      action: 'creator.portal_link_sent',
      entityType: 'creator',
      entityId: person.id,
      creatorId: person.id,
      after: { email: person.email },
    });
    return c.body(null, 202);
  },
);

portalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/me',
    tags,
    summary: 'The signed-in ambassador’s programs and profiles',
    middleware: [ambassadorScope],
    responses: { 200: jsonResponse(portalMeSchema, 'Portal data'), ...errorResponses },
  }),
  async (c) => c.json(await getPortalMe(c.var.services.database.db, c.var.ambassador), 200),
);

portalRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/portal/profiles/{creatorId}',
    tags,
    summary: 'Update your own name and phone',
    middleware: [ambassadorScope],
    request: { params: z.object({ creatorId: z.string() }), body: jsonBody(portalProfileUpdateSchema) },
    responses: { 204: { description: 'Saved' }, ...errorResponses },
  }),
  async (c) => {
    await updatePortalProfile(
      c.var.services.database.db,
      c.var.ambassador,
      c.req.valid('param').creatorId,
      c.req.valid('json'),
    );
    return c.body(null, 204);
  },
);
