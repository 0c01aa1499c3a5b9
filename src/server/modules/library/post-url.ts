// Which post URLs fit which platform (B5): http(s) only, and a host of the platform's own domains.
import type { platforms } from '../programs/programs.contract';

type Platform = (typeof platforms)[number];

const platformHosts: Record<Platform, readonly string[] | null> = {
  instagram: ['instagram.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com', 'youtu.be'],
  other: null,
};

/**
 * The URL to store (without its #fragment), or the reason it cannot be a post of `platform`. A host matches
 * a domain exactly or as a subdomain (`www.instagram.com`, `m.youtube.com`), never as a suffix
 * (`notinstagram.com`).
 *
 * @example checkPostUrl('https://www.instagram.com/p/Cx1/', 'instagram') // { url: 'https://www.instagram.com/p/Cx1/' }
 */
export function checkPostUrl(value: string, platform: Platform): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: 'must be a full link such as https://www.instagram.com/p/…' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: 'must start with https:// or http://' };
  if (url.username || url.password) return { error: 'must not carry a user name or password' };
  const domains = platformHosts[platform];
  const host = url.hostname.toLowerCase();
  if (domains && !domains.some((d) => host === d || host.endsWith(`.${d}`)))
    return { error: `must be a link on ${platform} (${domains.join(' or ')}), not ${host}` };
  url.hash = '';
  return { url: url.toString() };
}
