// Workspaces (tenants), their members and invitations.
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { canAssignRole, hasRoleAtLeast, type Role } from '../../../core/access/roles';
import { slugify } from '../../../core/text/slug';
import type { Db, Tx } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { slugWithSuffix } from '../../lib/slug';
import { hashToken, newToken } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import { user } from '../auth/auth.schema';
import type { Mailer } from '../outbox/outbox.service';
import type { Invitation, Me, Member, WorkspaceSummary } from './workspaces.contract';
import { invitation, member, workspace } from './workspaces.schema';

const invitationDays = 14;

/** Creates a workspace with `userId` as its owner, inside the caller's transaction. */
export async function createWorkspace(
  tx: Db | Tx,
  owner: { userId: string; name: string },
  name: string,
): Promise<WorkspaceSummary> {
  const base = slugify(name);
  const [taken] = await tx.select({ id: workspace.id }).from(workspace).where(eq(workspace.slug, base));
  const slug = taken ? slugWithSuffix(name) : base;
  const id = newId('workspace');
  await tx.insert(workspace).values({ id, name, slug });
  await tx
    .insert(member)
    .values({ id: newId('member'), workspaceId: id, userId: owner.userId, role: 'owner' });
  const scope: WorkspaceScope = {
    workspaceId: id,
    userId: owner.userId,
    role: 'owner',
    actorName: owner.name,
  };
  await recordAudit(tx, scope, {
    action: 'workspace.created',
    entityType: 'workspace',
    entityId: id,
    after: { name },
  });
  return { id, name, slug, role: 'owner' };
}

/** Finds a workspace by id or slug (for the CLI, which has no membership to go by). */
export async function findWorkspaceByIdOrSlug(
  db: Db,
  idOrSlug: string,
): Promise<{ id: string; name: string; slug: string } | null> {
  const [found] = await db
    .select({ id: workspace.id, name: workspace.name, slug: workspace.slug })
    .from(workspace)
    .where(or(eq(workspace.id, idOrSlug), eq(workspace.slug, idOrSlug.toLowerCase())));
  return found ?? null;
}

/** The first `limit` workspace slugs in order, to suggest when a lookup fails. */
export async function listWorkspaceSlugs(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ slug: workspace.slug })
    .from(workspace)
    .orderBy(asc(workspace.slug))
    .limit(limit);
  return rows.map((r) => r.slug);
}

/** The signed-in user and the workspaces they belong to. */
export async function getMe(db: Db, u: { id: string; name: string; email: string }): Promise<Me> {
  const rows = await db
    .select({ id: workspace.id, name: workspace.name, slug: workspace.slug, role: member.role })
    .from(member)
    .innerJoin(workspace, eq(workspace.id, member.workspaceId))
    .where(eq(member.userId, u.id))
    .orderBy(asc(workspace.name));
  return { user: { id: u.id, name: u.name, email: u.email }, workspaces: rows };
}

