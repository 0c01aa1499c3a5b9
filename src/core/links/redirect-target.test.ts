import { describe, expect, it } from 'vitest';
import {
  redirectLocation,
  redirectTarget,
  renderUtm,
  type UtmTemplate,
  unknownPlaceholders,
} from './redirect-target';

const template: UtmTemplate = { source: 'troupe', medium: 'ambassador', campaign: '{program}', content: '' };
const values = { program: 'glow-club', handle: 'jane.doe', campaign: '' };

describe('renderUtm', () => {
  const cases: Array<{ name: string; template: UtmTemplate; values: typeof values; expected: object }> = [
    {
      name: 'defaults: campaign is the program, content the handle',
      template,
      values,
      expected: {
        utm_source: 'troupe',
        utm_medium: 'ambassador',
        utm_campaign: 'glow-club',
        utm_content: 'jane.doe',
      },
    },
    {
      name: 'a link’s campaign label wins over the template',
      template,
      values: { ...values, campaign: 'spring-drop' },
      expected: { utm_campaign: 'spring-drop' },
    },
    {
      name: 'placeholders anywhere in a value',
      template: {
        source: 'ig-{handle}',
        medium: 'creator',
        campaign: '{program}-{campaign}',
        content: 'by-{handle}',
      },
      values: { ...values, campaign: '' },
      expected: { utm_source: 'ig-jane.doe', utm_campaign: 'glow-club-', utm_content: 'by-jane.doe' },
    },
    {
      name: 'empty values are left out',
      template: { source: '', medium: ' ', campaign: '{campaign}', content: '' },
      values: { ...values, handle: '' },
      expected: {},
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = renderUtm(c.template, c.values);
      if (Object.keys(c.expected).length === 0) expect(result).toEqual({});
      else expect(result).toMatchObject(c.expected);
    });
  }
});

describe('redirectTarget + redirectLocation', () => {
  const utm = { utm_source: 'troupe', utm_campaign: 'glow club' };
  const cases: Array<[string, string, string]> = [
    [
      'no query',
      'https://shop.example.com/p',
      'https://shop.example.com/p?utm_source=troupe&utm_campaign=glow%20club&tclid=clk_1',
    ],
    [
      'root with a trailing slash',
      'https://example.com/',
      'https://example.com/?utm_source=troupe&utm_campaign=glow%20club&tclid=clk_1',
    ],
    [
      'existing query kept byte for byte',
      'https://example.com/p?q=a+b&x=%2F&flag',
      'https://example.com/p?q=a+b&x=%2F&flag&utm_source=troupe&utm_campaign=glow%20club&tclid=clk_1',
    ],
    [
      'the destination’s own utm_* wins (any case)',
      'https://example.com/p?UTM_SOURCE=newsletter',
      'https://example.com/p?UTM_SOURCE=newsletter&utm_campaign=glow%20club&tclid=clk_1',
    ],
    [
      'fragment stays last',
      'https://example.com/p?a=1#reviews',
      'https://example.com/p?a=1&utm_source=troupe&utm_campaign=glow%20club&tclid=clk_1#reviews',
    ],
    [
      'empty query mark',
      'https://example.com/p?',
      'https://example.com/p?utm_source=troupe&utm_campaign=glow%20club&tclid=clk_1',
    ],
  ];
  for (const [name, destination, expected] of cases) {
    it(name, () => {
      expect(redirectLocation(redirectTarget(destination, utm), 'clk_1')).toBe(expected);
    });
  }

  it('with no UTM parameters only the click id is added', () => {
    expect(redirectLocation(redirectTarget('https://example.com/a', {}), 'clk_2')).toBe(
      'https://example.com/a?tclid=clk_2',
    );
  });
});

describe('unknownPlaceholders', () => {
  it('names placeholders other than program, handle and campaign', () => {
    expect(unknownPlaceholders('{program}-{handle}-{campaign}')).toEqual([]);
    expect(unknownPlaceholders('{Program}-{name}-{}')).toEqual(['Program', 'name', '']);
  });
});
