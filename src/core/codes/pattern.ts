// Discount codes from a program's pattern (T2): `{HANDLE}{PERCENT}` → JANE15. Codes are A–Z and 0–9 only,
// so a customer can type them on any store, and compare case-insensitively.

/** The shortest code we issue: anything shorter is easy to guess. */
export const minCodeLength = 4;
/** The longest code we issue (Shopify allows 255, but people type these from a video caption). */
export const maxCodeLength = 20;
/** How many alternatives are tried before giving up on a base code. */
export const maxAlternatives = 60;

/**
 * The tokens a pattern may use, each with what it becomes. Token names are case-insensitive.
 * Text tokens (`HANDLE`, `NAME`) are shortened when the whole code would be too long.
 */
export const codeTokens = {
  HANDLE: "the ambassador's primary social handle, letters and digits (@jane.doe → JANEDOE)",
  NAME: "the ambassador's first name (Zoë Smith → ZOE)",
  PERCENT: "the program's discount percent (15)",
  YEAR: 'the current year, two digits (2026 → 26)',
  RANDOM4: 'four random letters and digits (no 0/O or 1/I)',
  RANDOM6: 'six random letters and digits (no 0/O or 1/I)',
} as const;

export type CodeToken = keyof typeof codeTokens;

/** Letters and digits a random part uses: no 0/O or 1/I, which people misread. */
export const randomAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface CodePatternValues {
  handle: string;
  firstName: string;
  percent: string;
  /** Four-digit year. */
  year: number;
  /** `length` characters from `randomAlphabet`; the caller decides where randomness comes from. */
  random: (length: number) => string;
}

export type CodePart = { kind: 'literal'; text: string } | { kind: 'token'; token: CodeToken };

export type ParsedPattern = { ok: true; parts: CodePart[] } | { ok: false; message: string };

export type ExpandedCode = { ok: true; code: string } | { ok: false; message: string };

const personalTokens: readonly CodeToken[] = ['HANDLE', 'NAME', 'RANDOM4', 'RANDOM6'];
const tokenList = Object.keys(codeTokens)
  .map((t) => `{${t}}`)
  .join(', ');

const specialLetters: Record<string, string> = {
  ß: 'SS',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Þ: 'TH',
  þ: 'TH',
  ı: 'I',
};

/**
 * Upper-cases and keeps only A–Z and 0–9, folding accents first.
 * @example normalizeCodeText('Zoë-15') // 'ZOE15'
 */
