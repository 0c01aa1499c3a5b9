// The /l/<slug> hot path (T1), served by node:http ahead of the Hono app: no middleware, the link from
// an in-memory cache, a 302 with UTM parameters and a fresh click id, and the click recorded after the
// response into a buffer that is written in batches (see click-buffer.ts).
import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Gauge, type Registry } from 'prom-client';
import { redirectLocation } from '../core/links/redirect-target';
import type { Database } from '../server/db/client';
import type { Logger } from '../server/lib/logger';
import { type ClickRecord, insertClicks } from '../server/modules/links/clicks.service';
import { findRedirectLink } from '../server/modules/links/redirect-lookup.service';
import { onLinksChanged } from './changes';
import { ClickBuffer, type ClickBufferOptions } from './click-buffer';
import { type CachedLink, LinkCache } from './link-cache';
import { gonePage, notFoundPage, unavailablePage } from './pages';
import { countryFrom, describeAgent, referrerDomain, UniqueVisitors, visitorHash } from './visitor';

export interface RedirectorOptions {
  database: Database;
  logger: Logger;
  /** Secret salt of visitor hashes (derived from the auth secret). */
  salt: string;
  /** Take the client address from X-Forwarded-For and the country from CF-IPCountry / X-Country-Code. */
  trustProxy: boolean;
  buffer?: Partial<Omit<ClickBufferOptions, 'write'>>;
  cacheTtlMs?: number;
  /** Where to expose the click buffer and link cache figures (Prometheus). */
  registry?: Registry;
}

export interface Redirector {
  /** Serves the request when it is `GET|HEAD /l/<slug>`; returns false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** From now on, ask clients to close their connection after each redirect (the server is stopping). */
  draining(): void;
  /** Writes every buffered click; call after the HTTP server has closed and before the database does. */
  stop(): Promise<void>;
  readonly buffer: ClickBuffer;
  readonly cache: LinkCache;
}

const slugPattern = /^[A-Za-z0-9_-]{1,64}$/;
const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * A click id such as `clk_0mi8k2x1a3k9x…`: the time in milliseconds (9 base-36 characters) then 10 random
 * ones (~52 bits). Ids that grow with time go to the end of the primary key index, which costs the database
 * about a third less per click than random ones; the random part keeps ids of one millisecond apart.
 */
export function newClickId(now = Date.now()): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let id = `clk_${now.toString(36).padStart(9, '0')}`;
  for (let i = 0; i < 10; i++) id += alphabet[pool[poolAt++]! % 36];
  return id;
}

function sendPage(req: IncomingMessage, res: ServerResponse, status: number, html: string, close: boolean) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

