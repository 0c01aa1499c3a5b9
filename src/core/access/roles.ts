// Workspace roles (PRODUCT I1), ordered from most to least powerful, and what each may do.

export const roles = ['owner', 'admin', 'manager', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { owner: 5, admin: 4, manager: 3, reviewer: 2, viewer: 1 };

/** Every action a route may require, with the least role that may perform it. */
export const permissions = {
  'workspace.read': 'viewer',
  'workspace.update': 'admin',
  'members.read': 'viewer',
  'members.manage': 'admin',
  'outbox.read': 'admin',
  'programs.read': 'viewer',
  'programs.write': 'manager',
  'people.read': 'viewer',
  'people.write': 'manager',
  'pipeline.move': 'manager',
  'audit.read': 'viewer',
  // Reviewers vet applicants for the committee (seed 001), so they may run reports.
  'vetting.run': 'reviewer',
  // A reviewer may set aside a flag they have checked, with a reason (audited).
  'vetting.override': 'reviewer',
  // Committee members score applicants (R5); managers decide.
  'committee.score': 'reviewer',
  'prospects.write': 'manager',
  'outreach.send': 'manager',
  // Tracked links, codes and a program's tracking settings (T1, T2, T4).
  'tracking.write': 'manager',
  // Store connections and API keys hold secrets.
  'stores.manage': 'admin',
  // Orders entered by hand or CSV (T3).
  'conversions.write': 'manager',
  'briefs.write': 'manager',
  // Reviewers approve or request changes on drafts (B4); only a manager may approve past a failing must rule.
  'content.review': 'reviewer',
  'content.override': 'manager',
  // Post URLs, metrics, listening imports, usage rights (B5–B8).
  'content.write': 'manager',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissions;

export function hasRoleAtLeast(role: Role, least: Role): boolean {
  return rank[role] >= rank[least];
}

export function can(role: Role, permission: Permission): boolean {
  return hasRoleAtLeast(role, permissions[permission]);
}

/** Only an owner may grant or take away the owner role; admins manage everyone below owner. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (target === 'owner') return actor === 'owner';
  return hasRoleAtLeast(actor, 'admin');
}
