import { describe, expect, it } from 'vitest';
import {
  closingTagBlock,
  countCharacters,
  findSpans,
  foldText,
  lineAt,
  linkPattern,
  termPattern,
} from './text-match';

function firstMatch(pattern: RegExp, text: string): string | null {
  const span = findSpans(foldText(text), pattern)[0];
  return span ? text.slice(span.start, span.end) : null;
}

describe('termPattern', () => {
  const cases: Array<{ term: string; text: string; match: string | null }> = [
    { term: '#ad', text: 'so good #AD', match: '#AD' },
    { term: '#ad', text: 'so good #adventure', match: null },
    { term: '#ad', text: 'so good #ad.', match: '#ad' },
    { term: '#ad', text: 'so good#ad', match: null },
    { term: '#ad', text: 'so good ##ad', match: null },
    { term: '@brand', text: 'hi @Brand!', match: '@Brand' },
    { term: '@brand', text: 'hi @brandfan', match: null },
    { term: '@brand', text: 'hi @brand_fan', match: null },
    { term: '@brand', text: 'write to me@brand.com', match: null },
    { term: 'ass', text: 'a masterclass', match: null },
    { term: 'ass', text: 'kick ASS.', match: 'ASS' },
    { term: 'cheap', text: '#cheap finds', match: 'cheap' },
    { term: 'Müller', text: 'by MULLER', match: 'MULLER' },
    { term: 'Muller', text: 'by Mu\u0308ller', match: 'Mu\u0308ller' },
    { term: 'Ångström', text: 'the angstroms', match: null },
    { term: 'paid partnership', text: 'Paid\u00a0Partnership with', match: 'Paid\u00a0Partnership' },
    { term: 'Results may vary.', text: 'results may vary', match: 'results may vary' },
    { term: 'кот', text: 'мой котик', match: null },
    { term: 'кот', text: 'мой КОТ спит', match: 'КОТ' },
    { term: 'ﬁt', text: 'so fit', match: 'fit' },
  ];
  for (const c of cases) {
    it(`${c.term} in "${c.text}" → ${c.match ?? 'no match'}`, () => {
      expect(firstMatch(termPattern(c.term), c.text)).toBe(c.match);
    });
  }
});

describe('linkPattern', () => {
  const cases: Array<{ link: string; text: string; match: string | null }> = [
    { link: 'https://glow.com/jane/', text: 'at glow.com/jane', match: 'glow.com/jane' },
    { link: 'glow.com/jane', text: 'at HTTPS://Glow.com/Jane/', match: 'HTTPS://Glow.com/Jane/' },
    { link: 'www.glow.com/jane', text: 'at glow.com/jane!', match: 'glow.com/jane' },
    { link: 'glow.com/jane', text: 'at glow.com/jane.html', match: null },
    { link: 'glow.com/jane', text: 'at glow.com/jane-doe', match: null },
    { link: 'glow.com/jane', text: 'at shop.glow.com/jane', match: null },
    { link: 'glow.com/jane', text: '(glow.com/jane)', match: 'glow.com/jane' },
  ];
  for (const c of cases) {
    it(`${c.link} in "${c.text}" → ${c.match ?? 'no match'}`, () => {
      expect(firstMatch(linkPattern(c.link), c.text)).toBe(c.match);
    });
  }
});

describe('closingTagBlock', () => {
  it('collects the hashtags and handles that close the caption, across emoji and separators', () => {
    const caption = 'Love the #serum so much. #a • #b @glow ✨ #c\n#ad';
    expect(closingTagBlock(caption).map((token) => caption.slice(token.start, token.end))).toEqual([
      '#a',
      '#b',
      '@glow',
      '#c',
      '#ad',
    ]);
  });

  it('is empty when words follow the last hashtag', () => {
    expect(closingTagBlock('#a #b and that is it')).toEqual([]);
  });
});

describe('countCharacters and lineAt', () => {
  it('counts emoji sequences as one character and lines by explicit breaks', () => {
    expect(countCharacters('👨‍👩‍👧☀️e\u0301')).toBe(3);
    expect(lineAt('one\r\ntwo\nthree', 10)).toBe(3);
  });
});
