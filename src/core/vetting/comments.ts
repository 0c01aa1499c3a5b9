// V2 comment quality: every comment sample judged zero-shot (no training data, no model) by rules a
// reviewer can read back. Seed 003: if half or more are obvious spam, skip the creator.
import { type CommentRef, type DetectorResult, evidenceLimit, type Flag } from './flags';
import type { CreatorInput } from './input';

export const commentSpamReasons = [
  'generic-praise',
  'emoji-only',
  'non-word',
  'promo',
  'link',
  'scam-bait',
  'bait-author',
  'duplicate',
  'zero-follower-author',
] as const;
export type CommentSpamReason = (typeof commentSpamReasons)[number];

/** Spam share at or above which the creator should be skipped (seed 003, PRODUCT V2). */
export const skipSpamShare = 0.5;
/** Assumption: a quarter of spam is already well above what genuine accounts attract; worth a look. */
export const warnSpamShare = 0.25;

// Words that carry praise but say nothing about the post. A comment made only of these (and the filler
// below) could be pasted under any post, which is what makes it generic.
const praiseWords = new Set(
  (
    'nice love loved lovely loving great good beautiful beauty gorgeous amazing awesome cool cute pretty ' +
    'stunning perfect perfection wow wonderful fantastic fabulous excellent superb incredible brilliant best ' +
    'fire lit goals dope sweet adorable queen king epic legend splendid omg yay yes bravo magnificent ' +
    'marvelous marvellous glorious fab wonderfull beautifull nicee lovee wooow woow damn'
  ).split(' '),
);
const fillerWords = new Set(
  (
    "so very really such this that these it is its it's what a an the pic pics picture pictures photo photos " +
    'shot shots post posts content feed page profile account video videos vid reel reels you your u ur ' +
    'look looks looking keep up work job always as usual just too much bro dear girl guys sis babe man mate ' +
    'well done thanks thank for sharing share stuff vibes vibe absolutely totally simply literally i im ' +
    "i'm am in with of all we are day have one ever and wow omg oh my god here there like wish was be " +
    'absolutely sooo soo nice one again today keep going lol haha hahaha'
  ).split(' '),
);

// Short tokens people really write that contain no vowel; everything else vowel-less is noise.
const vowelFreeWords = new Set(
  (
    'omg lol lmao hmm hm brb btw tbh ngl idk smh pls plz thx ty nyc spf diy bts ootd grwm rn fr irl dm dms tv ' +
    'mm mmm shh pfp ppl'
  ).split(' '),
);

const promoPattern = new RegExp(
  [
    'check (?:out )?my (?:page|profile|channel|account|feed|bio|videos?|content|latest|posts?|reels?)',
    'follow (?:me|back|for follow|4 ?follow)',
    '\\b(?:f4f|l4l|s4s|sub ?4 ?sub|follow4follow|like4like|followback)\\b',
    '\\b(?:dm|inbox|message) (?:me|us)\\b(?! (?:the|your|that|it|when|if|how|what|which)\\b)',
    'send (?:me |us )?(?:a )?dm\\b',
    'link (?:is )?in (?:my |the )?bio',
    // Spelled to slip past filters: "l1nk in b!o".
    'l[i1]nk (?:is )?in (?:my |the )?b[i1!][o0]',
    'visit my (?:page|profile|channel|account|site|shop|store)',
    '\\bsub(?:scribe)? to my',
    "\\bi(?:'ll)? sub ?back\\b",
    '\\b(?:promote|promoting) (?:it|your|this|you)',
    '\\b(?:get|gain|grow) (?:more |real |free )?(?:followers|likes|views)',
    'shout ?out for shout ?out',
  ].join('|'),
  '',
);

const linkPattern =
  /(?:https?:\/\/|\bwww\.|\bbit\.ly\b|\blinktr\.ee\b|\bt\.me\/|\bwa\.me\/|\b[a-z0-9-]{2,}\.(?:com|net|org|io|ly|me|co|xyz|shop|store|link|site|online|biz|info|app|click|top|live)(?:\/\S*)?(?=$|[\s,!?)]))/;

