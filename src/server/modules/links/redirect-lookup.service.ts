// What the redirector needs to know about a slug: the link, its program's UTM template and the
// ambassador's handle. Not scoped: a slug is globally unique and the redirect is public.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';
import { trackingSettings, type UtmTemplate } from '../tracking/tracking.schema';
import { defaultUtmTemplate } from '../tracking/tracking.service';
import { link } from './links.schema';

export interface RedirectLink {
  id: string;
  destination: string;
  campaign: string | null;
  disabledAt: Date | null;
  expiresAt: Date | null;
  programSlug: string;
  utmTemplate: UtmTemplate;
  /** The ambassador's primary handle (their biggest social account), without `@`; empty when none. */
  handle: string;
}

/** The link behind `slug`, or null when there is none. */
export async function findRedirectLink(db: Db, slug: string): Promise<RedirectLink | null> {
  const [row] = await db
    .select({
      id: link.id,
      destination: link.destination,
      campaign: link.campaign,
      disabledAt: link.disabledAt,
      expiresAt: link.expiresAt,
      programSlug: program.slug,
      utmTemplate: trackingSettings.utmTemplate,
      handle: sql<string | null>`(select sa.handle from social_account sa
        where sa.creator_id = ${ambassador.creatorId}
        order by sa.followers desc nulls last, sa.id limit 1)`,
    })
    .from(link)
    .innerJoin(program, eq(program.id, link.programId))
    .innerJoin(ambassador, eq(ambassador.id, link.ambassadorId))
    .leftJoin(trackingSettings, eq(trackingSettings.programId, link.programId))
    .where(eq(link.slug, slug));
  if (!row) return null;
  return {
    ...row,
    utmTemplate: row.utmTemplate ?? defaultUtmTemplate,
    handle: (row.handle ?? '').replace(/^@/, ''),
  };
}
