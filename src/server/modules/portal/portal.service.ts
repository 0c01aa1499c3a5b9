// The ambassador portal's data. Every query is keyed by the principal's verified email, so an
// ambassador can only ever reach creator records (and their programs) that carry that email.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/app-error';
import type { AmbassadorScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { ambassador, creator, socialAccount } from '../people/people.schema';
import { program, tier } from '../programs/programs.schema';
import { workspace } from '../workspaces/workspaces.schema';
import type { PortalMe } from './portal.contract';

const ownEmail = (scope: AmbassadorScope) => sql`lower(${creator.email}) = ${scope.email}`;

export async function getPortalMe(db: Db, scope: AmbassadorScope): Promise<PortalMe> {
  const creators = await db
    .select({ c: creator, workspaceName: workspace.name })
    .from(creator)
    .innerJoin(workspace, eq(workspace.id, creator.workspaceId))
    .where(ownEmail(scope))
    .orderBy(asc(workspace.name));
  const creatorIds = creators.map((r) => r.c.id);
  if (creatorIds.length === 0) return { email: scope.email, programs: [], profiles: [] };
  const memberships = await db
    .select({ a: ambassador, p: program, workspaceName: workspace.name, tierName: tier.name })
    .from(ambassador)
    .innerJoin(program, eq(program.id, ambassador.programId))
    .innerJoin(workspace, eq(workspace.id, ambassador.workspaceId))
    .leftJoin(tier, eq(tier.id, ambassador.tierId))
    .where(inArray(ambassador.creatorId, creatorIds))
    .orderBy(asc(program.name));
  const accounts = await db.select().from(socialAccount).where(inArray(socialAccount.creatorId, creatorIds));
  return {
    email: scope.email,
    // Prospects have not been contacted yet, and draft programs are not launched: neither is shown.
    programs: memberships
      .filter((m) => m.a.stage !== 'prospect' && m.p.status !== 'draft')
      .map((m) => ({
        ambassadorId: m.a.id,
        programId: m.p.id,
        programName: m.p.name,
        workspaceName: m.workspaceName,
        objective: m.p.objective,
        why: m.p.why,
        stage: m.a.stage,
        tierName: m.tierName,
        cadence: m.p.cadence,
        stageChangedAt: m.a.stageChangedAt.toISOString(),
      })),
    profiles: creators.map(({ c, workspaceName }) => ({
      creatorId: c.id,
      workspaceName,
      name: c.name,
      email: c.email,
      phone: c.phone,
      country: c.country,
      socialAccounts: accounts
        .filter((a) => a.creatorId === c.id)
        .map((a) => ({
          id: a.id,
          platform: a.platform,
          handle: a.handle,
          followers: a.followers,
          url: a.url,
        })),
    })),
  };
}

/** Lets an ambassador correct their own name and phone; audited in the brand's workspace. */
export async function updatePortalProfile(
  db: Db,
  scope: AmbassadorScope,
  creatorId: string,
  input: { name: string; phone: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(creator)
      .where(and(eq(creator.id, creatorId), ownEmail(scope)));
    if (!row) throw new AppError('not_found', `No profile with id ${creatorId}.`);
    await tx
      .update(creator)
      .set({ name: input.name, phone: input.phone, updatedAt: new Date() })
      .where(eq(creator.id, creatorId));
    await recordAudit(
      tx,
      {
        workspaceId: row.workspaceId,
        userId: scope.userId,
        role: 'viewer',
        actorName: `${input.name} (ambassador)`,
      },
      {
        action: 'creator.profile_updated',
        actorType: 'ambassador',
        entityType: 'creator',
        entityId: creatorId,
        creatorId,
        before: { name: row.name, phone: row.phone },
        after: input,
      },
    );
  });
}
