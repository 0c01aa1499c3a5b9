// The workspace the manager app is showing, with the caller's role and a `can(permission)` helper.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { can, type Permission, type Role } from '../../../core/access/roles';
import type { Me, WorkspaceSummary } from './api';

interface WorkspaceContextValue {
  workspace: WorkspaceSummary;
  workspaceId: string;
  role: Role;
  user: Me['user'];
  workspaces: WorkspaceSummary[];
  can(permission: Permission): boolean;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function WorkspaceProvider({
  me,
  workspace,
  children,
}: {
  me: Me;
  workspace: WorkspaceSummary;
  children: ReactNode;
}) {
  const value = useMemo<WorkspaceContextValue>(
    () => ({
      workspace,
      workspaceId: workspace.id,
      role: workspace.role,
      user: me.user,
      workspaces: me.workspaces,
      can: (permission) => can(workspace.role, permission),
    }),
    [me, workspace],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The current workspace; only inside the manager app (`/w/$workspaceId`). */
export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() is only available inside a workspace page.');
  return value;
}
