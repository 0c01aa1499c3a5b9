import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { guard, requireUser } from '../../http/middleware';
import { errorResponses, jsonBody, jsonResponse, newRouter, workspaceParams } from '../../http/openapi';
import { baseUrlOf } from '../../lib/env';
import { auditListSchema } from '../audit/audit.contract';
import { listWorkspaceAudit } from '../audit/audit.service';
import { user } from '../auth/auth.schema';
import { fromAuthError } from '../auth/auth-errors';
import { outboxListSchema } from '../outbox/outbox.contract';
import { listOutbox } from '../outbox/outbox.service';
import {
  createWorkspaceInputSchema,
  invitationInputSchema,
  invitationSchema,
  membersPageSchema,
  meSchema,
  signupInputSchema,
  updateMemberInputSchema,
  workspaceSummarySchema,
} from './workspaces.contract';
import {
  acceptInvitation,
  createWorkspace,
  getInvitationByTokenOrThrow,
  getMe,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  updateMemberRole,
} from './workspaces.service';

export const workspaceRoutes = newRouter();
const tags = ['Workspaces and members'];
const memberParams = z.object({ workspaceId: z.string(), id: z.string() });
const invitationLinkParams = z.object({ token: z.string() });

workspaceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/signup',
    tags,
    summary: 'Sign up: creates a user and (with workspaceName) a workspace they own, and signs them in',
    request: { body: jsonBody(signupInputSchema.partial({ workspaceName: true })) },
    responses: { 201: jsonResponse(meSchema, 'The new user and workspace'), ...errorResponses },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { auth, database } = c.var.services;
    let signedUp: { headers: Headers; response: { user: { id: string; name: string; email: string } } };
    try {
      signedUp = await auth.api.signUpEmail({
        body: { name: input.name, email: input.email, password: input.password },
        returnHeaders: true,
      });
    } catch (error) {
      throw fromAuthError(error);
    }
    const u = signedUp.response.user;
    if (input.workspaceName) {
      try {
        const workspaceName = input.workspaceName;
        await database.db.transaction((tx) =>
          createWorkspace(tx, { userId: u.id, name: u.name }, workspaceName),
        );
      } catch (error) {
        // better-auth committed the user on its own; take it back so sign-up is all or nothing.
        await database.db.delete(user).where(eq(user.id, u.id));
        throw error;
      }
    }
    for (const cookie of signedUp.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return c.json(await getMe(database.db, u), 201);
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags,
    summary: 'The signed-in user and their workspaces',
    responses: { 200: jsonResponse(meSchema, 'Me'), ...errorResponses },
  }),
  async (c) => c.json(await getMe(c.var.services.database.db, requireUser(c)), 200),
);

workspaceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces',
    tags,
    summary: 'Create another workspace (you become its owner)',
    request: { body: jsonBody(createWorkspaceInputSchema) },
    responses: { 201: jsonResponse(workspaceSummarySchema, 'The workspace'), ...errorResponses },
  }),
  async (c) => {
    const u = requireUser(c);
    const { name } = c.req.valid('json');
    const ws = await c.var.services.database.db.transaction((tx) =>
      createWorkspace(tx, { userId: u.id, name: u.name }, name),
    );
    return c.json(ws, 201);
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/members',
    tags,
    summary: 'Members and pending invitations',
    middleware: [guard('members.read')],
    request: { params: workspaceParams },
    responses: { 200: jsonResponse(membersPageSchema, 'Members'), ...errorResponses },
  }),
  async (c) => {
    const { db } = c.var.services.database;
    return c.json(
      { members: await listMembers(db, c.var.scope), invitations: await listInvitations(db, c.var.scope) },
      200,
    );
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/invitations',
    tags,
    summary: 'Invite someone by email with a role',
    middleware: [guard('members.manage')],
    request: { params: workspaceParams, body: jsonBody(invitationInputSchema) },
    responses: { 201: jsonResponse(invitationSchema, 'The invitation (emailed)'), ...errorResponses },
  }),
  async (c) => {
    const { database, mailer, env } = c.var.services;
    // Never the request's own origin: a forged Host header must not decide where the emailed link points.
    const baseUrl = baseUrlOf(env);
    return c.json(
      await inviteMember(database.db, c.var.scope, c.req.valid('json'), { mailer, baseUrl }),
      201,
    );
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/invitations/{id}',
    tags,
    summary: 'Revoke a pending invitation',
    middleware: [guard('members.manage')],
    request: { params: memberParams },
    responses: { 204: { description: 'Revoked' }, ...errorResponses },
  }),
  async (c) => {
    await revokeInvitation(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/workspaces/{workspaceId}/members/{id}',
    tags,
    summary: 'Change a member’s role',
    middleware: [guard('members.manage')],
    request: { params: memberParams, body: jsonBody(updateMemberInputSchema) },
    responses: { 204: { description: 'Changed' }, ...errorResponses },
  }),
  async (c) => {
    await updateMemberRole(
      c.var.services.database.db,
      c.var.scope,
      c.req.valid('param').id,
      c.req.valid('json').role,
    );
    return c.body(null, 204);
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/members/{id}',
    tags,
    summary: 'Remove a member (members may remove themselves)',
    middleware: [guard('members.read')],
    request: { params: memberParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
  async (c) => {
    await removeMember(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

workspaceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/invitations/{token}',
    tags,
    summary: 'An invitation, for its accept page (the token is the secret from the emailed link)',
    request: { params: invitationLinkParams },
    responses: { 200: jsonResponse(invitationSchema, 'The invitation'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getInvitationByTokenOrThrow(c.var.services.database.db, c.req.valid('param').token), 200),
);

workspaceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/invitations/{token}/accept',
    tags,
    summary: 'Accept an invitation (token from the emailed link) as the signed-in, invited user',
    request: { params: invitationLinkParams },
    responses: { 200: jsonResponse(workspaceSummarySchema, 'The joined workspace'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await acceptInvitation(c.var.services.database.db, requireUser(c), c.req.valid('param').token),
      200,
    ),
);

workspaceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/outbox',
    tags: ['Outbox and audit'],
    summary: 'Every email Troupe sent (or recorded) for this workspace',
    middleware: [guard('outbox.read')],
    request: { params: workspaceParams },
    responses: { 200: jsonResponse(outboxListSchema, 'Messages, newest first'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listOutbox(c.var.services.database.db, c.var.scope) }, 200),
);

workspaceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/audit',
    tags: ['Outbox and audit'],
    summary: 'The workspace’s recent audit events',
    middleware: [guard('audit.read')],
    request: { params: workspaceParams },
    responses: { 200: jsonResponse(auditListSchema, 'Events, newest first'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listWorkspaceAudit(c.var.services.database.db, c.var.scope) }, 200),
);