const scamPattern = new RegExp(
  [
    '\\b(?:crypto|bitcoin|btc|ethereum|usdt|forex|nft|binary options?)\\b',
    '\\b(?:investment|trading|forex) (?:platform|opportunit\\w*|plan|manager|expert|account|mentor|coach)',
    '\\b(?:passive income|financial freedom|cash ?app|sugar (?:daddy|mommy))\\b',
    '\\b(?:earn|earned|earning|make|made|making)\\s+(?:up to\\s+)?\\$\\s?\\d',
    '\\$\\s?\\d[\\d,]*k?\\s*(?:a|per|every|each)\\s*(?:day|week|month)',
    "\\b(?:you(?:'ve| have)? won|claim (?:your|ur) (?:prize|reward|gift))",
    '\\b(?:won|winner|selected|chosen)\\b.{0,30}\\bgiveaway|\\bgiveaway\\b.{0,30}\\b(?:won|winner|dm|claim|selected)',
    // Wide enough for a handle in between: "DM @brandscout.agency for a paid collab".
    '\\b(?:dm|message|contact|inbox)\\b.{0,40}\\b(?:collab\\w*|ambassador\\w*|promo\\w*|feature|partnership)',
    '\\b(?:collab\\w*|ambassador\\w*|promo\\w*|partnership)\\b.{0,40}\\b(?:dm|message us|contact us|inbox)\\b',
  ].join('|'),
  '',
);

const baitAuthorPattern =
  /(?:promo|collab|crypto|forex|bitcoin|giveaway|ambassador|trading|invest|followers)/i;

const consonantRunPattern = /[bcdfghjklmnpqrstvwxz]{5,}/;

// Words that can start a promo or scam phrase. The phrase patterns only run when one is present, which
// keeps a 4,500-comment report within the engine's CPU budget.
const phraseTriggers = new Set(
  (
    'check follow f4f l4l s4s sub sub4sub follow4follow like4like followback dm dms inbox message send link ' +
    'visit subscribe promote promoting get gain grow shout shoutout crypto bitcoin btc ethereum usdt forex ' +
    'nft binary investment trading passive financial cash cashapp sugar earn earned earning make made making ' +
    "won winner selected chosen giveaway claim contact you've l1nk"
  ).split(' '),
);
const triggerPrefixes = ['collab', 'ambassador', 'promo', 'partner'];

// For each pair of first two letters, a bit per length some trigger word has: most words are ruled out
// by a table read, without being cut out of the text. (Shrinking stretched letters keeps the first two.)
const triggerLengthsByFirstPair = new Uint32Array(128 * 128);
for (const word of phraseTriggers) {
  triggerLengthsByFirstPair[word.charCodeAt(0) * 128 + word.charCodeAt(1)]! |= 1 << word.length;
}
const prefixFirstPairs = new Uint8Array(128 * 128);
for (const prefix of triggerPrefixes) prefixFirstPairs[prefix.charCodeAt(0) * 128 + prefix.charCodeAt(1)] = 1;

/** Collapses letters stretched three or more times ("sooo" → "so"). */
function collapseStretches(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    if (i >= 2 && token[i] === token[i - 1] && token[i] === token[i - 2]) continue;
    out += token[i];
  }
  return out;
}

// Code-unit classes for the scanner below. Emoji live in surrogate pairs starting D83C–D83E and in the
// symbol blocks 2190–2BFF (❤ ✨ ⭐); general punctuation (2000–206F: dashes, curly quotes) separates words.
function isEmojiUnit(code: number): boolean {
  return (code >= 0xd83c && code <= 0xd83e) || (code >= 0x2190 && code <= 0x2bff);
}
const asciiIsWord = new Uint8Array(0x80).map((_, code) => (isWordUnit(code) ? 1 : 0));
function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
  }
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false; // CJK punctuation
  if (code >= 0xfe00 && code <= 0xfe0f) return false; // emoji variation selectors
  if (code >= 0xd800 && code <= 0xdfff) return !isEmojiUnit(code) && !(code >= 0xdc00 && code <= 0xdfff);
  return code >= 0xc0;
}

/** Whether the word from `start` to `end` (whose first two units some trigger words of `lengths` share) is one. */
function isPhraseTrigger(
  lower: string,
  start: number,
  end: number,
  lengths: number,
  isStretched: boolean,
): boolean {
  if (isStretched) return phraseTriggers.has(collapseStretches(lower.slice(start, end)));
  const length = end - start;
  return length < 32 && (lengths & (1 << length)) !== 0 && phraseTriggers.has(lower.slice(start, end));
}

