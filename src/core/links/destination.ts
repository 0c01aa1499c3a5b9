// Where a tracked link may send people (T1): an absolute http(s) URL on one of the program's allowed
// domains or their subdomains, with no credentials. The destination is fixed when the link is created and
// never taken from the request, so the redirector cannot be used as an open redirect.
import { clickIdParam } from '../attribution/landing-url';

const maxDestinationLength = 2048;
const labelPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type DomainCheck = { ok: true; domain: string } | { ok: false; message: string };
export type DestinationCheck = { ok: true; url: string; host: string } | { ok: false; message: string };

/**
 * An allowed domain as people type it (`Shop.Example.com`, `bücher.de`, `*.example.com`), normalised to
 * lower-case ASCII (punycode). A scheme, path, port or credentials are refused: it is a hostname.
 * @example normalizeAllowedDomain('Shop.Example.COM') // { ok: true, domain: 'shop.example.com' }
 */
export function normalizeAllowedDomain(input: string): DomainCheck {
  let text = input.trim().toLowerCase();
  if (text.startsWith('*.')) text = text.slice(2);
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text === '') return { ok: false, message: 'is empty' };
  if (/[\s/\\:@?#]/.test(text))
    return {
      ok: false,
      message: `"${input.trim()}" is not a domain: enter only the domain, e.g. shop.example.com (no https://, path or port)`,
    };
  let hostname: string;
  try {
    hostname = new URL(`http://${text}/`).hostname;
  } catch {
    return { ok: false, message: `"${input.trim()}" is not a valid hostname` };
  }
  const labels = hostname.split('.');
  const isHostname =
    labels.every((l) => labelPattern.test(l)) &&
    (labels.length >= 2 || hostname === 'localhost') &&
    !/^\d+$/.test(labels.at(-1) ?? '');
  if (!isHostname || hostname.length > 253)
    return { ok: false, message: `"${input.trim()}" is not a valid hostname` };
  return { ok: true, domain: hostname };
}

/** Whether `host` is `domain` or one of its subdomains (both normalised, lower-case ASCII). */
export function isHostAllowed(host: string, allowedDomains: readonly string[]): boolean {
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  return allowedDomains.some((d) => h === d || h.endsWith(`.${d}`));
}

/**
 * Checks a destination against the program's allowed domains; on success returns it normalised (the URL
 * the redirect will send, with an IDN host in punycode).
 * @example checkDestination('https://shop.example.com/p?x=1', ['example.com']).ok // true
 */
export function checkDestination(raw: string, allowedDomains: readonly string[]): DestinationCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'is required' };
  if (text.length > maxDestinationLength)
    return { ok: false, message: `is longer than ${maxDestinationLength} characters` };
  // Control characters and spaces are silently dropped by URL parsers; a destination with them is not
  // what it looks like.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of the check
  if (/[\u0000-\u0020\u007f]/.test(text))
    return { ok: false, message: 'must not contain spaces or control characters' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'must be a full URL starting with https:// or http://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: `must use https or http, not ${url.protocol.replace(/:$/, '')}` };
  if (!/^https?:\/\//i.test(text))
    return { ok: false, message: 'must be a full URL starting with https:// or http://' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'must not contain a user name or password' };
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  if (allowedDomains.length === 0)
    return {
      ok: false,
      message: 'this program has no allowed domains yet; add your shop’s domain in its tracking settings',
    };
  if (!isHostAllowed(host, allowedDomains))
    return {
      ok: false,
      message: `goes to ${host}, which is not one of the program’s allowed domains (${allowedDomains.join(', ')})`,
    };
  if (new URLSearchParams(url.search).has(clickIdParam))
    return { ok: false, message: `must not carry its own ${clickIdParam} parameter (Troupe adds it)` };
  return { ok: true, url: url.href, host };
}