export function normalizeCodeText(text: string): string {
  return text
    .replace(/[ßẞÆæŒœØøŁłĐđÞþı]/g, (ch) => specialLetters[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/**
 * Splits a pattern into literal text and tokens, refusing unknown tokens, stray braces and patterns
 * that would give every ambassador the same code.
 * @example parseCodePattern('{HANDLE}{PERCENT}') // {ok: true, parts: [...]}
 */
export function parseCodePattern(pattern: string): ParsedPattern {
  const parts: CodePart[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (const match of pattern.matchAll(re)) {
    const before = pattern.slice(last, match.index);
    if (/[{}]/.test(before))
      return { ok: false, message: `The pattern has an unmatched brace: "${pattern}".` };
    if (before) parts.push({ kind: 'literal', text: before });
    const name = (match[1] ?? '').trim().toUpperCase();
    if (!(name in codeTokens)) {
      return { ok: false, message: `Unknown token {${match[1]}} in the code pattern; use ${tokenList}.` };
    }
    parts.push({ kind: 'token', token: name as CodeToken });
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = pattern.slice(last);
  if (/[{}]/.test(rest)) return { ok: false, message: `The pattern has an unmatched brace: "${pattern}".` };
  if (rest) parts.push({ kind: 'literal', text: rest });
  if (!parts.some((p) => p.kind === 'token' && personalTokens.includes(p.token))) {
    return {
      ok: false,
      message:
        'The code pattern needs {HANDLE}, {NAME}, {RANDOM4} or {RANDOM6}, or every ambassador gets the same code.',
    };
  }
  return { ok: true, parts };
}

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * Expands a pattern for one ambassador. The base code leaves room for a one- or two-character
 * alternative suffix; HANDLE and NAME are shortened (from the end) to fit.
 * @example expandCodePattern('{HANDLE}{PERCENT}', {handle: '@jane', firstName: 'Jane', percent: '15', year: 2026, random})
 *   // {ok: true, code: 'JANE15'}
 */
export function expandCodePattern(pattern: string, values: CodePatternValues): ExpandedCode {
  const parsed = parseCodePattern(pattern);
  if (!parsed.ok) return parsed;
  const fixed = parsed.parts.map((part): string | null => {
    if (part.kind === 'literal') return normalizeCodeText(part.text);
    switch (part.token) {
      case 'PERCENT':
        return normalizeCodeText(values.percent);
      case 'YEAR':
        return String(values.year % 100).padStart(2, '0');
      case 'RANDOM4':
        return values.random(4);
      case 'RANDOM6':
        return values.random(6);
      default:
        return null;
    }
  });
  const texts = parsed.parts.map((part) => {
    if (part.kind !== 'token') return '';
    if (part.token === 'HANDLE') return normalizeCodeText(values.handle);
    if (part.token === 'NAME') return normalizeCodeText(firstWord(values.firstName));
    return '';
  });
  const budget = maxCodeLength - 2;
  const fixedLength = fixed.reduce((n, s) => n + (s?.length ?? 0), 0);
  const room = budget - fixedLength;
  if (room < 0) {
    return {
      ok: false,
      message: `The pattern's fixed text is too long: a code has at most ${budget} characters.`,
    };
  }
  const textIndexes = texts.map((_, i) => (fixed[i] === null ? i : -1)).filter((i) => i >= 0);
  // Share the room among the text tokens, shortening the longest first so each keeps what it can.
  const lengths = new Map(textIndexes.map((i) => [i, texts[i]?.length ?? 0]));
  let total = [...lengths.values()].reduce((a, b) => a + b, 0);
  while (total > room) {
    let longest = textIndexes[0] ?? 0;
    for (const i of textIndexes) if ((lengths.get(i) ?? 0) > (lengths.get(longest) ?? 0)) longest = i;
    lengths.set(longest, (lengths.get(longest) ?? 0) - 1);
    total--;
  }
  const code = parsed.parts
    .map((_, i) => fixed[i] ?? (texts[i] ?? '').slice(0, lengths.get(i) ?? 0))
    .join('');
  const emptyText = textIndexes.find((i) => (texts[i] ?? '') === '');
  if (emptyText !== undefined) {
    const part = parsed.parts[emptyText] as { token: CodeToken };
    const what = part.token === 'HANDLE' ? 'handle' : 'first name';
    return {
      ok: false,
      message: `The ambassador has no ${what} with letters A–Z or digits for {${part.token}}; give them a code by hand.`,
    };
  }
  if (code.length < minCodeLength) {
    return { ok: false, message: `"${code}" is too short: a code has at least ${minCodeLength} characters.` };
  }
  return { ok: true, code };
}

/**
 * Checks a code typed by hand: returns the normalised code or why it cannot be used.
 * @example checkCode(' jane-15 ') // {ok: true, code: 'JANE15'}
 */
export function checkCode(text: string): ExpandedCode {
  const code = normalizeCodeText(text);
  if (code.length < minCodeLength)
    return { ok: false, message: `A code needs at least ${minCodeLength} letters or digits.` };
  if (code.length > maxCodeLength)
    return { ok: false, message: `A code has at most ${maxCodeLength} letters or digits.` };
  return { ok: true, code };
}

const digits = '23456789';
/** The letters of `randomAlphabet` (no O or I). */
export const codeLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The codes to try, in order, when `base` is taken: the base itself, then one character, then two.
 * A base ending in a digit gets letters first (JANE15 → JANE15A, so it does not read as 152 %); one
 * ending in a letter gets digits first (JANE → JANE2). Deterministic, at most `maxAlternatives` long,
 * and never longer than `maxCodeLength`.
 * @example codeAlternatives('JANE15').slice(0, 3) // ['JANE15', 'JANE15A', 'JANE15B']
 */
export function codeAlternatives(base: string, count = maxAlternatives): string[] {
  const endsInDigit = /[0-9]$/.test(base);
  const first = endsInDigit ? codeLetters : digits;
  const second = endsInDigit ? digits : codeLetters;
  const singles = [...first, ...second];
  const out = [base];
  const stem1 = base.slice(0, maxCodeLength - 1);
  for (const s of singles) out.push(stem1 + s);
  const stem2 = base.slice(0, maxCodeLength - 2);
  for (const a of first) for (const b of digits) out.push(stem2 + a + b);
  return [...new Set(out)].slice(0, count);
}
