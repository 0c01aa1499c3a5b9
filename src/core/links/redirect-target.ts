// The URL a tracked link redirects to (T1): the destination with the program's UTM parameters appended and
// the click id last. Pure, so the redirector can prepare it once per link and only add the click id per hit.
import { clickIdParam } from '../attribution/landing-url';

/** A program's UTM template; `{program}`, `{handle}` and `{campaign}` are filled per link. */
export interface UtmTemplate {
  source: string;
  medium: string;
  campaign: string;
  /** Empty: the ambassador's handle. */
  content: string;
}

export const utmPlaceholders = ['program', 'handle', 'campaign'] as const;

export interface UtmValues {
  /** The program's slug. */
  program: string;
  /** The ambassador's primary handle (their biggest social account), without `@`. */
  handle: string;
  /** The link's campaign label, or empty. */
  campaign: string;
}

export type UtmParams = Partial<Record<'utm_source' | 'utm_medium' | 'utm_campaign' | 'utm_content', string>>;

/** Placeholders in `text` other than {program}, {handle} and {campaign}. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  return names.filter((n) => !(utmPlaceholders as readonly string[]).includes(n));
}

function fill(text: string, values: UtmValues): string {
  return text.replace(/\{(program|handle|campaign)\}/g, (_, name: keyof UtmValues) => values[name]).trim();
}

/**
 * The UTM parameters of one link. A link's campaign label, when set, is its utm_campaign; an empty content
 * template means the ambassador's handle. Parameters that come out empty are left out.
 * @example renderUtm({ source: 'troupe', medium: 'ambassador', campaign: '{program}', content: '' },
 *   { program: 'glow', handle: 'jane', campaign: '' })
 * // { utm_source: 'troupe', utm_medium: 'ambassador', utm_campaign: 'glow', utm_content: 'jane' }
 */
export function renderUtm(template: UtmTemplate, values: UtmValues): UtmParams {
  const out: UtmParams = {};
  const set = (key: keyof UtmParams, value: string) => {
    if (value !== '') out[key] = value;
  };
  set('utm_source', fill(template.source, values));
  set('utm_medium', fill(template.medium, values));
  set(
    'utm_campaign',
    values.campaign.trim() !== '' ? values.campaign.trim() : fill(template.campaign, values),
  );
  set('utm_content', template.content.trim() === '' ? values.handle : fill(template.content, values));
  return out;
}

/** A destination prepared for redirects: `prefix` + click id + `hash` is the Location. */
export interface RedirectTarget {
  /** Everything before the click id's value, ending in `?tclid=` or `&tclid=`. */
  prefix: string;
  /** The destination's fragment (with `#`), or empty. */
  hash: string;
}

/**
 * Prepares a (validated, absolute) destination: its own query is kept byte for byte, UTM parameters it
 * does not already carry are appended (a destination's own utm_* wins: the manager put it there on
 * purpose), and the click id goes last, before the fragment.
 * @example redirectLocation(redirectTarget('https://s.com/p?a=1#x', { utm_source: 'troupe' }), 'clk_1')
 * // 'https://s.com/p?a=1&utm_source=troupe&tclid=clk_1#x'
 */
export function redirectTarget(destination: string, utm: UtmParams): RedirectTarget {
  const url = new URL(destination);
  const existing = new URLSearchParams(url.search);
  const hasKey = (key: string) => [...existing.keys()].some((k) => k.toLowerCase() === key);
  let query = url.search === '?' ? '' : url.search.slice(1);
  for (const [key, value] of Object.entries(utm)) {
    if (value === undefined || hasKey(key)) continue;
    query += `${query === '' ? '' : '&'}${key}=${encodeURIComponent(value)}`;
  }
  const base = `${url.origin}${url.pathname}`;
  return {
    prefix: `${base}?${query}${query === '' ? '' : '&'}${clickIdParam}=`,
    hash: url.hash,
  };
}

/**
 * The Location header for one click. Click ids are URL-safe by construction (`clk_` and base-36
 * characters), so they go in as they are: encoding each one cost ~1 % of a redirect's CPU.
 */
export function redirectLocation(target: RedirectTarget, clickId: string): string {
  return target.prefix + clickId + target.hash;
}
