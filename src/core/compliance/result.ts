// The compliance check's answer (B3): one entry per rule with a message that points at the caption. The same
// shape leaves the CLI (`--json`) and `POST /api/v1/compliance/check`.
import { z } from 'zod';

export const ruleSeverities = ['must', 'should'] as const;
export type RuleSeverity = (typeof ruleSeverities)[number];

export const textSpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const complianceRuleResultSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  severity: z.enum(ruleSeverities),
  message: z.string(),
  span: textSpanSchema.optional(),
});

export const complianceResultSchema = z.object({
  passed: z.boolean(),
  rules: z.array(complianceRuleResultSchema),
});

export type ComplianceRuleResult = z.infer<typeof complianceRuleResultSchema>;
export type ComplianceResult = z.infer<typeof complianceResultSchema>;