/** Whether one of `triggerPrefixes` starts at `i`. */
function hasTriggerPrefixAt(lower: string, i: number): boolean {
  for (const prefix of triggerPrefixes) if (lower.startsWith(prefix, i)) return true;
  return false;
}

function isNonWord(token: string): boolean {
  if (/\d/.test(token)) return false;
  // The vowel and consonant rules below read Latin script only; "今夜" or "дякую" are words.
  if (/[\u0080-\uffff]/.test(token)) return false;
  if (token.length === 1) return token !== 'i' && token !== 'a';
  if (!/[aeiouy]/.test(token)) return !vowelFreeWords.has(token);
  return consonantRunPattern.test(token);
}

/** What a comment's text alone says; the same text is judged once per report. */
interface TextJudgement {
  reasons: CommentSpamReason[];
  wordCount: number;
}

/** Lower-cased with curly apostrophes made straight: the form every rule reads. */
function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower;
}

// Only the generic-praise and non-word rules look at single words, and only in comments of up to eight
// words: the scanner keeps where those words are and cuts them out only when there are that few.
const maxWordsKept = 8;
const keptStarts = new Int32Array(maxWordsKept);
const keptEnds = new Int32Array(maxWordsKept);
const keptStretched = new Uint8Array(maxWordsKept);

/**
 * Scans a comment's text for what the rules below need. One hand scan over the
 * lower-cased text (rather than Unicode-property regexes and a search per rule; several times faster on
 * thousands of comments) finds the words in any script, letters stretched three or more times, emoji,
 * the words that can start a promo or scam phrase, the characters a link needs, and a hash of the text.
 */
function scanText(lower: string): TextScan {
  let wordCount = 0;
  let hash = 0;
  let hasEmoji = false;
  let hasTrigger = false;
  let start = -1;
  let isStretched = false;
  let previous = -1;
  let beforePrevious = -1;
  // The first two units of the current word, as an index into `triggerLengthsByFirstPair` (0 when either
  // is not ASCII: no trigger starts that way).
  let pair = 0;
  const length = lower.length;
  let hasLinkMark = false;
  // One step past the end (read as a space) closes the last word.
  for (let i = 0; i <= length; i++) {
    const code = i < length ? lower.charCodeAt(i) : 0x20;
    hash = (Math.imul(hash, 31) + code) | 0;
    if (code < 0x80 ? asciiIsWord[code] === 1 : isWordUnit(code)) {
      if (start < 0) {
        start = i;
        isStretched = false;
        pair = code < 0x80 ? code * 128 : 0;
      } else {
        if (i === start + 1) {
          pair = code < 0x80 && pair !== 0 ? pair + code : 0;
        } else if (code === previous && code === beforePrevious) {
          isStretched = true;
        }
        // "collab", "ambassador", "promo" and "partner" count anywhere, even inside a word (#skinpromo).
        if (
          code < 0x80 &&
          previous < 0x80 &&
          prefixFirstPairs[previous * 128 + code] === 1 &&
          !hasTrigger &&
          hasTriggerPrefixAt(lower, i - 1)
        ) {
          hasTrigger = true;
        }
      }
      beforePrevious = previous;
      previous = code;
      continue;
    }
    beforePrevious = previous;
    previous = code;
    if (code === 0x2e || code === 0x2f) hasLinkMark = true;
    else if (code === 0x24)
      hasTrigger = true; // "$" anywhere
    else if (code >= 0x80 && isEmojiUnit(code)) hasEmoji = true;
    if (start >= 0) {
      if (wordCount < maxWordsKept) {
        keptStarts[wordCount] = start;
        keptEnds[wordCount] = i;
        keptStretched[wordCount] = isStretched ? 1 : 0;
      }
      if (!hasTrigger && i - start >= 2) {
        const lengths = triggerLengthsByFirstPair[pair]!;
        if (lengths !== 0) hasTrigger = isPhraseTrigger(lower, start, i, lengths, isStretched);
      }
      wordCount++;
      start = -1;
    }
  }
  return { wordCount, hasEmoji, hasTrigger, hasLinkMark, hash };
}

