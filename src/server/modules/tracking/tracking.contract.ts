// Tracking settings of a program (T1, T4): allowed domains, UTM template, attribution rules, code pattern.
import { z } from '@hono/zod-openapi';
import { normalizeAllowedDomain } from '../../../core/links/destination';
import { unknownPlaceholders } from '../../../core/links/redirect-target';

const utmValue = z
  .string()
  .trim()
  .max(100)
  .superRefine((value, ctx) => {
    for (const name of unknownPlaceholders(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `{${name}} is not a placeholder; use {program}, {handle} or {campaign}`,
      });
    }
  });

export const utmTemplateSchema = z
  .object({ source: utmValue, medium: utmValue, campaign: utmValue, content: utmValue })
  .openapi('UtmTemplate');

export const attributionRulesSchema = z
  .object({
    windowDays: z.number().int().min(1).max(365),
    precedence: z.enum(['code', 'click']),
    blockSelfReferral: z.boolean(),
  })
  .openapi('AttributionRules');

const allowedDomain = z
  .string()
  .max(253)
  .transform((value, ctx) => {
    const result = normalizeAllowedDomain(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.domain;
  });

export const trackingSettingsInputSchema = z
  .object({
    allowedDomains: z
      .array(allowedDomain)
      .max(50)
      .transform((domains) => [...new Set(domains)]),
    utmTemplate: utmTemplateSchema,
    attributionRules: attributionRulesSchema,
    codePattern: z.string().trim().min(1, 'is required').max(64),
    codePercent: z.string().trim().max(16),
    codeDescription: z.string().trim().max(300),
  })
  .openapi('TrackingSettingsInput');

export type TrackingSettingsInput = z.infer<typeof trackingSettingsInputSchema>;

export const trackingSettingsSchema = z
  .object({
    programId: z.string(),
    allowedDomains: z.array(z.string()),
    utmTemplate: utmTemplateSchema,
    attributionRules: attributionRulesSchema,
    codePattern: z.string(),
    codePercent: z.string(),
    codeDescription: z.string(),
    /** Null until first saved (the values are the defaults). */
    updatedAt: z.string().nullable(),
  })
  .openapi('TrackingSettings');

export type TrackingSettingsView = z.infer<typeof trackingSettingsSchema>;
