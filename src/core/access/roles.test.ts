import { describe, expect, it } from 'vitest';
import { can, canAssignRole, type Permission, type Role } from './roles';

describe('role permissions', () => {
  const table: Array<[Role, Permission, boolean]> = [
    ['viewer', 'programs.read', true],
    ['viewer', 'programs.write', false],
    ['viewer', 'outbox.read', false],
    ['reviewer', 'people.read', true],
    ['reviewer', 'pipeline.move', false],
    ['reviewer', 'members.manage', false],
    ['manager', 'pipeline.move', true],
    ['manager', 'members.manage', false],
    ['admin', 'members.manage', true],
    ['admin', 'outbox.read', true],
    ['owner', 'workspace.update', true],
  ];
  for (const [role, permission, expected] of table) {
    it(`${role} ${expected ? 'can' : 'cannot'} ${permission}`, () => {
      expect(can(role, permission)).toBe(expected);
    });
  }

  it('only an owner grants the owner role', () => {
    expect(canAssignRole('owner', 'owner')).toBe(true);
    expect(canAssignRole('admin', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'manager')).toBe(true);
    expect(canAssignRole('manager', 'viewer')).toBe(false);
  });
});
