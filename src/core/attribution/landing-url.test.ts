import { describe, expect, it } from 'vitest';
import { type LandingParameters, parseLandingUrl } from './landing-url';

describe('parseLandingUrl', () => {
  const cases: Array<{ name: string; input: string | null | undefined; expected: LandingParameters }> = [
    {
      name: 'Shopify landing_site path with the click id and UTM template',
      input:
        '/products/linen-shirt?utm_source=influencer&utm_medium=micro&utm_campaign=2026&utm_content=jane&tclid=clk_7Hq2',
      expected: {
        clickId: 'clk_7Hq2',
        utm: { source: 'influencer', medium: 'micro', campaign: '2026', content: 'jane' },
      },
    },
    {
      name: 'absolute URL keeps other parameters out',
      input: 'https://shop.example.com/?ref=x&tclid=clk_1&utm_term=shirts#reviews',
      expected: { clickId: 'clk_1', utm: { term: 'shirts' } },
    },
    { name: 'bare query', input: '?tclid=clk_2', expected: { clickId: 'clk_2', utm: {} } },
    { name: 'no query at all', input: '/collections/all', expected: { utm: {} } },
    { name: 'null landing site (direct visit)', input: null, expected: { utm: {} } },
    { name: 'undefined', input: undefined, expected: { utm: {} } },
    { name: 'empty string', input: '', expected: { utm: {} } },
    {
      name: 'parameter names in any case, values trimmed, empty values skipped',
      input: '/?UTM_Source=%20influencer%20&TCLID=&tclid=clk_3',
      expected: { clickId: 'clk_3', utm: { source: 'influencer' } },
    },
    {
      name: 'first value wins on repeats',
      input: '/?tclid=clk_first&tclid=clk_second',
      expected: { clickId: 'clk_first', utm: {} },
    },
    {
      name: 'query inside a single-page-app fragment fills what the query lacks',
      input: 'https://shop.example.com/?utm_source=influencer#/product?utm_source=other&tclid=clk_4',
      expected: { clickId: 'clk_4', utm: { source: 'influencer' } },
    },
    {
      name: 'malformed percent-encoding is tolerated',
      input: '/p?utm_campaign=50%off&tclid=clk_5%',
      expected: { clickId: 'clk_5%', utm: { campaign: '50%off' } },
    },
    {
      name: 'not a URL at all',
      input: 'http://[::1/%%%?tclid=clk_6',
      expected: { clickId: 'clk_6', utm: {} },
    },
    {
      name: 'an absurdly long click id is ignored',
      input: `/?tclid=${'x'.repeat(129)}&utm_medium=micro`,
      expected: { utm: { medium: 'micro' } },
    },
    {
      name: 'plus signs decode as spaces like any form query',
      input: '/?utm_campaign=spring+drop',
      expected: { utm: { campaign: 'spring drop' } },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(parseLandingUrl(c.input)).toEqual(c.expected);
    });
  }

  it('reads another click id parameter when asked', () => {
    expect(parseLandingUrl('/?ref_id=r1&tclid=clk_1', 'ref_id').clickId).toBe('r1');
  });
});
