// What an ambassador principal sees in the portal: only records whose creator email is theirs.
import { z } from 'zod';
import { stages } from '../../../core/pipeline/stages';
import { socialAccountSchema } from '../people/people.contract';
import { cadenceItemSchema, objectives } from '../programs/programs.contract';

export const portalProgramSchema = z.object({
  ambassadorId: z.string(),
  programId: z.string(),
  programName: z.string(),
  workspaceName: z.string(),
  objective: z.enum(objectives),
  why: z.string(),
  stage: z.enum(stages),
  tierName: z.string().nullable(),
  cadence: z.array(cadenceItemSchema),
  stageChangedAt: z.string(),
});

export const portalProfileSchema = z.object({
  creatorId: z.string(),
  workspaceName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  socialAccounts: z.array(socialAccountSchema),
});

export const portalMeSchema = z.object({
  email: z.string(),
  programs: z.array(portalProgramSchema),
  profiles: z.array(portalProfileSchema),
});

export const portalProfileUpdateSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  phone: z.string().trim().max(40).nullable().default(null),
});

export const magicLinkRequestSchema = z.object({
  email: z.email('must be a valid email address').toLowerCase(),
});

export type PortalMe = z.infer<typeof portalMeSchema>;
export type PortalProgram = z.infer<typeof portalProgramSchema>;
