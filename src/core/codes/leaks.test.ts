import { describe, expect, it } from 'vitest';
import { isCouponSite } from './coupon-sites';
import { type CodeFigures, detectLeak, isWorseThanDismissed } from './leaks';

const healthy: CodeFigures = {
  redemptions: 0,
  redemptionsWithClick: 0,
  couponSiteRedemptions: 0,
  ambassadorClicks: 0,
};
const f = (over: Partial<CodeFigures>): CodeFigures => ({ ...healthy, ...over });

describe('detectLeak', () => {
  it.each([
    { name: 'no redemptions', figures: healthy, signs: [] },
    {
      name: 'a healthy code',
      figures: f({ redemptions: 20, redemptionsWithClick: 12, ambassadorClicks: 300 }),
      signs: [],
    },
    // Without a click: at least 10 redemptions and under 20 % with a click.
    {
      name: '9 redemptions, none with a click: too few to judge',
      figures: f({ redemptions: 9, ambassadorClicks: 100 }),
      signs: [],
    },
    {
      name: '10 redemptions, 1 with a click (10 %)',
      figures: f({ redemptions: 10, redemptionsWithClick: 1, ambassadorClicks: 100 }),
      signs: ['without_click'],
    },
    {
      name: '10 redemptions, 2 with a click (exactly 20 %)',
      figures: f({ redemptions: 10, redemptionsWithClick: 2, ambassadorClicks: 100 }),
      signs: [],
    },
    {
      name: '20 redemptions, 3 with a click (15 %)',
      figures: f({ redemptions: 20, redemptionsWithClick: 3, ambassadorClicks: 100 }),
      signs: ['without_click'],
    },
    // Coupon sites: at least 2 referred redemptions.
    {
      name: '1 from a coupon site',
      figures: f({ redemptions: 3, redemptionsWithClick: 2, couponSiteRedemptions: 1, ambassadorClicks: 50 }),
      signs: [],
    },
    {
      name: '2 from coupon sites',
      figures: f({ redemptions: 3, redemptionsWithClick: 1, couponSiteRedemptions: 2, ambassadorClicks: 50 }),
      signs: ['coupon_sites'],
    },
    // Far above clicks: at least 10 redemptions and more than 3× unique clicks.
    {
      name: '12 redemptions against 4 clicks (exactly 3×)',
      figures: f({ redemptions: 12, redemptionsWithClick: 4, ambassadorClicks: 4 }),
      signs: [],
    },
    {
      name: '13 redemptions against 4 clicks',
      figures: f({ redemptions: 13, redemptionsWithClick: 4, ambassadorClicks: 4 }),
      signs: ['above_clicks'],
    },
    {
      name: '9 redemptions against 0 clicks: too few',
      figures: f({ redemptions: 9, redemptionsWithClick: 0, ambassadorClicks: 0 }),
      signs: [],
    },
    {
      name: 'every sign at once',
      figures: f({
        redemptions: 40,
        redemptionsWithClick: 2,
        couponSiteRedemptions: 18,
        ambassadorClicks: 9,
      }),
      signs: ['without_click', 'coupon_sites', 'above_clicks'],
    },
  ])('$name → $signs', ({ figures, signs }) => {
    expect(detectLeak(figures).map((flag) => flag.sign)).toEqual(signs);
  });

  it('says why, with the figures', () => {
    const flags = detectLeak(
      f({ redemptions: 40, redemptionsWithClick: 2, couponSiteRedemptions: 18, ambassadorClicks: 9 }),
    );
    expect(flags.map((flag) => flag.reason)).toEqual([
      'Most redemptions came without a click from the ambassador: 2 of 40 (5 %) had one.',
      'Redeemed from coupon sites: 18 of 40 redemptions were referred by one.',
      "Redemptions far above the ambassador's clicks: 40 redemptions against 9 unique clicks (more than 3×).",
    ]);
  });
});

describe('isWorseThanDismissed', () => {
  const dismissed = f({ redemptions: 12, redemptionsWithClick: 1, ambassadorClicks: 100 });
  it.each([
    { name: 'the same figures', now: dismissed, worse: false },
    {
      name: 'four more without a click',
      now: f({ redemptions: 16, redemptionsWithClick: 1, ambassadorClicks: 100 }),
      worse: false,
    },
    {
      name: 'five more without a click but under half again',
      now: f({ redemptions: 17, redemptionsWithClick: 1, ambassadorClicks: 100 }),
      worse: false,
    },
    {
      name: 'half again more without a click (11 → 17)',
      now: f({ redemptions: 18, redemptionsWithClick: 1, ambassadorClicks: 100 }),
      worse: true,
    },
    {
      name: 'a new sign (coupon sites)',
      now: f({ redemptions: 12, redemptionsWithClick: 1, couponSiteRedemptions: 2, ambassadorClicks: 100 }),
      worse: true,
    },
    {
      name: 'a sign that went away',
      now: f({ redemptions: 12, redemptionsWithClick: 6, ambassadorClicks: 100 }),
      worse: false,
    },
  ])('$name → $worse', ({ now, worse }) => {
    expect(isWorseThanDismissed(dismissed, now)).toBe(worse);
  });
});

describe('isCouponSite', () => {
  it.each([
    ['retailmenot.com', true],
    ['www.RetailMeNot.com', true],
    ['retailmenot.ca', true],
    ['groupon.co.uk', true],
    ['slickdeals.net', true],
    ['offers.com', true],
    ['www.joinhoney.com', true],
    ['notretailmenot.com', false],
    ['retailmenot.com.evil.example', false],
    ['specialoffers.com', false],
    ['instagram.com', false],
    ['l.instagram.com', false],
    ['', false],
    [null, false],
  ])('%s → %s', (domain, expected) => {
    expect(isCouponSite(domain)).toBe(expected);
  });
});