export function createRedirector(options: RedirectorOptions): Redirector {
  const { database, logger } = options;
  const cache = new LinkCache({
    load: (slug) => findRedirectLink(database.db, slug),
    ...(options.cacheTtlMs === undefined ? {} : { ttlMs: options.cacheTtlMs }),
  });
  const unsubscribe = onLinksChanged(() => cache.clear());
  const buffer = new ClickBuffer({
    write: (clicks) => insertClicks(database.db, clicks),
    onError: (error, pending) =>
      logger.error({ err: error, pending }, 'writing clicks failed; kept for a retry'),
    onDrop: (dropped) => logger.error({ dropped }, 'click buffer full: dropped the oldest clicks'),
    ...options.buffer,
  });
  const uniques = new UniqueVisitors();
  let isDraining = false;
  if (options.registry) registerMetrics(options.registry, buffer, cache);

  function record(req: IncomingMessage, found: CachedLink, clickId: string, now: number) {
    const ua = req.headers['user-agent'] ?? '';
    const agent = describeAgent(ua);
    const isBot = agent.isBot || req.method === 'HEAD';
    const address = options.trustProxy
      ? ((req.headers['x-forwarded-for'] as string | undefined)?.split(',').at(-1)?.trim() ??
        req.socket.remoteAddress ??
        '')
      : (req.socket.remoteAddress ?? '');
    const visitor = visitorHash(options.salt, address, ua);
    const { link } = found;
    const click: ClickRecord = {
      id: clickId,
      workspaceId: link.workspaceId,
      linkId: link.id,
      ambassadorId: link.ambassadorId,
      programId: link.programId,
      at: new Date(now),
      isBot,
      // Bots and previews never count as unique, and do not use up a visitor's first click.
      isUnique: !isBot && uniques.isFirst(visitor, link.id, now),
      device: agent.device,
      os: agent.os,
      browser: agent.browser,
      referrerDomain: referrerDomain(req.headers.referer),
      visitorHash: visitor,
      country: options.trustProxy
        ? countryFrom(req.headers['cf-ipcountry'] ?? req.headers['x-country-code'])
        : null,
    };
    buffer.push(click);
  }

  function answer(req: IncomingMessage, res: ServerResponse, found: CachedLink | null) {
    if (!found) return sendPage(req, res, 404, notFoundPage, isDraining);
    const now = Date.now();
    const { link } = found;
    if (link.disabledAt || (link.expiresAt && link.expiresAt.getTime() <= now))
      return sendPage(req, res, 410, gonePage, isDraining);
    const clickId = newClickId(now);
    res.writeHead(302, {
      location: redirectLocation(found.target, clickId),
      'cache-control': 'no-store',
      'content-length': 0,
      ...(isDraining ? { connection: 'close' } : {}),
    });
    res.end();
    // After the response is handed to the socket, before anything else can run: a client that saw the
    // 302 is sure to have its click in the buffer.
    record(req, found, clickId, now);
  }

  return {
    buffer,
    cache,
    handle(req, res) {
      const url = req.url ?? '';
      if (!url.startsWith('/l/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      let end = url.length;
      for (let i = 3; i < url.length; i++) {
        const ch = url.charCodeAt(i);
        if (ch === 63 /* ? */ || ch === 35 /* # */) {
          end = i;
          break;
        }
      }
      const slug = url.slice(3, end);
      if (!slugPattern.test(slug)) {
        sendPage(req, res, 404, notFoundPage, isDraining);
        return true;
      }
      const cached = cache.peek(slug);
      if (cached !== undefined) {
        answer(req, res, cached);
        return true;
      }
      cache.load(slug).then(
        (found) => answer(req, res, found),
        (error: unknown) => {
          logger.error({ err: error, slug }, 'link lookup failed');
          if (!res.headersSent) sendPage(req, res, 503, unavailablePage, true);
        },
      );
      return true;
    },
    draining() {
      isDraining = true;
    },
    async stop() {
      unsubscribe();
      const left = await buffer.stop();
      if (left > 0) logger.error({ clicks: left }, 'clicks could not be written before stopping');
      else logger.info({ written: buffer.stats.written }, 'clicks flushed');
    },
  };
}

/** Click and cache figures at /metrics, read when scraped (nothing is counted twice on the hot path). */
function registerMetrics(registry: Registry, buffer: ClickBuffer, cache: LinkCache) {
  const gauges: Array<[string, string, string[], (g: Gauge) => void]> = [
    [
      'troupe_redirect_clicks',
      'Clicks since start: recorded (answered), written to the database, dropped (buffer full)',
      ['state'],
      (g) => {
        g.set({ state: 'recorded' }, buffer.stats.recorded);
        g.set({ state: 'written' }, buffer.stats.written);
        g.set({ state: 'dropped' }, buffer.stats.dropped);
      },
    ],
    ['troupe_redirect_click_buffer', 'Clicks waiting to be written', [], (g) => g.set(buffer.size)],
    [
      'troupe_redirect_failed_writes',
      'Failed click writes since start (kept for retry)',
      [],
      (g) => g.set(buffer.stats.failedWrites),
    ],
    ['troupe_redirect_link_cache_entries', 'Slugs in the link cache', [], (g) => g.set(cache.size)],
  ];
  for (const [name, help, labelNames, read] of gauges) {
    registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        read(this as unknown as Gauge);
      },
    });
  }
}