/** The reasons a scanned text reads as spam; call it before the next `scanText` (the words are shared). */
function judgeScanned(lower: string, scan: TextScan): CommentSpamReason[] {
  const { wordCount, hasEmoji, hasTrigger, hasLinkMark } = scan;
  const reasons: CommentSpamReason[] = [];
  if (wordCount === 0) {
    reasons.push(hasEmoji ? 'emoji-only' : 'non-word');
  } else {
    if (wordCount <= maxWordsKept) {
      const words: string[] = [];
      for (let w = 0; w < wordCount; w++) {
        const word = lower.slice(keptStarts[w], keptEnds[w]);
        words.push(keptStretched[w] === 1 ? collapseStretches(word) : word);
      }
      if (
        words.some((t) => praiseWords.has(t)) &&
        words.every((t) => praiseWords.has(t) || fillerWords.has(t))
      ) {
        reasons.push('generic-praise');
      } else if (wordCount <= 3 && words.every(isNonWord)) {
        reasons.push('non-word');
      }
    }
    if (hasTrigger) {
      if (promoPattern.test(lower)) reasons.push('promo');
      if (scamPattern.test(lower)) reasons.push('scam-bait');
    }
  }
  if (hasLinkMark && linkPattern.test(lower)) reasons.push('link');
  return reasons;
}

/** What one scan of a lower-cased comment found (its first words are kept in `keptStarts`…). */
interface TextScan {
  wordCount: number;
  hasEmoji: boolean;
  hasTrigger: boolean;
  hasLinkMark: boolean;
  /** Of the text and the space after it, as `hashText` computes it. */
  hash: number;
}

/** The hash `scanText` computes along the way, for a text it did not scan (a trimmed one). */
function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (Math.imul(hash, 31) + 0x20) | 0;
}

/** Judges a comment's text: everything but its author and the other posts. */
function judgeText(lower: string): TextJudgement {
  const scan = scanText(lower);
  return { reasons: judgeScanned(lower, scan), wordCount: scan.wordCount };
}

export interface CommentContext {
  authorFollowers?: number;
  author?: string;
}

function addAuthorReasons(textReasons: readonly CommentSpamReason[], context: CommentContext) {
  const reasons = textReasons.slice();
  if (context.author && baitAuthorPattern.test(context.author)) reasons.push('bait-author');
  if (context.authorFollowers === 0) reasons.push('zero-follower-author');
  // A bait handle on an otherwise specific comment is not enough on its own (a shop owner can be a fan).
  if (reasons.length === 1 && reasons[0] === 'bait-author') reasons.length = 0;
  return reasons;
}

/**
 * The reasons one comment reads as spam, empty when it reads as genuine. Duplicates need the other posts,
 * so `checkComments` adds those.
 * @example classifyComment('Nice pic!! 😍') // ['generic-praise']
 */
export function classifyComment(text: string, context: CommentContext = {}): CommentSpamReason[] {
  return addAuthorReasons(judgeText(normalizeText(text)).reasons, context);
}

export interface CommentItem {
  postId: string;
  index: number;
  author: string;
  isSpam: boolean;
  reasons: CommentSpamReason[];
}

export interface CommentFigures {
  /** Samples judged, without the creator's own replies. */
  sampled: number;
  spamCount: number;
  spamShare: number | null;
  byReason: Record<CommentSpamReason, number>;
  creatorReplies: number;
}

export interface CommentQualityResult extends DetectorResult<CommentFigures> {
  items: CommentItem[];
  spamShare: number | null;
}

function normalizeHandle(handle: string): string {
  const trimmed = handle.trim();
  return (trimmed.charCodeAt(0) === 0x40 ? trimmed.slice(1) : trimmed).toLowerCase();
}

/** The posts one duplicate key was seen on: a second distinct post makes every copy a duplicate. */
interface DuplicateGroup {
  firstPostId: string;
  isOnSeveralPosts: boolean;
}

/** A text one report has met: its lower-cased, trimmed form, and the next text with the same hash. */
interface SeenText {
  key: string;
  lower: string;
  reasons: CommentSpamReason[];
  group: DuplicateGroup | undefined;
  next: SeenText | undefined;
}

