// Leaked-code detection (T6): a code the ambassador shared with their audience is redeemed by people who
// clicked the ambassador's links; a code copied to coupon sites is redeemed by strangers. These rules look
// at one code's figures over a window and say which signs of a leak they see, in words a manager reads.

/** Below this many redemptions in the window the click share says nothing. */
export const minRedemptionsForClickShare = 10;
/** Flag when fewer than this share of redemptions came with a click from the code's ambassador. */
export const minClickShare = 0.2;
/** Flag when at least this many redemptions were referred by a coupon site. */
export const minCouponSiteRedemptions = 2;
/** Below this many redemptions a code cannot be "far above" its clicks. */
export const minRedemptionsForClickRatio = 10;
/** Flag when redemptions exceed this multiple of the ambassador's unique clicks. */
export const maxRedemptionsPerClick = 3;
/** A dismissed alert comes back when redemptions without a click grew by this share since dismissal … */
export const worseGrowthShare = 0.5;
/** … and by at least this many. */
export const worseGrowthMinimum = 5;

/** One code's figures over the scan window. */
export interface CodeFigures {
  /** Orders in the window that used the code. */
  redemptions: number;
  /** Those orders that carried a click id from one of the code's ambassador's links. */
  redemptionsWithClick: number;
  /** Those orders whose referrer is a known coupon site (see coupon-sites.ts). */
  couponSiteRedemptions: number;
  /** Unique, non-bot clicks on the ambassador's links in the program over the window. */
  ambassadorClicks: number;
}

export type LeakSign = 'without_click' | 'coupon_sites' | 'above_clicks';

export interface LeakFlag {
  sign: LeakSign;
  /** A sentence for the alerts panel, with the figures in it. */
  reason: string;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)} %`;
}

/**
 * The signs of a leak in one code's figures; none means the code looks healthy.
 * @example detectLeak({redemptions: 12, redemptionsWithClick: 1, couponSiteRedemptions: 0, ambassadorClicks: 40})
 *   // [{sign: 'without_click', reason: 'Most redemptions came without a click from the ambassador: …'}]
 */
export function detectLeak(figures: CodeFigures): LeakFlag[] {
  const flags: LeakFlag[] = [];
  const { redemptions, redemptionsWithClick, couponSiteRedemptions, ambassadorClicks } = figures;
  if (redemptions >= minRedemptionsForClickShare && redemptionsWithClick / redemptions < minClickShare) {
    flags.push({
      sign: 'without_click',
      reason: `Most redemptions came without a click from the ambassador: ${redemptionsWithClick} of ${redemptions} (${percent(redemptionsWithClick, redemptions)}) had one.`,
    });
  }
  if (couponSiteRedemptions >= minCouponSiteRedemptions) {
    flags.push({
      sign: 'coupon_sites',
      reason: `Redeemed from coupon sites: ${couponSiteRedemptions} of ${redemptions} redemptions were referred by one.`,
    });
  }
  if (redemptions >= minRedemptionsForClickRatio && redemptions > maxRedemptionsPerClick * ambassadorClicks) {
    flags.push({
      sign: 'above_clicks',
      reason: `Redemptions far above the ambassador's clicks: ${redemptions} redemptions against ${ambassadorClicks} unique clicks (more than ${maxRedemptionsPerClick}×).`,
    });
  }
  return flags;
}

/**
 * Whether figures got worse since an alert was dismissed, so it is raised again: a sign appears that was
 * not there, or redemptions without a click grew by half (and by at least five).
 * @example isWorseThanDismissed(figuresWhenDismissed, figuresNow)
 */
export function isWorseThanDismissed(before: CodeFigures, current: CodeFigures): boolean {
  const dismissedSigns = detectLeak(before).map((f) => f.sign);
  const signs = detectLeak(current).map((f) => f.sign);
  if (signs.some((s) => !dismissedSigns.includes(s))) return true;
  const unexplainedBefore = before.redemptions - before.redemptionsWithClick;
  const unexplainedNow = current.redemptions - current.redemptionsWithClick;
  const growth = unexplainedNow - unexplainedBefore;
  return growth >= worseGrowthMinimum && growth >= unexplainedBefore * worseGrowthShare;
}
