// The caller's scope: every service function takes one as a required argument and filters by it in SQL.
import type { Role } from '../../core/access/roles';

/** A signed-in staff member acting inside one workspace. */
export interface WorkspaceScope {
  workspaceId: string;
  userId: string;
  role: Role;
  actorName: string;
}

/** A signed-in ambassador: one creator record in one workspace, reached through an emailed link. */
export interface AmbassadorScope {
  workspaceId: string;
  creatorId: string;
}

/** A scope for work Troupe does itself (demo seed, CLI import). */
export function systemScope(workspaceId: string, actorName = 'Troupe'): WorkspaceScope {
  return { workspaceId, userId: 'system', role: 'owner', actorName };
}
