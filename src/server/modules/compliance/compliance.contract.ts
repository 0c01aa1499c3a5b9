// B3 over HTTP: check a caption without a submission. The answer is the compliance check's own shape.
import { z } from 'zod';
import {
  compliancePlatforms,
  complianceResultSchema,
  complianceRulesSchema,
  maxCaptionLength,
} from '../../../core/compliance';
import { briefContentSchema } from '../briefs/briefs.contract';

export const complianceCheckInputSchema = z
  .object({
    /**
     * Check against this program's live standing brief (campaign null) plus the program's competitors. The
     * program must belong to one of the caller's workspaces (404 otherwise); `workspaceId` narrows the
     * search to one workspace and is optional.
     */
    programId: z.string({ error: 'programId must be a string' }).trim().min(1).max(100).optional(),
    workspaceId: z.string({ error: 'workspaceId must be a string' }).trim().min(1).max(100).optional(),
    /**
     * An inline brief (the content of a brief version). With `programId` it replaces the program's stored
     * brief (the program's competitors still apply): the editor checks unsaved changes this way.
     */
    brief: briefContentSchema.optional(),
    /** Raw compliance rules, for callers without a brief; cannot be combined with `programId` or `brief`. */
    rules: complianceRulesSchema.optional(),
    /** The ambassador's tracked links and codes, for a brief that requires one. */
    tracking: z
      .object({
        links: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
        codes: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      })
      .optional(),
    platform: z.enum(compliancePlatforms, {
      error: `platform is required and must be one of ${compliancePlatforms.join(', ')}`,
    }),
    caption: z
      .string({ error: 'caption is required and must be a string' })
      .max(maxCaptionLength, `caption must be at most ${maxCaptionLength} characters`)
      .refine((value) => value.trim().length > 0, 'caption must not be empty'),
  })
  .superRefine((input, ctx) => {
    if (input.rules && (input.brief || input.programId))
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'give either rules, or a programId and/or brief, not both',
      });
    if (input.workspaceId && !input.programId)
      ctx.addIssue({ code: 'custom', path: ['workspaceId'], message: 'is only used with programId' });
  });

export const complianceCheckResultSchema = complianceResultSchema.extend({
  /** Which brief the caption was checked against, when one was used. */
  checkedAgainst: z
    .object({
      programId: z.string().nullable(),
      briefId: z.string().nullable(),
      version: z.number().nullable(),
      source: z.enum(['program', 'inline', 'rules', 'defaults']),
    })
    .optional(),
});

export type ComplianceCheckInput = z.input<typeof complianceCheckInputSchema>;
export type ComplianceCheckParsed = z.output<typeof complianceCheckInputSchema>;
export type ComplianceCheckResult = z.infer<typeof complianceCheckResultSchema>;
