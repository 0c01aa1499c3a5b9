// Who clicked, as far as a click record may say: bot or not, device/OS/browser, referrer domain, a salted
// hash of address + user agent (the address itself is never kept), and whether this visitor already
// clicked this link within 24 hours. The redirect computes the hash, referrer and country; the importer
// the rest. Parsing results are cached per user agent: the same few agents repeat.
import { hash } from 'node:crypto';
import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';

export interface AgentInfo {
  isBot: boolean;
  device: string | null;
  os: string | null;
  browser: string | null;
}

/** Longer user agents are cut (they only feed device/OS/browser parsing and the bot list). */
export const maxAgentLength = 512;
const agentCache = new Map<string, AgentInfo>();
const maxAgentCache = 2_000;

/**
 * Bot flag and device/OS/browser of a user agent. An empty agent counts as a bot (every browser sends
 * one); link-preview fetchers (Slackbot, facebookexternalhit, WhatsApp, Twitterbot…) are on isbot's list.
 * @example describeAgent('Twitterbot/1.0').isBot // true
 */
export function describeAgent(userAgent: string): AgentInfo {
  const ua = userAgent.length > maxAgentLength ? userAgent.slice(0, maxAgentLength) : userAgent;
  const cached = agentCache.get(ua);
  if (cached) return cached;
  const parsed = new UAParser(ua).getResult();
  const isBot = ua.trim() === '' || isbot(ua);
  const info: AgentInfo = {
    isBot,
    // ua-parser leaves the device type empty for desktops.
    device: parsed.device.type ?? (parsed.os.name && !isBot ? 'desktop' : null),
    os: parsed.os.name ?? null,
    browser: parsed.browser.name ?? null,
  };
  if (agentCache.size >= maxAgentCache) agentCache.clear();
  agentCache.set(ua, info);
  return info;
}

/** The host of a Referer header, lower-case, or null. */
export function referrerDomain(referer: string | undefined): string | null {
  if (!referer) return null;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:\s]+)/i.exec(referer)?.[1];
  return host ? host.toLowerCase().slice(0, 253) : null;
}

/** A salted SHA-256 of address and user agent (128 bits, hex): the same visitor, never their address. */
export function visitorHash(salt: string, address: string, userAgent: string): string {
  return hash('sha256', `${salt}\0${address}\0${userAgent}`, 'hex').slice(0, 32);
}

/** A two-letter country code from a trusted proxy's header, or null. */
export function countryFrom(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^[a-z]{2}$/i.test(value)) return null;
  const code = value.toUpperCase();
  // Cloudflare's "unknown" and "Tor" markers.
  return code === 'XX' || code === 'T1' ? null : code;
}

/**
 * Remembers which visitor clicked which link, to flag the first click of each 24 hours as unique. Per
 * process and bounded: with several redirector processes (or after a restart) a visitor may be counted
 * unique once per process, and past `maxEntries` the oldest memories go first.
 */
export class UniqueVisitors {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 200_000,
    private readonly windowMs = 24 * 60 * 60 * 1000,
  ) {}

  /** Whether this is the visitor's first click on the link within the window (and remembers it). */
  isFirst(visitor: string, linkId: string, now: number): boolean {
    const key = `${linkId}:${visitor}`;
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.windowMs) return false;
    if (at !== undefined) this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
