// Slug → prepared redirect, in memory: bounded (oldest entry evicted), each entry kept for a short time
// to live, emptied when this process changes links or settings. Unknown slugs are remembered briefly too,
// so a flood of bad slugs does not become a flood of queries. Concurrent misses share one query.
import { type RedirectTarget, redirectTarget, renderUtm } from '../core/links/redirect-target';
import type { RedirectLink } from '../server/modules/links/redirect-lookup.service';
import { clickLinePrefix } from './click-line';

export interface CachedLink {
  link: RedirectLink;
  target: RedirectTarget;
  /** The link's fields of its click journal lines. */
  linePrefix: string;
  /** From this time (ms) the link answers 410: 0 when disabled, its expiry, or never (Infinity). */
  goneAt: number;
}

interface Entry {
  value: CachedLink | null;
  loadedAt: number;
}

export interface LinkCacheOptions {
  load(slug: string): Promise<RedirectLink | null>;
  maxEntries?: number;
  ttlMs?: number;
  missTtlMs?: number;
  now?: () => number;
}

export function prepareLink(link: RedirectLink): CachedLink {
  const utm = renderUtm(link.utmTemplate, {
    program: link.programSlug,
    handle: link.handle,
    campaign: link.campaign ?? '',
  });
  return {
    link,
    target: redirectTarget(link.destination, utm),
    linePrefix: clickLinePrefix(link),
    goneAt: link.disabledAt ? 0 : (link.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY),
  };
}

export class LinkCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedLink | null>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly missTtlMs: number;
  private readonly now: () => number;
  private generation = 0;

  constructor(private readonly options: LinkCacheOptions) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.missTtlMs = options.missTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The cached answer for `slug` (null: no such link), or undefined when it must be loaded. `now` is the
   * caller's clock reading when it has one (the redirect reads the clock once).
   */
  peek(slug: string, now = this.now()): CachedLink | null | undefined {
    const entry = this.entries.get(slug);
    if (!entry) return undefined;
    const ttl = entry.value ? this.ttlMs : this.missTtlMs;
    if (now - entry.loadedAt > ttl) {
      this.entries.delete(slug);
      return undefined;
    }
    return entry.value;
  }

  /** Loads `slug` (sharing a load already in flight) and caches the answer. */
  load(slug: string): Promise<CachedLink | null> {
    const inFlight = this.pending.get(slug);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const loading = this.options
      .load(slug)
      .then((found) => {
        const value = found ? prepareLink(found) : null;
        // A change while loading may have made this answer stale: use it once, keep it not.
        if (generation === this.generation) this.remember(slug, value);
        return value;
      })
      .finally(() => this.pending.delete(slug));
    this.pending.set(slug, loading);
    return loading;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(slug: string, value: CachedLink | null) {
    this.entries.delete(slug);
    this.entries.set(slug, { value, loadedAt: this.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
