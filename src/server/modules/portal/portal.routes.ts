import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ambassadorScope, guard, portalCookie } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { AppError } from '../../lib/app-error';
import { baseUrlOf } from '../../lib/env';
import { recordAudit } from '../audit/audit.service';
import { getCreatorRowOrThrow } from '../people/creators.service';
import { magicLinkRequestSchema, portalMeSchema, portalProfileUpdateSchema } from './portal.contract';
import { getPortalMe, updatePortalProfile } from './portal.service';
import {
  endPortalSession,
  issuePortalLink,
  portalSessionDays,
  redeemPortalLink,
  requestPortalLinks,
} from './portal-auth.service';
import { portalTrackingSchema } from './portal-tracking.contract';
import { getPortalTracking } from './portal-tracking.service';

export const portalRoutes = newRouter();
const tags = ['Ambassador portal'];

portalRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/portal/magic-link',
    tags,
    summary: 'Email portal sign-in links (always 202, so the form does not reveal who is an ambassador)',
    request: { body: jsonBody(magicLinkRequestSchema) },
    responses: {
      202: { description: 'If the email belongs to a contacted ambassador, a link is on its way' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const { database, mailer, env } = c.var.services;
    await requestPortalLinks(database.db, c.req.valid('json').email, { mailer, baseUrl: baseUrlOf(env) });
    return c.body(null, 202);
  },
);

portalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/verify',
    tags,
    summary: 'Open an emailed sign-in link: starts a portal session and redirects to the portal',
    request: { query: z.object({ token: z.string().max(200) }) },
    responses: {
      302: { description: 'To /portal when the link is valid, else to /portal/signin?error=invalid_link' },
    },
  }),
  async (c) => {
    const { database, env } = c.var.services;
    const redeemed = await redeemPortalLink(database.db, c.req.valid('query').token);
    if (!redeemed) return c.redirect('/portal/signin?error=invalid_link', 302);
    setCookie(c, portalCookie, redeemed.sessionToken, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: baseUrlOf(env).startsWith('https://'),
      path: '/',
      maxAge: portalSessionDays * 86_400,
    });
    return c.redirect('/portal', 302);
  },
);

portalRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/portal/sign-out',
    tags,
    summary: 'End the portal session',
    responses: { 204: { description: 'Signed out' } },
  }),
  async (c) => {
    const token = getCookie(c, portalCookie);
    if (token) await endPortalSession(c.var.services.database.db, token);
    deleteCookie(c, portalCookie, { path: '/' });
    return c.body(null, 204);
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
    const { database, mailer, env } = c.var.services;
    const person = await getCreatorRowOrThrow(database.db, c.var.scope, c.req.valid('param').id);
    if (!person.email) {
      throw new AppError('validation_failed', `${person.name} has no email address; add one first.`, {
        problems: [{ field: 'email', message: 'is required to send a portal link' }],
      });
    }
    await issuePortalLink(
      database.db,
      { workspaceId: c.var.scope.workspaceId, creatorId: person.id },
      { mailer, baseUrl: baseUrlOf(env) },
    );
    await recordAudit(database.db, c.var.scope, {
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
    summary: 'The signed-in ambassador’s programs and profile',
    middleware: [ambassadorScope],
    responses: { 200: jsonResponse(portalMeSchema, 'Portal data'), ...errorResponses },
  }),
  async (c) => c.json(await getPortalMe(c.var.services.database.db, c.var.ambassador), 200),
);

portalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/portal/tracking',
    tags,
    summary: 'Your active discount codes and live tracked links, to put in your captions',
    middleware: [ambassadorScope],
    responses: { 200: jsonResponse(portalTrackingSchema, 'Codes and links'), ...errorResponses },
  }),
  async (c) => {
    const { database, env } = c.var.services;
    return c.json(await getPortalTracking(database.db, c.var.ambassador, baseUrlOf(env)), 200);
  },
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