export function checkComments(input: CreatorInput): CommentQualityResult {
  const creator = normalizeHandle(input.handle);
  const isCreator = (author: string) =>
    author === input.handle ||
    (Math.abs(author.length - creator.length) <= 2 && normalizeHandle(author) === creator);
  const items: CommentItem[] = [];
  const texts: string[] = [];
  // Per item: its duplicate group, null for a creator reply, undefined when too short to be a duplicate.
  const itemGroups: (DuplicateGroup | null | undefined)[] = [];
  // Bots paste the same texts again and again: each distinct text is judged once per report. Bots paste
  // verbatim, so the lower-cased text itself is also the duplicate key. Texts are found by the hash the
  // scan computes anyway, which spares hashing each (long, unique) genuine comment a second time.
  const seenByHash = new Map<number, SeenText>();
  let creatorReplies = 0;

  for (const post of input.posts ?? []) {
    const samples = post.commentSamples ?? [];
    for (let index = 0; index < samples.length; index++) {
      const sample = samples[index]!;
      texts.push(sample.text);
      // The creator answering their audience is conversation, not audience quality: left out of the share.
      if (isCreator(sample.author)) {
        creatorReplies++;
        itemGroups.push(null);
        items.push({ postId: post.id, index, author: sample.author, isSpam: false, reasons: [] });
        continue;
      }
      const lower = normalizeText(sample.text);
      const key = lower.trim();
      const scan = scanText(lower);
      const hash = key.length === lower.length ? scan.hash : hashText(key);
      let seen = seenByHash.get(hash);
      while (seen !== undefined && seen.key !== key) seen = seen.next;
      let textReasons: CommentSpamReason[];
      if (seen === undefined) {
        textReasons = judgeScanned(lower, scan);
        seen = { key, lower, reasons: textReasons, group: undefined, next: seenByHash.get(hash) };
        seenByHash.set(hash, seen);
      } else if (seen.lower === lower) {
        textReasons = seen.reasons;
      } else {
        textReasons = judgeScanned(lower, scan); // the same words with other blanks around them
      }
      // Only phrases of three or more words: "congrats!" twice is two fans, a pasted sentence is a script.
      let group: DuplicateGroup | undefined;
      if (scan.wordCount >= 3) {
        seen.group ??= { firstPostId: post.id, isOnSeveralPosts: false };
        group = seen.group;
        if (group.firstPostId !== post.id) group.isOnSeveralPosts = true;
      }
      itemGroups.push(group);
      const reasons = addAuthorReasons(textReasons, sample);
      items.push({ postId: post.id, index, author: sample.author, isSpam: reasons.length > 0, reasons });
    }
  }

  const byReason = Object.fromEntries(commentSpamReasons.map((r) => [r, 0])) as Record<
    CommentSpamReason,
    number
  >;
  let sampled = 0;
  let spamCount = 0;
  const spamRefs: CommentRef[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const group = itemGroups[i];
    if (group === null) continue;
    sampled++;
    if (group?.isOnSeveralPosts) {
      item.reasons.push('duplicate');
      item.isSpam = true;
    }
    for (const reason of item.reasons) byReason[reason]++;
    if (item.isSpam) {
      spamCount++;
      if (spamRefs.length < evidenceLimit) {
        spamRefs.push({ postId: item.postId, index: item.index, author: item.author, text: texts[i]! });
      }
    }
  }
  const spamShare = sampled > 0 ? Math.round((spamCount / sampled) * 1000) / 1000 : null;
  const flags: Flag[] = [];
  if (spamShare === null) {
    flags.push({
      code: 'comments.no-data',
      severity: 'info',
      message: 'No comment samples were given; comment quality was not measured.',
      evidence: {},
    });
  } else if (spamShare >= warnSpamShare) {
    const isSkip = spamShare >= skipSpamShare;
    const shown = spamRefs.slice(0, evidenceLimit);
    const omitted = spamCount - shown.length;
    const top = commentSpamReasons
      .filter((r) => byReason[r] > 0)
      .sort((a, b) => byReason[b] - byReason[a])
      .slice(0, 3)
      .map((r) => `${r} ${byReason[r]}`)
      .join(', ');
    flags.push({
      code: isSkip ? 'comments.mostly-spam' : 'comments.spam',
      severity: isSkip ? 'critical' : 'warning',
      message:
        `${spamCount} of ${sampled} sampled comments (${Math.round(spamShare * 100)} %) read as generic, bot or spam ` +
        `(${top})${isSkip ? '; at 50 % or more, seed 003 says skip this creator' : ''}.`,
      evidence: { comments: shown, posts: [...new Set(shown.map((c) => c.postId))], omitted },
    });
  }
  return { figures: { sampled, spamCount, spamShare, byReason, creatorReplies }, flags, items, spamShare };
}
