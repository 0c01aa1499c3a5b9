// The compliance check's public surface (B3): the brief's rules, the input schema and checkCaption.
export { checkCaption } from './check-caption';
export {
  type CheckCaptionInput,
  type CompliancePlatform,
  type ComplianceRules,
  type ComplianceRulesInput,
  checkCaptionInputSchema,
  compliancePlatforms,
  complianceRulesSchema,
  defaultBuriedAfterHashtags,
  defaultDisclosureMarkers,
  defaultPlacements,
  maxCaptionLength,
  type ParsedCheckCaptionInput,
  type Placement,
  parseCheckCaptionInput,
} from './input';
export {
  type ComplianceResult,
  type ComplianceRuleResult,
  complianceResultSchema,
  complianceRuleResultSchema,
  type RuleSeverity,
  ruleSeverities,
  textSpanSchema,
} from './result';
export type { TextSpan } from './text-match';
