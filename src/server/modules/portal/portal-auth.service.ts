// Portal sign-in: one-time links emailed to ambassadors, exchanged for a portal session that reaches
// exactly one creator record in one workspace. A link sits in the issuing workspace's outbox only, so
// whoever can read that outbox gains nothing they could not already see.
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../lib/ids';
import type { AmbassadorScope } from '../../lib/scope';
import { hashToken, newToken } from '../../lib/tokens';
import type { Mailer } from '../outbox/outbox.service';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import { portalLink, portalSession } from './portal.schema';

const linkMinutes = 30;
export const portalSessionDays = 30;

export interface PortalMailDeps {
  mailer: Mailer;
  baseUrl: string;
}

/** Creates a one-time link for one creator and emails it (recorded in that workspace's outbox). */
export async function issuePortalLink(
  db: Db,
  target: { workspaceId: string; creatorId: string },
  deps: PortalMailDeps,
): Promise<void> {
  const [row] = await db
    .select({ name: creator.name, email: creator.email, workspaceName: workspace.name })
    .from(creator)
    .innerJoin(workspace, eq(workspace.id, creator.workspaceId))
    .where(and(eq(creator.id, target.creatorId), eq(creator.workspaceId, target.workspaceId)));
  if (!row?.email) return;
  const token = newToken();
  await db.insert(portalLink).values({
    id: newId('portalLink'),
    tokenHash: hashToken(token),
    workspaceId: target.workspaceId,
    creatorId: target.creatorId,
    expiresAt: new Date(Date.now() + linkMinutes * 60_000),
  });
  await deps.mailer.send(db, {
    workspaceIds: [target.workspaceId],
    to: row.email,
    kind: 'portal.sign_in_link',
    subject: `Your sign-in link for the ${row.workspaceName} ambassador portal`,
    text: `Hi ${row.name},\n\nUse this link to sign in to the ${row.workspaceName} ambassador portal:\n\n${deps.baseUrl}/api/v1/portal/verify?token=${token}\n\nThe link works once and expires in ${linkMinutes} minutes. If you did not ask for it, ignore this email.\n`,
  });
}

/**
 * Self-service sign-in: emails a link for each workspace where this address belongs to an ambassador
 * who has been contacted (past prospect) in a launched (non-draft) program. Others get nothing, and the
 * caller answers the same either way, so the form reveals no one.
 */
export async function requestPortalLinks(db: Db, email: string, deps: PortalMailDeps): Promise<void> {
  const targets = await db
    .selectDistinct({ workspaceId: creator.workspaceId, creatorId: creator.id })
    .from(creator)
    .innerJoin(ambassador, eq(ambassador.creatorId, creator.id))
    .innerJoin(program, eq(program.id, ambassador.programId))
    .where(
      and(
        sql`lower(${creator.email}) = ${email.toLowerCase()}`,
        ne(ambassador.stage, 'prospect'),
        ne(program.status, 'draft'),
      ),
    );
  for (const target of targets) await issuePortalLink(db, target, deps);
}

/** Exchanges a link's token for a new session token; null when the link is unknown, used or expired. */
export async function redeemPortalLink(db: Db, token: string): Promise<{ sessionToken: string } | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(portalLink)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(portalLink.tokenHash, hashToken(token)),
          isNull(portalLink.usedAt),
          gt(portalLink.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!link) return null;
    const sessionToken = newToken();
    await tx.insert(portalSession).values({
      id: newId('portalSession'),
      tokenHash: hashToken(sessionToken),
      workspaceId: link.workspaceId,
      creatorId: link.creatorId,
      expiresAt: new Date(Date.now() + portalSessionDays * 86_400_000),
    });
    return { sessionToken };
  });
}

/** The ambassador behind a session cookie, or null. */
export async function findPortalSession(db: Db, sessionToken: string): Promise<AmbassadorScope | null> {
  const [row] = await db
    .select({ workspaceId: portalSession.workspaceId, creatorId: portalSession.creatorId })
    .from(portalSession)
    .where(
      and(eq(portalSession.tokenHash, hashToken(sessionToken)), gt(portalSession.expiresAt, new Date())),
    );
  return row ?? null;
}

export async function endPortalSession(db: Db, sessionToken: string): Promise<void> {
  await db.delete(portalSession).where(eq(portalSession.tokenHash, hashToken(sessionToken)));
}