export async function listMembers(db: Db, scope: WorkspaceScope): Promise<Member[]> {
  const rows = await db
    .select({
      id: member.id,
      userId: member.userId,
      name: user.name,
      email: user.email,
      role: member.role,
      createdAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.workspaceId, scope.workspaceId))
    .orderBy(asc(member.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

function invitationQuery(db: Db) {
  return db
    .select({
      id: invitation.id,
      workspaceId: invitation.workspaceId,
      workspaceName: workspace.name,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      invitedByName: user.name,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(workspace, eq(workspace.id, invitation.workspaceId))
    .innerJoin(user, eq(user.id, invitation.invitedBy));
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['execute']>>[number];

function toInvitation(r: InvitationRow): Invitation {
  return { ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() };
}

export async function listInvitations(db: Db, scope: WorkspaceScope): Promise<Invitation[]> {
  const rows = await invitationQuery(db)
    .where(and(eq(invitation.workspaceId, scope.workspaceId), eq(invitation.status, 'pending')))
    .orderBy(asc(invitation.createdAt));
  return rows.map(toInvitation);
}

/**
 * Invites `email` with `role` and emails them a link to accept. The link carries a random token that only
 * the email holds (the database keeps its hash); the invitation id, which members see, cannot accept.
 */
export async function inviteMember(
  db: Db,
  scope: WorkspaceScope,
  input: { email: string; role: Role },
  deps: { mailer: Mailer; baseUrl: string },
): Promise<Invitation> {
  if (!canAssignRole(scope.role, input.role)) {
    throw new AppError('forbidden', `Your role (${scope.role}) cannot invite someone as ${input.role}.`);
  }
  const [existing] = await db
    .select({ id: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.workspaceId, scope.workspaceId), sql`lower(${user.email}) = ${input.email}`));
  if (existing) throw new AppError('conflict', `${input.email} is already a member of this workspace.`);
  const id = newId('invitation');
  const token = newToken();
  const expiresAt = new Date(Date.now() + invitationDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx
      .update(invitation)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(invitation.workspaceId, scope.workspaceId),
          eq(invitation.email, input.email),
          eq(invitation.status, 'pending'),
        ),
      );
    await tx.insert(invitation).values({
      id,
      tokenHash: hashToken(token),
      workspaceId: scope.workspaceId,
      email: input.email,
      role: input.role,
      invitedBy: scope.userId,
      expiresAt,
    });
    await recordAudit(tx, scope, {
      action: 'member.invited',
      entityType: 'invitation',
      entityId: id,
      after: { email: input.email, role: input.role },
    });
  });
  const [ws] = await db
    .select({ name: workspace.name })
    .from(workspace)
    .where(eq(workspace.id, scope.workspaceId));
  await deps.mailer.send(db, {
    workspaceIds: [scope.workspaceId],
    to: input.email,
    kind: 'member.invitation',
    readableBy: input.role === 'owner' ? 'owner' : 'admin',
    subject: `${scope.actorName} invited you to ${ws?.name ?? 'a workspace'} on Troupe`,
    text: `${scope.actorName} invited you to join ${ws?.name} on Troupe as ${input.role}.\n\nAccept the invitation: ${deps.baseUrl}/invitations/${token}\n\nThe invitation expires in ${invitationDays} days.\n`,
  });
  const [created] = await invitationQuery(db).where(eq(invitation.id, id));
  return toInvitation(created!);
}

const unknownInvitation = 'This invitation link is not valid. Ask whoever invited you for a new one.';

/** The invitation an emailed link's token opens, for its accept page. */
export async function getInvitationByTokenOrThrow(db: Db, token: string): Promise<Invitation> {
  const [row] = await invitationQuery(db).where(eq(invitation.tokenHash, hashToken(token)));
  if (!row) throw new AppError('not_found', unknownInvitation);
  return toInvitation(row);
}

export async function revokeInvitation(db: Db, scope: WorkspaceScope, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(invitation)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(invitation.id, id),
          eq(invitation.workspaceId, scope.workspaceId),
          eq(invitation.status, 'pending'),
        ),
      )
      .returning({ id: invitation.id });
    if (updated.length === 0) throw new AppError('not_found', `No pending invitation with id ${id}.`);
    await recordAudit(tx, scope, {
      action: 'member.invitation_revoked',
      entityType: 'invitation',
      entityId: id,
    });
  });
}

/**
 * Accepts the invitation whose emailed link carries `token`, for the signed-in user, whose email must be
 * the invited one. It is then marked accepted, so the link works once.
 */
export async function acceptInvitation(
  db: Db,
  u: { id: string; name: string; email: string },
  token: string,
): Promise<WorkspaceSummary> {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitation)
      .where(eq(invitation.tokenHash, hashToken(token)))
      .for('update');
    if (!inv) throw new AppError('not_found', unknownInvitation);
    if (inv.email !== u.email.toLowerCase()) {
      throw new AppError(
        'forbidden',
        `This invitation is for ${inv.email}; you are signed in as ${u.email}.`,
      );
    }
    if (inv.status !== 'pending')
      throw new AppError('conflict', `This invitation was already ${inv.status}.`);
    if (inv.expiresAt.getTime() < Date.now()) throw new AppError('conflict', 'This invitation has expired.');
    const [already] = await tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.workspaceId, inv.workspaceId), eq(member.userId, u.id)));
    if (!already) {
      await tx
        .insert(member)
        .values({ id: newId('member'), workspaceId: inv.workspaceId, userId: u.id, role: inv.role });
    }
    await tx.update(invitation).set({ status: 'accepted' }).where(eq(invitation.id, inv.id));
    const scope: WorkspaceScope = {
      workspaceId: inv.workspaceId,
      userId: u.id,
      role: inv.role,
      actorName: u.name,
    };
    await recordAudit(tx, scope, {
      action: 'member.joined',
      entityType: 'member',
      entityId: u.id,
      after: { email: u.email, role: inv.role },
    });
    const [ws] = await tx.select().from(workspace).where(eq(workspace.id, inv.workspaceId));
    return { id: inv.workspaceId, name: ws?.name ?? '', slug: ws?.slug ?? '', role: inv.role };
  });
}

