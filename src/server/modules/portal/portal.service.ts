// The ambassador portal's data: one creator record in one workspace (the session's), with the programs
// they have been contacted about. Nothing else is reachable from a portal session.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/app-error';
import type { AmbassadorScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { program, tier } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type { PortalMe } from './portal.contract';

async function getOwnCreatorOrThrow(db: Db, scope: AmbassadorScope) {
  const [row] = await db
    .select({ c: creator, workspaceName: workspace.name })
    .from(creator)
    .innerJoin(workspace, eq(workspace.id, creator.workspaceId))
    .where(and(eq(creator.id, scope.creatorId), eq(creator.workspaceId, scope.workspaceId)));
  if (!row)
    throw new AppError('unauthenticated', 'Your portal access has ended. Ask the brand for a new link.');
  return row;
}

export async function getPortalMe(db: Db, scope: AmbassadorScope): Promise<PortalMe> {
  const { c, workspaceName } = await getOwnCreatorOrThrow(db, scope);
  const memberships = await db
    .select({ a: ambassador, p: program, tierName: tier.name })
    .from(ambassador)
    .innerJoin(program, eq(program.id, ambassador.programId))
    .leftJoin(tier, eq(tier.id, ambassador.tierId))
    // Prospects have not been contacted yet, and draft programs are not launched: neither is shown.
    .where(and(eq(ambassador.creatorId, c.id), ne(ambassador.stage, 'prospect'), ne(program.status, 'draft')))
    .orderBy(asc(program.name));
  const accounts = await db.select().from(socialAccount).where(eq(socialAccount.creatorId, c.id));
  return {
    email: c.email ?? '',
    programs: memberships.map((m) => ({
      ambassadorId: m.a.id,
      programId: m.p.id,
      programName: m.p.name,
      workspaceName,
      objective: m.p.objective,
      why: m.p.why,
      stage: m.a.stage,
      tierName: m.tierName,
      cadence: m.p.cadence,
      stageChangedAt: m.a.stageChangedAt.toISOString(),
    })),
    profiles: [
      {
        creatorId: c.id,
        workspaceName,
        name: c.name,
        email: c.email,
        phone: c.phone,
        country: c.country,
        socialAccounts: accounts.map((a) => ({
          id: a.id,
          platform: a.platform,
          handle: a.handle,
          followers: a.followers,
          url: a.url,
        })),
      },
    ],
  };
}

/** Lets an ambassador correct their own name and phone; audited in the brand's workspace. */
export async function updatePortalProfile(
  db: Db,
  scope: AmbassadorScope,
  creatorId: string,
  input: { name: string; phone: string | null },
): Promise<void> {
  if (creatorId !== scope.creatorId) throw new AppError('not_found', `No profile with id ${creatorId}.`);
  const { c } = await getOwnCreatorOrThrow(db, scope);
  await db.transaction(async (tx) => {
    await tx
      .update(creator)
      .set({ name: input.name, phone: input.phone, updatedAt: new Date() })
      .where(eq(creator.id, c.id));
    await recordAudit(
      tx,
      {
        workspaceId: scope.workspaceId,
        userId: c.id,
        role: 'viewer',
        actorName: `${input.name} (ambassador)`,
      },
      {
        action: 'creator.profile_updated',
        actorType: 'ambassador',
        entityType: 'creator',
        entityId: c.id,
        creatorId: c.id,
        before: { name: c.name, phone: c.phone },
        after: input,
      },
    );
  });
}
