// The attribution engine and the webhook log write ambassador ids into their sentences, so a renamed or
// removed creator never leaves a stale name in a stored row; managers read names, put in when read.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
import { ambassador, creator } from '../people/people.schema';

const ambassadorId = /amb_[0-9a-z]+/g;

/** The ambassador ids a stored sentence mentions. */
export function ambassadorIdsIn(text: string | null): string[] {
  return text ? [...text.matchAll(ambassadorId)].map((m) => m[0]) : [];
}

/** The names of these ambassadors of the workspace (ids of other workspaces are not found). */
export async function ambassadorNames(
  db: Db,
  scope: WorkspaceScope,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: ambassador.id, name: creator.name })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .where(and(eq(ambassador.workspaceId, scope.workspaceId), inArray(ambassador.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The sentence with each ambassador id replaced by the name (a removed ambassador keeps the id). */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(ambassadorId, (id) => names.get(id) ?? id);
}
