import { describe, expect, it } from 'vitest';
import { checkDestination, isHostAllowed, normalizeAllowedDomain } from './destination';

const allowed = ['example.com', 'xn--bcher-kva.de', 'localhost'];

describe('checkDestination', () => {
  const refused: Array<[string, string, RegExp]> = [
    ['javascript: URL', 'javascript:alert(1)', /https or http/],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(document.cookie)', /https or http/],
    ['data: URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /https or http/],
    ['ftp', 'ftp://example.com/file', /https or http/],
    ['protocol-relative (open redirect)', '//evil.com/', /full URL/],
    ['relative path', '/l/other', /full URL/],
    ['another domain', 'https://evil.com/?next=https://example.com', /not one of the program/],
    ['allowed domain as a suffix of another', 'https://notexample.com/', /not one of the program/],
    ['allowed domain as a subdomain of evil', 'https://example.com.evil.com/', /not one of the program/],
    ['credentials (user@host trick)', 'https://example.com@evil.com/', /user name or password/],
    ['userinfo on an allowed host', 'https://user:pass@shop.example.com/', /user name or password/],
    ['backslash trick', 'https://evil.com\\@example.com/', /not one of the program/],
    ['tab inside', 'https://exa\tmple.com/', /spaces or control/],
    ['newline inside', 'https://example.com/\nLocation: https://evil.com', /spaces or control/],
    ['carries its own click id', 'https://example.com/?tclid=clk_x', /tclid/],
    ['empty', '   ', /required/],
    ['http without slashes', 'http:evil.com', /full URL/],
    ['too long', `https://example.com/${'a'.repeat(2100)}`, /longer than/],
  ];
  for (const [name, input, message] of refused) {
    it(`refuses ${name}`, () => {
      const result = checkDestination(input, allowed);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    });
  }

  const accepted: Array<[string, string, string]> = [
    ['the domain itself', 'https://example.com', 'https://example.com/'],
    [
      'a subdomain, with query and fragment',
      'https://shop.example.com/p/1?a=b#top',
      'https://shop.example.com/p/1?a=b#top',
    ],
    ['upper-case host', 'HTTPS://Shop.EXAMPLE.com/Tee', 'https://shop.example.com/Tee'],
    ['an IDN host, as punycode', 'https://bücher.de/buch', 'https://xn--bcher-kva.de/buch'],
    ['a trailing-dot host', 'https://example.com./x', 'https://example.com./x'],
    ['http and a port', 'http://localhost:3000/shop', 'http://localhost:3000/shop'],
    ['surrounding spaces trimmed', '  https://example.com/a  ', 'https://example.com/a'],
  ];
  for (const [name, input, url] of accepted) {
    it(`accepts ${name}`, () => {
      expect(checkDestination(input, allowed)).toMatchObject({ ok: true, url });
    });
  }

  it('names a refused host in lower case, not at the start of the message (the UI capitalises that)', () => {
    const result = checkDestination('https://Evil.Elsewhere.com/', allowed);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^goes to evil\.elsewhere\.com, which/),
    });
  });

  it('refuses everything while the program has no allowed domains', () => {
    const result = checkDestination('https://example.com/', []);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/no allowed domains/) });
  });
});

describe('normalizeAllowedDomain', () => {
  const cases: Array<[string, string | null]> = [
    ['Shop.Example.COM', 'shop.example.com'],
    ['*.example.com', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['example.com.', 'example.com'],
    ['localhost', 'localhost'],
    ['https://example.com', null],
    ['example.com/path', null],
    ['example.com:8080', null],
    ['user@example.com', null],
    ['exa mple.com', null],
    ['-bad-.com', null],
    ['com', null],
    ['127.0.0.1', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected ?? 'refused'}`, () => {
      const result = normalizeAllowedDomain(input);
      if (expected === null) expect(result.ok).toBe(false);
      else expect(result).toEqual({ ok: true, domain: expected });
    });
  }
});

describe('isHostAllowed', () => {
  it('matches the domain and its subdomains only', () => {
    expect(isHostAllowed('example.com', ['example.com'])).toBe(true);
    expect(isHostAllowed('a.b.example.com', ['example.com'])).toBe(true);
    expect(isHostAllowed('badexample.com', ['example.com'])).toBe(false);
    expect(isHostAllowed('example.co', ['example.com'])).toBe(false);
  });
});
