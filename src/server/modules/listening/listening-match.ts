// Pure helpers of the listening import (B8): reading a listening tool's export (column names vary by
// tool), and the keys posts are matched on — a handle, a post URL, a caption.

/** Our column, and the header names listening tools use for it (compared lower-case, spaces/_/- ignored). */
export const listeningColumns = {
  platform: ['platform', 'network', 'socialnetwork', 'source', 'channel', 'site'],
  handle: ['handle', 'author', 'username', 'user', 'screenname', 'account', 'authorhandle', 'authorusername'],
  url: ['url', 'link', 'permalink', 'posturl', 'postlink', 'mentionurl'],
  caption: ['caption', 'text', 'content', 'message', 'body', 'posttext', 'snippet', 'description'],
  posted_at: ['postedat', 'date', 'published', 'publishedat', 'createdat', 'timestamp', 'postdate', 'time'],
} as const;

export type ListeningColumn = keyof typeof listeningColumns;

const squash = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** Which of our columns a header names, or null for a column we ignore. */
export function columnFor(header: string): ListeningColumn | null {
  const key = squash(header);
  for (const [column, names] of Object.entries(listeningColumns) as Array<
    [ListeningColumn, readonly string[]]
  >)
    if (names.includes(key)) return column;
  return null;
}

const platformNames: Record<string, 'instagram' | 'tiktok' | 'youtube' | 'other'> = {
  instagram: 'instagram',
  ig: 'instagram',
  insta: 'instagram',
  tiktok: 'tiktok',
  tt: 'tiktok',
  youtube: 'youtube',
  yt: 'youtube',
  youtubeshorts: 'youtube',
};

/** The platform a listening row names, or the one its URL's host implies; `other` when neither says. */
export function platformOf(named: string, url: string): 'instagram' | 'tiktok' | 'youtube' | 'other' {
  const fromName = platformNames[squash(named)];
  if (fromName) return fromName;
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'other';
  }
  if (host === 'instagram.com' || host.endsWith('.instagram.com') || host === 'instagr.am')
    return 'instagram';
  if (host === 'tiktok.com' || host.endsWith('.tiktok.com')) return 'tiktok';
  if (host === 'youtu.be' || host === 'youtube.com' || host.endsWith('.youtube.com')) return 'youtube';
  return 'other';
}

/** `@Jane.Doe ` → `jane.doe`: handles compare case-insensitively, without the leading @. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

/** Query parameters that only say where a click came from; they never identify the post. */
const trackingParams = new Set([
  'igshid',
  'igsh',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'si',
  'feature',
  'ref',
  'ref_src',
  'is_from_webapp',
  'sender_device',
  'tclid',
]);

/**
 * The form of a post URL that posts are matched and stored by: lower-case scheme and host without `www.`
 * or `m.`, no trailing slash, no fragment, no tracking parameters (utm_*, igshid, fbclid, si, …), the
 * remaining parameters sorted (YouTube's `v=` identifies the video, so it stays). Null when not http(s).
 * @example normalizePostUrl('HTTPS://www.Instagram.com/p/Cx1/?utm_source=ig&igshid=abc') // 'https://instagram.com/p/Cx1'
 */
export function normalizePostUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^(www|m)\./, '');
  const params = [...parsed.searchParams]
    .filter(([k]) => !k.toLowerCase().startsWith('utm_') && !trackingParams.has(k.toLowerCase()))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  // http and https name the same post; store https.
  return `https://${host}${port}${path}${query}`;
}

/** Lower-case words of a caption, accents removed (hashtags and handles keep their letters). */
export function captionTokens(caption: string): string[] {
  return (
    caption
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A caption with this share of shared words (of the longer caption) is taken as the same post. */
export const captionMatchThreshold = 0.8;
/** Shorter captions ("link in bio") say too little to match on. */
export const captionMinTokens = 5;

/**
 * How alike two captions are, 0 to 1: 1 when their words are equal once normalised, else the share of
 * distinct words they share, of the larger set.
 */
export function captionSimilarity(a: string, b: string): number {
  const ta = captionTokens(a);
  const tb = captionTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  if (ta.join(' ') === tb.join(' ')) return 1;
  const sa = new Set(ta);
  const sb = new Set(tb);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / Math.max(sa.size, sb.size);
}

/** Whether a listened caption is taken as the published form of a draft caption. */
export function isSameCaption(listened: string, draft: string): boolean {
  if (captionTokens(listened).length < captionMinTokens && captionSimilarity(listened, draft) < 1)
    return false;
  return captionSimilarity(listened, draft) >= captionMatchThreshold;
}
