// B3: checks one caption against a brief's rules — disclosure present and prominent, required mentions,
// forbidden terms, competitor mentions, tracking link or code — and says where in the text each rule looked.
import {
  type CheckCaptionInput,
  type CompliancePlatform,
  type ComplianceRules,
  checkCaptionInputSchema,
  type Placement,
} from './input';
import type { ComplianceResult, ComplianceRuleResult } from './result';
import {
  closingTagBlock,
  countCharacters,
  type FoldedText,
  findSpans,
  foldTerm,
  foldText,
  lineAt,
  linkPattern,
  type TextSpan,
  termKind,
  termPattern,
} from './text-match';

const platformNames: Record<CompliancePlatform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  other: 'this platform',
};

interface Context {
  platform: CompliancePlatform;
  caption: string;
  folded: FoldedText;
}

function quote(text: string): string {
  return `“${text}”`;
}

function quoteSpan(context: Context, span: TextSpan): string {
  return quote(context.caption.slice(span.start, span.end));
}

/** 1-based position of the span's first character, counted as a reader counts characters. */
function characterAt(context: Context, span: TextSpan): number {
  return countCharacters(context.caption.slice(0, span.start)) + 1;
}

function byStart(a: TextSpan, b: TextSpan): number {
  return a.start - b.start || a.end - b.end;
}

function findTerm(context: Context, term: string): TextSpan[] {
  return findSpans(context.folded, termPattern(term)).sort(byStart);
}

function showTerm(term: string): string {
  return termKind(term) === 'phrase' ? quote(term) : term;
}

/** "the first 125 characters and 3 lines", or null where a disclosure may go anywhere. */
function visibleLimit(placement: Placement): string | null {
  const limits = [
    placement.withinFirstCharacters === null ? null : `${placement.withinFirstCharacters} characters`,
    placement.withinFirstLines === null ? null : `${placement.withinFirstLines} lines`,
  ].filter((limit) => limit !== null);
  return limits.length > 0 ? `the first ${limits.join(' and ')}` : null;
}

function whereDisclosureGoes(context: Context, placement: Placement): string {
  const limit = visibleLimit(placement);
  if (limit === null) return 'anywhere in the caption';
  return `within ${limit} (${platformNames[context.platform]} hides the rest behind “more”)`;
}

function checkDisclosure(context: Context, rules: ComplianceRules): ComplianceRuleResult[] {
  const markers = rules.disclosure.markers[context.platform];
  const placement = rules.disclosure.placement[context.platform];
  const where = whereDisclosureGoes(context, placement);
  const found = markers
    .flatMap((marker) => findTerm(context, marker))
    .sort(byStart)
    .filter((span, i, all) => i === 0 || span.start !== all[i - 1]!.start);
  const first = found[0];
  if (!first) {
    const examples = markers.slice(0, 4).map(showTerm).join(', ');
    const more = markers.length > 4 ? ' or another accepted marker' : '';
    return [
      {
        id: 'disclosure.present',
        passed: false,
        severity: 'must',
        message: `No disclosure found: add ${examples}${more} ${where}.`,
      },
      {
        id: 'disclosure.placement',
        passed: false,
        severity: 'must',
        message: `No disclosure to place: add one ${where}.`,
      },
    ];
  }
  const present: ComplianceRuleResult = {
    id: 'disclosure.present',
    passed: true,
    severity: 'must',
    message: `Discloses the partnership with ${quoteSpan(context, first)} at character ${characterAt(context, first)}.`,
    span: first,
  };
  const limit = visibleLimit(placement);
  if (limit === null) {
    return [
      present,
      {
        id: 'disclosure.placement',
        passed: true,
        severity: 'must',
        message: `On ${platformNames[context.platform]} a disclosure may appear anywhere in the caption.`,
        span: first,
      },
    ];
  }
  const problems = found.map((span) => placementProblems(context, span, placement, rules));
  const prominent = found.findIndex((_, i) => problems[i]!.length === 0);
  if (prominent >= 0) {
    const span = found[prominent]!;
    return [
      present,
      {
        id: 'disclosure.placement',
        passed: true,
        severity: 'must',
        message: `${quoteSpan(context, span)} is within ${limit}, before ${platformNames[context.platform]}’s “more” cut-off.`,
        span,
      },
    ];
  }
  return [
    present,
    {
      id: 'disclosure.placement',
      passed: false,
      severity: 'must',
      message: `${quoteSpan(context, first)} ${problems[0]!.join(' and ')}: move it up, ${where}.`,
      span: first,
    },
  ];
}

