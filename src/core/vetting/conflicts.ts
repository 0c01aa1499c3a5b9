// V7 brand conflicts: sponsored posts for the program's competitors. Inside the exclusivity window they
// block the partnership; before it they are history a reviewer should know about.
import { dayMs, referenceTime, toIsoDay } from './dates';
import type { DetectorResult, Flag } from './flags';
import type { CreatorInput } from './input';

/** Used when the program sets no exclusivity window; the same 90 days the other checks look back. */
export const defaultExclusivityDays = 90;

export interface ConflictFigures {
  sponsoredPosts: number;
  sponsoredBrands: string[];
  conflicts: { postId: string; postedAt: string; brand: string; isInWindow: boolean }[];
  windowStart: string;
}

function normalizeBrand(name: string): string {
  return name
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function checkConflicts(
  input: CreatorInput,
  options: { competitors?: string[]; exclusivityDays?: number; now?: Date } = {},
): DetectorResult<ConflictFigures> {
  const nowMs = referenceTime(options.now, input.posts);
  const days = options.exclusivityDays ?? defaultExclusivityDays;
  const windowStartMs = nowMs - days * dayMs;
  const competitors = (options.competitors ?? [])
    .map((name) => ({ name, key: normalizeBrand(name) }))
    .filter((c) => c.key.length > 0);
  const brands = new Set<string>();
  const conflicts: ConflictFigures['conflicts'] = [];
  let sponsoredPosts = 0;
  for (const post of input.posts ?? []) {
    const postBrands = post.brands ?? [];
    if (!post.isSponsored && postBrands.length === 0) continue;
    sponsoredPosts++;
    for (const brand of postBrands) brands.add(brand);
    const postedMs = Date.parse(post.postedAt);
    const matched = new Set<string>();
    for (const brand of postBrands) {
      const competitor = competitors.find((c) => c.key === normalizeBrand(brand));
      if (competitor) matched.add(competitor.name);
    }
    // A sponsored post without a brand list still names its sponsor in the caption.
    // Captions tag brands as "@theordinary", "#glossierpartner" or plain words, so compare without spaces
    // or punctuation; names shorter than four letters would match inside too many words to be evidence.
    if (post.isSponsored && postBrands.length === 0 && post.caption) {
      const caption = normalizeBrand(post.caption);
      for (const c of competitors) if (c.key.length >= 4 && caption.includes(c.key)) matched.add(c.name);
    }
    for (const brand of matched) {
      conflicts.push({
        postId: post.id,
        postedAt: post.postedAt,
        brand,
        isInWindow: postedMs >= windowStartMs && postedMs <= nowMs,
      });
    }
  }

  const flags: Flag[] = [];
  const inWindow = conflicts.filter((c) => c.isInWindow);
  const before = conflicts.filter((c) => !c.isInWindow);
  if (inWindow.length > 0) {
    flags.push({
      code: 'conflicts.competitor-in-window',
      severity: 'critical',
      message:
        `Sponsored post${inWindow.length === 1 ? '' : 's'} for competitor${new Set(inWindow.map((c) => c.brand)).size === 1 ? '' : 's'} ` +
        `${[...new Set(inWindow.map((c) => c.brand))].join(', ')} within the ${days}-day exclusivity window.`,
      evidence: {
        posts: inWindow.map((c) => c.postId),
        dates: inWindow.map((c) => c.postedAt.slice(0, 10)),
        brands: [...new Set(inWindow.map((c) => c.brand))],
      },
    });
  }
  if (before.length > 0) {
    flags.push({
      code: 'conflicts.competitor-before-window',
      severity: 'info',
      message: `Earlier sponsored work for ${[...new Set(before.map((c) => c.brand))].join(', ')}, outside the exclusivity window.`,
      evidence: {
        posts: before.map((c) => c.postId),
        dates: before.map((c) => c.postedAt.slice(0, 10)),
        brands: [...new Set(before.map((c) => c.brand))],
      },
    });
  }
  return {
    figures: {
      sponsoredPosts,
      sponsoredBrands: [...brands].sort(),
      conflicts,
      windowStart: toIsoDay(windowStartMs),
    },
    flags,
  };
}
