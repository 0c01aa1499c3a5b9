// Authentication and tenancy middleware: who is calling, in which workspace, with which role.
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { can, type Permission, permissions } from '../../core/access/roles';
import { AppError } from '../lib/app-error';
import { findPortalSession } from '../modules/portal/portal-auth.service';
import { member, workspace } from '../modules/workspaces/workspaces.schema';
import type { AppEnv, SessionUser } from './context';

export const portalCookie = 'troupe_portal';

/** Loads the session (if any) into `c.var.user`. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const result = await c.var.services.auth.api.getSession({ headers: c.req.raw.headers });
  const u = result?.user;
  c.set('user', u ? ({ id: u.id, name: u.name, email: u.email } as SessionUser) : null);
  await next();
});

/** Requires a signed-in staff user. An ambassador's portal session is refused with 403, not 401. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  if (c.var.user) return c.var.user;
  if (getCookie(c, portalCookie)) {
    throw new AppError(
      'forbidden',
      'You are signed in to the ambassador portal; this needs a team member’s sign-in.',
    );
  }
  throw new AppError('unauthenticated', 'Sign in to continue.');
}

/**
 * Resolves `:workspaceId` to the caller's membership. A workspace the caller does not belong to answers
 * 404, exactly like one that does not exist, so ids from other tenants reveal nothing.
 */
export const workspaceScope = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireUser(c);
  const workspaceId = c.req.param('workspaceId') ?? '';
  const [row] = await c.var.services.database.db
    .select({ role: member.role })
    .from(member)
    .innerJoin(workspace, eq(workspace.id, member.workspaceId))
    .where(and(eq(member.workspaceId, workspaceId), eq(member.userId, user.id)));
  if (!row) throw new AppError('not_found', `No workspace with id ${workspaceId}.`);
  c.set('scope', { workspaceId, userId: user.id, role: row.role, actorName: user.name || user.email });
  await next();
});

/** Route middleware: the caller's role must allow `permission` (see core/access/roles.ts). */
export function guard(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!can(c.var.scope.role, permission)) {
      throw new AppError(
        'forbidden',
        `Your role (${c.var.scope.role}) cannot do this; it needs ${permissions[permission]} or above.`,
      );
    }
    await next();
  });
}

/** Requires a portal session (cookie set by the emailed sign-in link): one creator in one workspace. */
export const ambassadorScope = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, portalCookie);
  const scope = token ? await findPortalSession(c.var.services.database.db, token) : null;
  if (!scope) throw new AppError('unauthenticated', 'Sign in to the portal with the link we email you.');
  c.set('ambassador', scope);
  await next();
});
