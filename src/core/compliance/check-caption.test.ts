import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { checkCaption } from './check-caption';
import type { CompliancePlatform, ComplianceRulesInput } from './input';

/** Plain prose with no markers, exactly `length` characters long, ending in a space. */
function prose(length: number): string {
  const text = 'Golden hour walk by the harbour, then a slow evening routine with the new serum. '.repeat(10);
  return `${text.slice(0, length - 1)} `;
}

const wall = '#skincare #glowup #selfcare #morningroutine';

interface Case {
  name: string;
  platform?: CompliancePlatform;
  caption: string;
  rules?: ComplianceRulesInput;
  /** Ids of the rules that fail, in any order; every other rule passes. */
  failing: string[];
  /** The caption text a rule's span points at. */
  spans?: Record<string, string>;
}

const cases: Case[] = [
  // Disclosure markers
  {
    name: '#ad at the start',
    caption: '#ad Morning routine with the new serum ✨',
    failing: [],
    spans: { 'disclosure.present': '#ad' },
  },
  {
    name: '#adventure is not #ad',
    caption: 'Weekend #adventure in the Alps with my new boots',
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  {
    name: '#AD in capitals is #ad',
    caption: 'Weekend in the Alps #AD',
    failing: [],
    spans: { 'disclosure.placement': '#AD' },
  },
  {
    name: '#ad. before a full stop',
    caption: 'Trail day with the new boots #ad.',
    failing: [],
    spans: { 'disclosure.present': '#ad' },
  },
  { name: '#ad, before a comma', caption: '#ad, but honest: these boots are great', failing: [] },
  {
    name: '#ad_campaign and #ads are other hashtags',
    caption: 'Behind the scenes of an #ad_campaign and my #ads course',
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  {
    name: '"Paid partnership with @brand"',
    caption: 'Paid partnership with @glowbrand — my honest review',
    failing: [],
    spans: { 'disclosure.present': 'Paid partnership' },
  },
  {
    name: '"paid partnership" across a line break',
    caption: 'PAID\npartnership with @glowbrand',
    failing: [],
  },
  { name: '"Sponsored by"', caption: 'Sponsored by Glow. Thoughts are my own.', failing: [] },
  {
    name: '"Not sponsored" is not a disclosure',
    caption: 'Not sponsored, I just love it #notsponsored',
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  { name: '#anzeige (German)', caption: 'Mein neues Lieblingsserum #anzeige', failing: [] },
  { name: '#Werbung (German) before a pipe', caption: '#Werbung | Mein Morgenritual', failing: [] },
  { name: '#publicidad (Spanish)', caption: 'Mi rutina de mañana #publicidad', failing: [] },
  {
    name: '#publication is not #publi',
    caption: 'New #publication out now',
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  { name: '#sponsorisé (French)', caption: 'Ma routine du matin #sponsorisé', failing: [] },
  { name: '#sponsorise written without the accent', caption: 'Ma routine du matin #sponsorise', failing: [] },
  {
    name: '#SPONSORISÉ with a combining accent',
    caption: 'Ma routine #SPONSORISE\u0301 !',
    failing: [],
    spans: { 'disclosure.present': '#SPONSORISE\u0301' },
  },
  { name: '#reklama (Polish)', caption: 'Moja poranna rutyna #reklama', failing: [] },
  {
    name: '#reklamacja (a complaint) is not #reklama',
    caption: 'Moja #reklamacja w sklepie',
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  { name: '#adv (Italian)', caption: 'La mia routine del mattino #adv', failing: [] },
  {
    name: 'full-width ＃ＡＤ',
    caption: 'Morning routine ＃ＡＤ',
    failing: [],
    spans: { 'disclosure.present': '＃ＡＤ' },
  },

  // Placement
  {
    name: 'disclosure at character 130 on Instagram: present but below the fold',
    caption: `${prose(129)}#ad`,
    failing: ['disclosure.placement'],
    spans: { 'disclosure.present': '#ad', 'disclosure.placement': '#ad' },
  },
  {
    name: 'disclosure ending exactly at character 125 on Instagram',
    caption: `${prose(122)}#ad`,
    failing: [],
  },
  {
    name: 'disclosure ending at character 126 on Instagram',
    caption: `${prose(123)}#ad`,
    failing: ['disclosure.placement'],
  },
  {
    name: 'character 130 on YouTube (first 200)',
    platform: 'youtube',
    caption: `${prose(129)}#ad`,
    failing: [],
  },
  {
    name: 'character 101 on TikTok (first 100)',
    platform: 'tiktok',
    caption: `${prose(98)}#ad`,
    failing: ['disclosure.placement'],
  },
  { name: 'character 300 on another platform', platform: 'other', caption: `${prose(299)}#ad`, failing: [] },
  {
    name: 'emoji and line breaks before the fold',
    caption: '☀️✨🧴\nMorning ritual\n#ad with @glowbrand',
    failing: [],
  },
  {
    name: 'a family emoji counts as one character',
    caption: `${'👨‍👩‍👧'.repeat(120)} #ad`,
    failing: [],
  },
  {
    name: 'line 4 on Instagram is below the fold',
    caption: 'Morning\nritual\nwith\n#ad',
    failing: ['disclosure.placement'],
  },
  {
    name: 'line 4 on TikTok is fine',
    platform: 'tiktok',
    caption: 'Morning\nritual\nwith\n#ad',
    failing: [],
  },
  {
    name: 'hashtag wall at the end of a long caption',
    caption: `${prose(140)}${wall} #ad`,
    failing: ['disclosure.placement'],
  },
  {
    name: 'hashtag wall within 125 characters still buries the disclosure',
    caption: 'Love it ✨ #skincare #glowup #selfcare #ad',
    failing: ['disclosure.placement'],
  },
  { name: 'two hashtags before #ad is not a wall', caption: 'Love it ✨ #skincare #glowup #ad', failing: [] },
  {
    name: 'the wall rule switched off',
    caption: 'Love it ✨ #skincare #glowup #selfcare #ad',
    rules: { disclosure: { hashtagWallRule: null } },
    failing: [],
  },
  {
    name: 'a disclosure at the start counts even with another in the wall',
    caption: '#ad Love it #skincare #glowup #selfcare #ad',
    failing: [],
    spans: { 'disclosure.placement': '#ad' },
  },
  {
    name: "the brief's own markers replace the defaults",
    caption: '#ad Love it',
    rules: { disclosure: { markers: { instagram: ['#GlowPartner'] } } },
    failing: ['disclosure.present', 'disclosure.placement'],
  },
  {
    name: "the brief's own marker in another case",
    caption: '#glowpartner Love it',
    rules: { disclosure: { markers: { instagram: ['#GlowPartner'] } } },
    failing: [],
  },

  // Required mentions
  {
    name: 'required handle present in another case',
    caption: '#ad Thanks @GlowBrand!',
    rules: { requiredMentions: ['@glowbrand'] },
    failing: [],
    spans: { 'mention.required.0': '@GlowBrand' },
  },
  {
    name: 'required handle absent: @glowbrandfan is someone else',
    caption: '#ad shoutout to @glowbrandfan',
    rules: { requiredMentions: ['@glowbrand'] },
    failing: ['mention.required.0'],
  },
  {
    name: 'required handle absent: @glowbrand.shop is another account',
    caption: '#ad via @glowbrand.shop',
    rules: { requiredMentions: ['@glowbrand'] },
    failing: ['mention.required.0'],
  },
  {
    name: 'required handle before a full stop',
    caption: '#ad Thanks @glowbrand.',
    rules: { requiredMentions: ['@glowbrand'] },
    failing: [],
  },
  {
    name: 'required hashtag and product name with accents written without them',
    caption: '#ad my SERUM ECLAT routine #GLOWUP2025',
    rules: { requiredMentions: ['#glowup2025', 'Sérum Éclat'] },
    failing: [],
    spans: { 'mention.required.1': 'SERUM ECLAT' },
  },
  {
    name: 'key claim and legal line with typographic punctuation',
    caption: '#ad It’s dermatologist\u2011tested. Results may vary!',
    rules: { requiredMentions: ["It's dermatologist-tested", 'Results may vary.'] },
    failing: [],
  },
  {
    name: 'the second of two required mentions missing',
    caption: '#ad Thanks @glowbrand',
    rules: { requiredMentions: ['@glowbrand', '#glowup2025'] },
    failing: ['mention.required.1'],
  },

  // Forbidden terms
  {
    name: 'a forbidden word inside another word does not match',
    caption: '#ad A masterclass in classy skincare',
    rules: { forbiddenTerms: ['ass'] },
    failing: [],
  },
  {
    name: 'forbidden word and phrase, as a word, a hashtag and across spaces',
    caption: '#ad Not cheap but a MIRACLE   cure #cheap',
    rules: { forbiddenTerms: ['cheap', 'miracle cure'] },
    failing: ['forbidden.term.0', 'forbidden.term.1'],
    spans: { 'forbidden.term.0': 'cheap', 'forbidden.term.1': 'MIRACLE   cure' },
  },
  {
    name: 'a forbidden term written with a different case and accent',
    caption: '#ad My 3-day DETOX plan',
    rules: { forbiddenTerms: ['détox'] },
    failing: ['forbidden.term.0'],
  },
  {
    name: 'Unicode word boundaries: a Cyrillic term inside a longer word',
    caption: '#ad Мой котик любит эту игрушку',
    rules: { forbiddenTerms: ['кот'] },
    failing: [],
  },

  // Competitors (severity "should": the caption still passes)
  {
    name: 'competitor with a different case, accent and apostrophe',
    caption: '#ad Better than my old L’OREAL cream',
    rules: { competitors: ["L'Oréal"] },
    failing: ['competitor.mention.0'],
    spans: { 'competitor.mention.0': 'L’OREAL' },
  },
  {
    name: 'a two-word competitor written as one hashtag',
    caption: '#ad Switched from #TheOrdinary',
    rules: { competitors: ['The Ordinary'] },
    failing: ['competitor.mention.0'],
  },
  {
    name: 'a competitor name inside longer words',
    caption: '#ad Doves at sunrise, dovetail joints',
    rules: { competitors: ['Dove'] },
    failing: [],
  },

  // Tracking link or code
  {
    name: 'tracking code as a whole word in another case',
    caption: '#ad Use code jane15 for 15% off',
    rules: { requireTrackingLinkOrCode: { codes: ['JANE15'] } },
    failing: [],
    spans: { 'tracking.present': 'jane15' },
  },
  {
    name: 'tracking code inside another word',
    caption: '#ad Use code XJANE150',
    rules: { requireTrackingLinkOrCode: { codes: ['JANE15'] } },
    failing: ['tracking.present'],
  },
  {
    name: 'tracking code before an exclamation mark',
    caption: '#ad Code: JANE15!',
    rules: { requireTrackingLinkOrCode: { codes: ['JANE15'] } },
    failing: [],
  },
  {
    name: 'tracking link without https, brief link with https and a trailing slash',
    caption: '#ad Shop glow.com/jane',
    rules: { requireTrackingLinkOrCode: { links: ['https://glow.com/jane/'] } },
    failing: [],
  },
  {
    name: 'tracking link with https, www and a trailing slash',
    caption: '#ad https://www.glow.com/jane/ ✨',
    rules: { requireTrackingLinkOrCode: { links: ['glow.com/jane'] } },
    failing: [],
    spans: { 'tracking.present': 'https://www.glow.com/jane/' },
  },
  {
    name: 'tracking link at the end of a sentence',
    caption: '#ad Shop at glow.com/jane.',
    rules: { requireTrackingLinkOrCode: { links: ['glow.com/jane'] } },
    failing: [],
  },
  {
    name: 'tracking link with a query string',
    caption: '#ad glow.com/jane?utm_source=instagram',
    rules: { requireTrackingLinkOrCode: { links: ['glow.com/jane'] } },
    failing: [],
  },
  {
    name: 'a longer path or another domain is not the tracking link',
    caption: '#ad glow.com/janedoe, glow.com/jane/extra and myglow.com/jane',
    rules: { requireTrackingLinkOrCode: { links: ['glow.com/jane'] } },
    failing: ['tracking.present'],
  },
  {
    name: 'either the link or the code will do',
    caption: '#ad Code JANE15',
    rules: { requireTrackingLinkOrCode: { links: ['glow.com/jane'], codes: ['JANE15'] } },
    failing: [],
  },

  // Several failures at once
  {
    name: 'multiple failures reported together',
    caption: `Obsessed with this cheap serum, way better than Glossier! ${wall} #ad`,
    rules: {
      requiredMentions: ['@glowbrand'],
      forbiddenTerms: ['cheap'],
      competitors: ['Glossier'],
      requireTrackingLinkOrCode: { codes: ['JANE15'] },
    },
    failing: [
      'disclosure.placement',
      'mention.required.0',
      'forbidden.term.0',
      'competitor.mention.0',
      'tracking.present',
    ],
  },
  {
    name: 'a fully compliant caption with every rule',
    caption:
      '#ad My morning with @glowbrand’s Sérum Éclat ✨ Code JANE15 at glow.com/jane\nResults may vary.',
    rules: {
      requiredMentions: ['@glowbrand', 'Serum Eclat', 'results may vary'],
      forbiddenTerms: ['cheap', 'cure'],
      competitors: ['Glossier'],
      requireTrackingLinkOrCode: { links: ['https://glow.com/jane'], codes: ['JANE15'] },
    },
    failing: [],
  },
];

describe('checkCaption', () => {
  for (const c of cases) {
    const platform = c.platform ?? 'instagram';
    it(`${platform}: ${c.name}`, () => {
      const result = checkCaption({ platform, caption: c.caption, rules: c.rules });
      const failing = result.rules.filter((rule) => !rule.passed).map((rule) => rule.id);
      expect(failing.sort()).toEqual([...c.failing].sort());
      expect(result.passed).toBe(c.failing.every((id) => id.startsWith('competitor.')));
      for (const [id, text] of Object.entries(c.spans ?? {})) {
        const span = result.rules.find((rule) => rule.id === id)?.span;
        expect(span, `span of ${id}`).toBeDefined();
        expect(c.caption.slice(span!.start, span!.end)).toBe(text);
      }
    });
  }

  it('always reports disclosure, and the other rules only when the brief sets them', () => {
    const ids = (rules?: ComplianceRulesInput) =>
      checkCaption({ platform: 'instagram', caption: '#ad hi', rules }).rules.map((rule) => rule.id);
    expect(ids()).toEqual(['disclosure.present', 'disclosure.placement']);
    expect(
      ids({
        requiredMentions: ['@a', '#b'],
        forbiddenTerms: ['c'],
        competitors: ['d'],
        requireTrackingLinkOrCode: { codes: ['E1'] },
      }),
    ).toEqual([
      'disclosure.present',
      'disclosure.placement',
      'mention.required.0',
      'mention.required.1',
      'forbidden.term',
      'competitor.mention',
      'tracking.present',
    ]);
  });

  it('says what is missing and where it should go', () => {
    const result = checkCaption({
      platform: 'instagram',
      caption: 'Love this serum',
      rules: { requiredMentions: ['@glowbrand'], requireTrackingLinkOrCode: { codes: ['JANE15'] } },
    });
    const message = (id: string) => result.rules.find((rule) => rule.id === id)?.message;
    expect(message('disclosure.present')).toContain('#ad');
    expect(message('disclosure.present')).toContain('within the first 125 characters');
    expect(message('mention.required.0')).toContain('tag @glowbrand');
    expect(message('tracking.present')).toContain('the code JANE15');
  });

  it('quotes the disclosure and explains why it does not count', () => {
    const caption = `${prose(140)}${wall} #AD`;
    const placement = checkCaption({ platform: 'instagram', caption }).rules.find(
      (rule) => rule.id === 'disclosure.placement',
    );
    expect(placement?.message).toContain('“#AD” ends at character');
    expect(placement?.message).toContain('buried after 4 other hashtags');
    expect(placement?.message).toContain('move it up, within the first 125 characters and 3 lines');
  });

  it('quotes a forbidden term as written and counts its occurrences', () => {
    const result = checkCaption({
      platform: 'tiktok',
      caption: '#ad CHEAP and cheap',
      rules: { forbiddenTerms: ['cheap'] },
    });
    const rule = result.rules.find((r) => r.id === 'forbidden.term.0');
    expect(rule).toMatchObject({ passed: false, severity: 'must', span: { start: 4, end: 9 } });
    expect(rule?.message).toBe(
      'Forbidden term “CHEAP” (listed as “cheap”) at character 5 (2 times): remove or reword it.',
    );
  });

  it('rejects an empty caption and an unknown platform with the input schema’s error', () => {
    expect(() => checkCaption({ platform: 'instagram', caption: '  \n' })).toThrow(ZodError);
    expect(() => checkCaption({ platform: 'myspace' as CompliancePlatform, caption: '#ad' })).toThrow(
      /platform/,
    );
  });
});