/** Why a disclosure at `span` is not prominent enough; empty when it is. */
function placementProblems(
  context: Context,
  span: TextSpan,
  placement: Placement,
  rules: ComplianceRules,
): string[] {
  const name = platformNames[context.platform];
  const problems: string[] = [];
  const endsAt = countCharacters(context.caption.slice(0, span.end));
  if (placement.withinFirstCharacters !== null && endsAt > placement.withinFirstCharacters) {
    problems.push(
      `ends at character ${endsAt}, but ${name} shows only the first ${placement.withinFirstCharacters} before “more”`,
    );
  }
  const line = lineAt(context.caption, span.start);
  if (placement.withinFirstLines !== null && line > placement.withinFirstLines) {
    problems.push(
      `is on line ${line}, but ${name} shows only the first ${placement.withinFirstLines} lines before “more”`,
    );
  }
  const wallRule = rules.disclosure.hashtagWallRule;
  if (wallRule) {
    const block = closingTagBlock(context.caption);
    const position = block.findIndex((token) => token.start === span.start);
    if (position >= 0) {
      const hashtagsBefore = block.slice(0, position).filter((token) => token.isHashtag).length;
      if (hashtagsBefore >= wallRule.buriedAfter) {
        problems.push(
          `is buried after ${hashtagsBefore} other hashtags in the closing hashtag block, where readers skip it`,
        );
      }
    }
  }
  return problems;
}

function checkRequiredMentions(context: Context, rules: ComplianceRules): ComplianceRuleResult[] {
  return rules.requiredMentions.map((mention, n) => {
    const span = findTerm(context, mention)[0];
    const id = `mention.required.${n}`;
    if (span) {
      return {
        id,
        passed: true,
        severity: 'must',
        message: `Mentions ${quoteSpan(context, span)} at character ${characterAt(context, span)}.`,
        span,
      };
    }
    const kind = termKind(mention);
    const action =
      kind === 'handle'
        ? `tag ${mention} in the caption`
        : kind === 'hashtag'
          ? `add ${mention} to the caption`
          : `include ${quote(mention)} in the caption`;
    return { id, passed: false, severity: 'must', message: `Required mention missing: ${action}.` };
  });
}

interface AvoidedTermsCheck {
  id: string;
  severity: ComplianceRuleResult['severity'];
  terms: readonly string[];
  /** Patterns for one listed term; competitors also match as one-word hashtags and handles. */
  patterns: (term: string) => RegExp[];
  describe: (found: string, at: number, count: number, listed: string) => string;
  noneFound: (count: number) => string;
}

function checkAvoidedTerms(context: Context, check: AvoidedTermsCheck): ComplianceRuleResult[] {
  if (check.terms.length === 0) return [];
  const failures: ComplianceRuleResult[] = [];
  check.terms.forEach((term, n) => {
    const spans = check
      .patterns(term)
      .flatMap((pattern) => findSpans(context.folded, pattern))
      .sort(byStart)
      .filter((span, i, all) => i === 0 || span.start >= all[i - 1]!.end);
    const first = spans[0];
    if (!first) return;
    failures.push({
      id: `${check.id}.${n}`,
      passed: false,
      severity: check.severity,
      message: check.describe(
        quoteSpan(context, first),
        characterAt(context, first),
        spans.length,
        // Say which entry matched when the caption writes it differently.
        quoteSpan(context, first) === quote(term) ? '' : ` (listed as ${showTerm(term)})`,
      ),
      span: first,
    });
  });
  if (failures.length > 0) return failures;
  return [
    { id: check.id, passed: true, severity: check.severity, message: check.noneFound(check.terms.length) },
  ];
}

