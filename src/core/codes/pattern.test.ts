import { describe, expect, it } from 'vitest';
import {
  type CodePatternValues,
  checkCode,
  codeAlternatives,
  expandCodePattern,
  maxAlternatives,
  maxCodeLength,
  normalizeCodeText,
  parseCodePattern,
} from './pattern';

const jane: CodePatternValues = {
  handle: '@jane',
  firstName: 'Jane Doe',
  percent: '15',
  year: 2026,
  random: (n) => 'K7M9QX'.slice(0, n),
};

describe('normalizeCodeText', () => {
  it.each([
    ['Zoë', 'ZOE'],
    ['José-María', 'JOSEMARIA'],
    ['straße', 'STRASSE'],
    ['Søren', 'SOREN'],
    ['Łukasz', 'LUKASZ'],
    ['@jane.doe_99', 'JANEDOE99'],
    ['ﬁne', 'FINE'],
    ['🌸 bloom 🌸', 'BLOOM'],
    ['名前', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeCodeText(input)).toBe(expected);
  });
});

describe('parseCodePattern', () => {
  it.each([
    ['{HANDLE}{PERCENT}', true],
    ['{handle}{percent}', true],
    ['SUMMER-{NAME}', true],
    ['{ HANDLE }', true],
    ['GLOW{RANDOM4}', true],
    ['{PERCENT}OFF', false],
    ['SPRING', false],
  ])('%s → ok %s', (pattern, ok) => {
    expect(parseCodePattern(pattern).ok).toBe(ok);
  });

  it('names an unknown token and lists the known ones', () => {
    const result = parseCodePattern('{HANDEL}{PERCENT}');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('Unknown token {HANDEL} in the code pattern; use {HANDLE}, {NAME}'),
    });
  });

  it.each(['{HANDLE', 'HANDLE}', '{HANDLE}{{PERCENT}}'])('refuses the stray brace in %s', (pattern) => {
    const result = parseCodePattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/unmatched brace|Unknown token/);
  });

  it('refuses a pattern that gives everyone the same code', () => {
    const result = parseCodePattern('{PERCENT}OFF');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('every ambassador gets the same code');
  });
});

describe('expandCodePattern', () => {
  it.each([
    { name: 'handle and percent', pattern: '{HANDLE}{PERCENT}', values: jane, code: 'JANE15' },
    {
      name: 'first name only',
      pattern: '{NAME}{PERCENT}',
      values: { ...jane, firstName: 'Zoë Smith' },
      code: 'ZOE15',
    },
    { name: 'literal text normalised', pattern: 'glow-{name}-{year}', values: jane, code: 'GLOWJANE26' },
    { name: 'random part from the caller', pattern: '{HANDLE}{RANDOM4}', values: jane, code: 'JANEK7M9' },
    {
      name: 'handle punctuation dropped',
      pattern: '{HANDLE}{PERCENT}',
      values: { ...jane, handle: 'jane.doe_' },
      code: 'JANEDOE15',
    },
    {
      name: 'a long handle is shortened to leave room for a suffix',
      pattern: '{HANDLE}{PERCENT}',
      values: { ...jane, handle: 'the_very_long_handle_of_someone' },
      code: 'THEVERYLONGHANDL15',
    },
    {
      name: 'two text tokens share the room, longest shortened first',
      pattern: '{NAME}{HANDLE}',
      values: { ...jane, firstName: 'Jane', handle: 'averyveryverylonghandle' },
      code: 'JANEAVERYVERYVERYL',
    },
  ])('$name', ({ pattern, values, code }) => {
    const result = expandCodePattern(pattern, values);
    expect(result).toEqual({ ok: true, code });
    if (result.ok) expect(result.code.length).toBeLessThanOrEqual(maxCodeLength - 2);
  });

  it.each([
    {
      pattern: '{HANDLE}{PERCENT}',
      values: { ...jane, handle: '🌸🌸' },
      message: 'has no handle with letters A–Z or digits',
    },
    { pattern: '{NAME}', values: { ...jane, firstName: '名前' }, message: 'has no first name' },
    { pattern: '{NAME}', values: { ...jane, firstName: 'Al' }, message: 'too short' },
    { pattern: '{HANDLE}{XYZ}', values: jane, message: 'Unknown token {XYZ}' },
    { pattern: 'AVERYLONGPREFIXOFTEXT{HANDLE}', values: jane, message: 'fixed text is too long' },
  ])('refuses $pattern for $values.handle / $values.firstName', ({ pattern, values, message }) => {
    const result = expandCodePattern(pattern, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('checkCode', () => {
  it.each([
    [' jane-15 ', { ok: true, code: 'JANE15' }],
    ['ab1', { ok: false, message: 'A code needs at least 4 letters or digits.' }],
    ['A'.repeat(21), { ok: false, message: 'A code has at most 20 letters or digits.' }],
    ['A'.repeat(20), { ok: true, code: 'A'.repeat(20) }],
  ])('%s', (input, expected) => {
    expect(checkCode(input)).toEqual(expected);
  });
});

describe('codeAlternatives', () => {
  it('starts with the base, then letters after a digit', () => {
    expect(codeAlternatives('JANE15').slice(0, 4)).toEqual(['JANE15', 'JANE15A', 'JANE15B', 'JANE15C']);
  });

  it('uses digits first after a letter', () => {
    expect(codeAlternatives('JANE').slice(0, 3)).toEqual(['JANE', 'JANE2', 'JANE3']);
  });

  it('is deterministic, unique, bounded and never too long', () => {
    const base = 'X'.repeat(maxCodeLength);
    const list = codeAlternatives(base);
    expect(list).toEqual(codeAlternatives(base));
    expect(new Set(list).size).toBe(list.length);
    expect(list.length).toBe(maxAlternatives);
    for (const code of list) expect(code.length).toBeLessThanOrEqual(maxCodeLength);
  });

  it('moves on to two characters after the single ones', () => {
    const list = codeAlternatives('JANE15', 100);
    expect(list[1 + 24 + 8]).toBe('JANE15A2');
  });
});
