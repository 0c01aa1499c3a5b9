// Tracking settings of a program (T1, T4): allowed domains, UTM template, attribution rules, code pattern.
import { z } from '@hono/zod-openapi';
import { expandCodePattern, parseCodePattern } from '../../../core/codes';
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

/** The generator's own rules (core/codes): known tokens only, and one that differs per ambassador. */
const codePattern = z
  .string()
  .trim()
  .max(64)
  .superRefine((value, ctx) => {
    if (!value) {
      ctx.addIssue({ code: 'custom', message: 'is required' });
      return;
    }
    const parsed = parseCodePattern(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

/** A whole percent, 1–100, kept as text (it is typed into codes as {PERCENT}); '015' is saved as '15'. */
const codePercent = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 100)
      ctx.addIssue({ code: 'custom', message: 'must be a whole number from 1 to 100' });
  })
  .transform((value) => String(Number(value)));

export const trackingSettingsInputSchema = z
  .object({
    allowedDomains: z
      .array(allowedDomain)
      .max(50)
      .transform((domains) => [...new Set(domains)]),
    utmTemplate: utmTemplateSchema,
    attributionRules: attributionRulesSchema,
    codePattern,
    codePercent,
    codeDescription: z.string().trim().max(300),
  })
  .superRefine((input, ctx) => {
    // A pattern whose fixed text leaves no room for the handle fails for every ambassador: try it once.
    if (!parseCodePattern(input.codePattern).ok) return;
    const sample = expandCodePattern(input.codePattern, {
      handle: 'JANE',
      firstName: 'Jane',
      percent: input.codePercent,
      year: new Date().getFullYear(),
      random: (length) => 'A'.repeat(length),
    });
    if (!sample.ok) ctx.addIssue({ code: 'custom', path: ['codePattern'], message: sample.message });
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
