// Reads the click id and UTM parameters out of the page a customer landed on. Stores report it as an
// absolute URL, a path (Shopify's `landing_site` is usually `/products/x?utm_source=…`) or a bare query,
// and sometimes mangled; nothing here throws.

/** The query parameter the redirector appends to destinations and the pixel reads back. */
export const clickIdParam = 'tclid';

/** Click ids longer than this are not ours: ignored rather than looked up. */
const maxClickIdLength = 128;

export interface UtmParameters {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

export interface LandingParameters {
  clickId?: string;
  utm: UtmParameters;
}

const utmKeys = ['source', 'medium', 'campaign', 'content', 'term'] as const;

/**
 * The click id and UTM parameters of a landing URL. Parameters come from the query; a query inside the
 * fragment (`/#/?utm_source=…`, single-page shops) fills whatever the real query left out. Names are
 * matched case-insensitively, the first non-empty value wins, values are trimmed, and malformed
 * percent-encoding is tolerated.
 * @example parseLandingUrl('/products/tee?utm_source=influencer&tclid=clk_123')
 * // { clickId: 'clk_123', utm: { source: 'influencer' } }
 */
export function parseLandingUrl(
  landingUrl: string | null | undefined,
  param = clickIdParam,
): LandingParameters {
  const found = new Map<string, string>();
  if (landingUrl) {
    const hashAt = landingUrl.indexOf('#');
    const beforeHash = hashAt === -1 ? landingUrl : landingUrl.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : landingUrl.slice(hashAt + 1);
    collect(queryOf(beforeHash), found);
    collect(queryOf(fragment), found);
  }
  const utm: UtmParameters = {};
  for (const key of utmKeys) {
    const value = found.get(`utm_${key}`);
    if (value !== undefined) utm[key] = value;
  }
  const clickId = found.get(param.toLowerCase());
  return clickId !== undefined && clickId.length <= maxClickIdLength ? { clickId, utm } : { utm };
}

function queryOf(text: string): string {
  const at = text.indexOf('?');
  return at === -1 ? '' : text.slice(at + 1);
}

function collect(query: string, into: Map<string, string>): void {
  if (!query) return;
  for (const [name, value] of new URLSearchParams(query)) {
    const key = name.trim().toLowerCase();
    const trimmed = value.trim();
    if (trimmed && !into.has(key)) into.set(key, trimmed);
  }
}