function timesFound(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}

function competitorPatterns(name: string): RegExp[] {
  const patterns = [termPattern(name)];
  // "The Ordinary" is also written #theordinary or @theordinary.
  const compact = foldTerm(name).replace(/[^\p{L}\p{N}]/gu, '');
  if (termKind(name) === 'phrase' && compact !== foldTerm(name)) {
    patterns.push(termPattern(`#${compact}`), termPattern(`@${compact}`));
  }
  return patterns;
}

function checkTracking(context: Context, rules: ComplianceRules): ComplianceRuleResult[] {
  const required = rules.requireTrackingLinkOrCode;
  if (!required) return [];
  const candidates = [
    ...required.links.flatMap((link) =>
      findSpans(context.folded, linkPattern(link)).map((span) => ({ span, kind: 'link' })),
    ),
    ...required.codes.flatMap((code) => findTerm(context, code).map((span) => ({ span, kind: 'code' }))),
  ].sort((a, b) => byStart(a.span, b.span));
  const first = candidates[0];
  if (first) {
    return [
      {
        id: 'tracking.present',
        passed: true,
        severity: 'must',
        message: `Tracking ${first.kind} ${quoteSpan(context, first.span)} at character ${characterAt(context, first.span)}.`,
        span: first.span,
      },
    ];
  }
  const options = [
    ...required.links.map((link) => `the link ${link}`),
    ...required.codes.map((code) => `the code ${code}`),
  ].join(' or ');
  return [
    {
      id: 'tracking.present',
      passed: false,
      severity: 'must',
      message: `No tracking link or code: add ${options} to the caption.`,
    },
  ];
}

/**
 * Checks a caption against a brief's rules. `passed` is false when any `must` rule fails; `should` rules
 * (competitor mentions) are for the reviewer to weigh. Rule ids: `disclosure.present`,
 * `disclosure.placement`, `mention.required.<n>`, `forbidden.term` (or `forbidden.term.<n>` per term found),
 * `competitor.mention` (or `competitor.mention.<n>`), `tracking.present`; `<n>` indexes the brief's list.
 * Spans are UTF-16 offsets into the caption as given. Invalid input throws the input schema's ZodError.
 * @example
 * checkCaption({ platform: 'instagram', caption: 'Loving my new serum #ad', rules: { requiredMentions: ['@glow'] } })
 * // → { passed: false, rules: [disclosure.present ✓, disclosure.placement ✓, mention.required.0 ✗ …] }
 */
export function checkCaption(input: CheckCaptionInput): ComplianceResult {
  const { platform, caption, rules } = checkCaptionInputSchema.parse(input);
  const context: Context = { platform, caption, folded: foldText(caption) };
  const results = [
    ...checkDisclosure(context, rules),
    ...checkRequiredMentions(context, rules),
    ...checkAvoidedTerms(context, {
      id: 'forbidden.term',
      severity: 'must',
      terms: rules.forbiddenTerms,
      patterns: (term) => [termPattern(term)],
      describe: (found, at, count, listed) =>
        `Forbidden term ${found}${listed} at character ${at}${timesFound(count)}: remove or reword it.`,
      noneFound: (count) => `None of the ${count} forbidden terms appear.`,
    }),
    ...checkAvoidedTerms(context, {
      id: 'competitor.mention',
      severity: 'should',
      terms: rules.competitors,
      patterns: competitorPatterns,
      describe: (found, at, count, listed) =>
        `Mentions competitor ${found}${listed} at character ${at}${timesFound(count)}: remove it unless the brief allows it.`,
      noneFound: (count) => `None of the ${count} competitors are mentioned.`,
    }),
    ...checkTracking(context, rules),
  ];
  return {
    passed: results.every((rule) => rule.passed || rule.severity !== 'must'),
    rules: results,
  };
}
