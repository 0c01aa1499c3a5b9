// The signed-in ambassador's own discount codes and tracked links, for the portal's "Your link and code"
// card (briefs ask for one in every caption). Only the session's creator's ambassador records in
// launched programs; retired codes and disabled or expired links are left out.
import { and, asc, desc, eq, gt, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AmbassadorScope } from '../../lib/scope';
import { discountCode } from '../codes/codes.schema';
import { link } from '../links/links.schema';
import { shortUrl } from '../links/links.service';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import type { PortalTracking } from './portal-tracking.contract';

/** The scope's own ambassador records: its creator, its workspace, contacted, in a non-draft program. */
function ownSeat(scope: AmbassadorScope) {
  return and(
    eq(ambassador.workspaceId, scope.workspaceId),
    eq(ambassador.creatorId, scope.creatorId),
    ne(ambassador.stage, 'prospect'),
    ne(program.status, 'draft'),
  );
}

export async function getPortalTracking(
  db: Db,
  scope: AmbassadorScope,
  baseUrl: string,
  now = new Date(),
): Promise<PortalTracking> {
  const codes = await db
    .select({
      id: discountCode.id,
      programId: program.id,
      programName: program.name,
      code: discountCode.code,
      description: discountCode.description,
    })
    .from(discountCode)
    .innerJoin(ambassador, eq(ambassador.id, discountCode.ambassadorId))
    .innerJoin(program, eq(program.id, ambassador.programId))
    .where(
      and(ownSeat(scope), eq(discountCode.workspaceId, scope.workspaceId), eq(discountCode.status, 'active')),
    )
    .orderBy(asc(program.name), desc(discountCode.createdAt));
  const links = await db
    .select({
      id: link.id,
      programId: program.id,
      programName: program.name,
      slug: link.slug,
      campaign: link.campaign,
      expiresAt: link.expiresAt,
    })
    .from(link)
    .innerJoin(ambassador, eq(ambassador.id, link.ambassadorId))
    .innerJoin(program, eq(program.id, ambassador.programId))
    .where(
      and(
        ownSeat(scope),
        eq(link.workspaceId, scope.workspaceId),
        isNull(link.disabledAt),
        or(isNull(link.expiresAt), gt(link.expiresAt, now)),
      ),
    )
    .orderBy(asc(program.name), desc(link.createdAt));
  return {
    codes,
    links: links.map((l) => ({
      id: l.id,
      programId: l.programId,
      programName: l.programName,
      url: shortUrl(baseUrl, l.slug),
      campaign: l.campaign,
      expiresAt: l.expiresAt?.toISOString() ?? null,
    })),
  };
}
