// Sign-up, workspaces (tenants), members and invitations (PRODUCT I1).
import { z } from 'zod';
import { roles } from '../../../core/access/roles';

export const signupInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  email: z.email('must be a valid email address').toLowerCase(),
  password: z.string().min(10, 'must be at least 10 characters').max(128),
  workspaceName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
});

export const workspaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(roles),
});

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  workspaces: z.array(workspaceSummarySchema),
});

export const createWorkspaceInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120),
});

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  createdAt: z.string(),
});

export const invitationInputSchema = z.object({
  email: z.email('must be a valid email address').toLowerCase(),
  role: z.enum(roles),
});

export const invitationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  email: z.string(),
  role: z.enum(roles),
  status: z.enum(['pending', 'accepted', 'revoked']),
  invitedByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const membersPageSchema = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSchema),
});

export const updateMemberInputSchema = z.object({ role: z.enum(roles) });

export type Me = z.infer<typeof meSchema>;
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;
export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