/**
 * Starts a change to the workspace's members: locks the workspace row so such changes run one at a time
 * (two owners demoting each other cannot each still count the other as the remaining owner), then returns
 * the caller's scope with their role as it is now, since a change that just committed may have altered it.
 */
async function lockMembership(tx: Tx, scope: WorkspaceScope): Promise<WorkspaceScope> {
  // NO KEY UPDATE conflicts with itself and FOR UPDATE but not with the KEY SHARE locks that foreign-key
  // checks take, so rows elsewhere in the workspace can still be written meanwhile.
  await tx
    .select({ id: workspace.id })
    .from(workspace)
    .where(eq(workspace.id, scope.workspaceId))
    .for('no key update');
  const [me] = await tx
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.workspaceId, scope.workspaceId), eq(member.userId, scope.userId)));
  if (!me) throw new AppError('forbidden', 'You are no longer a member of this workspace.');
  return { ...scope, role: me.role };
}

async function getMemberOrThrow(tx: Db | Tx, scope: WorkspaceScope, memberId: string) {
  const [row] = await tx
    .select()
    .from(member)
    .where(and(eq(member.id, memberId), eq(member.workspaceId, scope.workspaceId)))
    .for('update');
  if (!row) throw new AppError('not_found', `No member with id ${memberId} in this workspace.`);
  return row;
}

/** Refuses to leave the workspace without an owner; the caller holds the lock from `lockMembership`. */
async function assertAnotherOwner(tx: Tx, scope: WorkspaceScope, memberId: string): Promise<void> {
  const owners = await tx
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.workspaceId, scope.workspaceId), eq(member.role, 'owner')));
  if (owners.filter((o) => o.id !== memberId).length === 0) {
    throw new AppError('conflict', 'A workspace needs at least one owner. Make someone else owner first.');
  }
}

/** Changes a member's role; admins manage roles below owner, only owners touch owners. */
export async function updateMemberRole(
  db: Db,
  callerScope: WorkspaceScope,
  memberId: string,
  role: Role,
): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await lockMembership(tx, callerScope);
    const target = await getMemberOrThrow(tx, scope, memberId);
    if (!canAssignRole(scope.role, role) || (target.role === 'owner' && scope.role !== 'owner')) {
      throw new AppError('forbidden', `Your role (${scope.role}) cannot change this member to ${role}.`);
    }
    if (target.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, scope, memberId);
    await tx.update(member).set({ role }).where(eq(member.id, memberId));
    await recordAudit(tx, scope, {
      action: 'member.role_changed',
      entityType: 'member',
      entityId: memberId,
      before: { role: target.role },
      after: { role },
    });
  });
}

export async function removeMember(db: Db, callerScope: WorkspaceScope, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await lockMembership(tx, callerScope);
    const target = await getMemberOrThrow(tx, scope, memberId);
    if (target.role === 'owner' && scope.role !== 'owner') {
      throw new AppError('forbidden', 'Only an owner can remove an owner.');
    }
    if (!hasRoleAtLeast(scope.role, 'admin') && target.userId !== scope.userId) {
      throw new AppError('forbidden', `Your role (${scope.role}) cannot remove members.`);
    }
    if (target.role === 'owner') await assertAnotherOwner(tx, scope, memberId);
    await tx.delete(member).where(eq(member.id, memberId));
    await recordAudit(tx, scope, {
      action: 'member.removed',
      entityType: 'member',
      entityId: memberId,
      before: { role: target.role },
    });
  });
}
