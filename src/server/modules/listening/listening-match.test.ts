import { describe, expect, it } from 'vitest';
import {
  captionSimilarity,
  columnFor,
  isSameCaption,
  normalizeHandle,
  normalizePostUrl,
  platformOf,
} from './listening-match';

describe('columnFor', () => {
  const cases: Array<[string, string | null]> = [
    ['handle', 'handle'],
    ['Author', 'handle'],
    ['Username', 'handle'],
    ['URL', 'url'],
    ['Link', 'url'],
    ['Post URL', 'url'],
    ['Text', 'caption'],
    ['Content', 'caption'],
    ['Date', 'posted_at'],
    ['posted_at', 'posted_at'],
    ['Sentiment', null],
  ];
  for (const [header, expected] of cases)
    it(`${header} → ${expected}`, () => expect(columnFor(header)).toBe(expected));
});

describe('normalizePostUrl', () => {
  const cases: Array<[string, string | null]> = [
    ['https://www.instagram.com/p/Cx1AbC/', 'https://instagram.com/p/Cx1AbC'],
    ['HTTPS://WWW.INSTAGRAM.COM/p/Cx1AbC', 'https://instagram.com/p/Cx1AbC'],
    [
      'https://instagram.com/p/Cx1AbC/?utm_source=ig_web_copy_link&igshid=MzRl',
      'https://instagram.com/p/Cx1AbC',
    ],
    ['http://instagram.com/p/Cx1AbC#comments', 'https://instagram.com/p/Cx1AbC'],
    ['https://m.youtube.com/watch?v=abc123&feature=share&si=xyz', 'https://youtube.com/watch?v=abc123'],
    [
      'https://www.tiktok.com/@jane/video/7312?is_from_webapp=1&sender_device=pc',
      'https://tiktok.com/@jane/video/7312',
    ],
    ['https://example.com/post?b=2&a=1', 'https://example.com/post?a=1&b=2'],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ];
  for (const [url, expected] of cases) it(url, () => expect(normalizePostUrl(url)).toBe(expected));

  it('keeps the case of the path (post ids are case-sensitive)', () => {
    expect(normalizePostUrl('https://instagram.com/p/AbC')).not.toBe(
      normalizePostUrl('https://instagram.com/p/abc'),
    );
  });
});

describe('normalizeHandle and platformOf', () => {
  it('drops the @ and the case', () => expect(normalizeHandle(' @Jane.Doe ')).toBe('jane.doe'));
  it('reads platform names and hosts', () => {
    expect(platformOf('Instagram', '')).toBe('instagram');
    expect(platformOf('', 'https://www.tiktok.com/@jane/video/1')).toBe('tiktok');
    expect(platformOf('', 'https://youtu.be/abc')).toBe('youtube');
    expect(platformOf('Twitter', 'https://x.com/jane/status/1')).toBe('other');
  });
});

describe('caption matching', () => {
  const draft = 'Morning routine with the Glow Serum ✨ my skin has never felt this soft #ad @glowco';
  const cases: Array<{ name: string; listened: string; same: boolean }> = [
    { name: 'the same caption', listened: draft, same: true },
    {
      name: 'case, accents and punctuation aside',
      listened: 'MORNING routine with the glow serum!! My skin has never felt this soft. #AD @GlowCo',
      same: true,
    },
    {
      name: 'a word or two edited after approval',
      listened:
        'Morning routine with the Glow Serum ✨ honestly my skin has never felt this soft #ad @glowco',
      same: true,
    },
    { name: 'a different post', listened: 'Unboxing my new sneakers, link in bio #ad', same: false },
    { name: 'too short to tell', listened: 'Glow Serum #ad', same: false },
  ];
  for (const c of cases) it(c.name, () => expect(isSameCaption(c.listened, draft)).toBe(c.same));

  it('scores equal normalised text 1', () =>
    expect(captionSimilarity('Héllo World', 'hello, world')).toBe(1));
});
