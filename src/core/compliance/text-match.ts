// Finding brief terms in a caption the way a reader would: ignoring case and accents, whole words only,
// hashtags and handles as whole tokens, with spans that point back into the caption as written.

/** A range of the caption as written, in UTF-16 offsets (`caption.slice(start, end)`), end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A caption folded for matching, with each folded unit's range in the original text. */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

// Typographic punctuation creators' keyboards insert, so "L’Oréal" matches "L'Oreal".
const punctuationFolds: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
  '\u2014': '-',
};

const combiningMarks = /\p{M}/gu;

function foldCodePoint(codePoint: string): string {
  const mapped = punctuationFolds[codePoint] ?? codePoint;
  // Lower-casing can produce combining marks (İ → i̇), so decompose and strip once more afterwards.
  return mapped
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(combiningMarks, '');
}

/** Lower case, compatibility-decomposed (NFKD), without combining marks. */
export function foldTerm(value: string): string {
  let folded = '';
  for (const codePoint of value) folded += foldCodePoint(codePoint);
  return folded;
}

/** Folds a caption and remembers where each folded unit came from; stripped marks join the letter before. */
export function foldText(original: string): FoldedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  let lastEmitted = 0;
  for (const codePoint of original) {
    const end = offset + codePoint.length;
    const folded = foldCodePoint(codePoint);
    if (folded.length === 0) {
      for (let k = lastEmitted; k < ends.length; k++) ends[k] = end;
    } else {
      lastEmitted = starts.length;
      parts.push(folded);
      for (let k = 0; k < folded.length; k++) {
        starts.push(offset);
        ends.push(end);
      }
    }
    offset = end;
  }
  return { text: parts.join(''), starts, ends };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const wordChar = '[\\p{L}\\p{N}_]';
const edgePunctuation = /^[^\p{L}\p{N}#@＃＠]+|[^\p{L}\p{N}]+$/gu;

/** How a brief term is matched: `#tag` and `@handle` as whole tokens, anything else as whole words. */
export function termKind(term: string): 'hashtag' | 'handle' | 'phrase' {
  const folded = foldTerm(term.trim());
  if (folded.startsWith('#')) return 'hashtag';
  if (folded.startsWith('@')) return 'handle';
  return 'phrase';
}

/**
 * A pattern for one brief term over folded text. Word boundaries use Unicode letter and number classes, so
 * "ass" does not match "class", `#ad` does not match `#adventure` (but matches `#ad.`), and `@brand` does not
 * match `@brandfan` or `@brand.shop` (but matches `@brand.` at the end of a sentence).
 */
export function termPattern(term: string): RegExp {
  const folded = foldTerm(term.trim()).replace(edgePunctuation, '');
  const kind = termKind(term);
  const body = folded.split(/\s+/u).map(escapeRegExp).join('\\s+');
  const before = `(?<![\\p{L}\\p{N}_${kind === 'phrase' ? '' : '#@'}])`;
  const endsInWord = new RegExp(`${wordChar}$`, 'u').test(folded);
  let after = '';
  if (endsInWord) after = kind === 'handle' ? `(?!${wordChar}|\\.${wordChar})` : `(?!${wordChar})`;
  return new RegExp(`${before}${body}${after}`, 'gu');
}

/**
 * A pattern for a tracking link: the scheme, `www.` and a trailing slash are optional on either side, so
 * `https://brand.com/jane/` in the brief matches `brand.com/jane` in the caption. A longer path does not match.
 */
export function linkPattern(link: string): RegExp {
  const core = foldTerm(link.trim())
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  return new RegExp(
    `(?<![\\p{L}\\p{N}_.\\-/@])(?:https?:\\/\\/)?(?:www\\.)?${escapeRegExp(core)}\\/?(?![\\p{L}\\p{N}_\\-/%]|[.:]${wordChar})`,
    'gu',
  );
}

/** Every match of `pattern` in the folded caption, as spans of the caption as written. */
export function findSpans(folded: FoldedText, pattern: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of folded.text.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    const first = match.index;
    const last = first + match[0].length - 1;
    spans.push({ start: folded.starts[first]!, end: folded.ends[last]! });
  }
  return spans;
}

/** A hashtag or handle in the caption as written. */
export interface CaptionToken extends TextSpan {
  isHashtag: boolean;
}

const tokenPattern = /[#@＃＠][\p{L}\p{M}\p{N}_]+(?:\.[\p{L}\p{M}\p{N}_]+)*/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * The hashtags and handles that close the caption with nothing but spaces, punctuation or emoji between
 * them (the "hashtag wall" readers skip).
 */
export function closingTagBlock(caption: string): CaptionToken[] {
  const tokens = [...caption.matchAll(tokenPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    isHashtag: match[0].startsWith('#') || match[0].startsWith('＃'),
  }));
  const block: CaptionToken[] = [];
  let gapEnd = caption.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (letterOrDigit.test(caption.slice(token.end, gapEnd))) break;
    block.unshift(token);
    gapEnd = token.start;
  }
  return block;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a reader counts them: an emoji, even one built of several code points, is one. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** The 1-based line an offset falls on, counting explicit line breaks only. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n|\u2028|\u2029/u).length;
}
