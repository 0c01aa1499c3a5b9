// The /l/<slug> hot path (T1), served by node:http ahead of the Hono app: no middleware, the link from
// an in-memory cache, a 302 with UTM parameters and a fresh click id, and the click appended after the
// response to the click journal (group-committed to disk), from which the importer writes it to the
// database behind the hot path (see click-journal.ts and click-import.ts).
import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Gauge, type Registry } from 'prom-client';
import { redirectLocation } from '../core/links/redirect-target';
import type { Database } from '../server/db/client';
import type { Logger } from '../server/lib/logger';
import { insertClickBatch } from '../server/modules/links/clicks.service';
import { findRedirectLink } from '../server/modules/links/redirect-lookup.service';
import { onLinksChanged } from './changes';
import { ClickImporter, type ClickImporterOptions } from './click-import';
import { ClickJournal, type ClickJournalOptions } from './click-journal';
import { formatClickLine } from './click-line';
import { type CachedLink, LinkCache } from './link-cache';
import { gonePage, notFoundPage, unavailablePage } from './pages';
import { countryFrom, maxAgentLength, referrerDomain, visitorHash } from './visitor';

export interface RedirectorOptions {
  database: Database;
  logger: Logger;
  /** Secret salt of visitor hashes (derived from the auth secret). */
  salt: string;
  /** Take the client address from X-Forwarded-For and the country from CF-IPCountry / X-Country-Code. */
  trustProxy: boolean;
  /** Where the click journal lives (TROUPE_DATA_DIR/clicks); keep it on a persistent disk. */
  journalDir: string;
  journal?: Partial<Omit<ClickJournalOptions, 'dir'>>;
  importer?: Partial<Omit<ClickImporterOptions, 'journal' | 'write'>>;
  cacheTtlMs?: number;
  /** Where to expose the click journal, importer and link cache figures (Prometheus). */
  registry?: Registry;
}

export interface Redirector {
  /** Serves the request when it is `GET|HEAD /l/<slug>`; returns false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** From now on, ask clients to close their connection after each redirect (the server is stopping). */
  draining(): void;
  /** Writes every click answered so far to the database now (tests; stop does it too). */
  flushClicks(): Promise<void>;
  /** Imports every journaled click; call after the HTTP server has closed and before the database does. */
  stop(): Promise<void>;
  readonly journal: ClickJournal;
  readonly importer: ClickImporter;
  readonly cache: LinkCache;
}

/** The longest slug looked up; anything longer is not a link. */
const maxSlugLength = 64;

/** Whether a character code may be in a slug: A-Z, a-z, 0-9, `_` and `-`. */
function isSlugChar(ch: number): boolean {
  return (
    (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45
  );
}

/**
 * The slug of a path the caller knows starts with `/l/` (`/l/<slug>[?…][#…]`), or null when it is not one
 * (empty, too long, or a character a slug never has). One pass over the path, no regular expression: this
 * runs for every redirect.
 */
export function slugOf(url: string): string | null {
  let end = url.length;
  for (let i = 3; i < url.length; i++) {
    const ch = url.charCodeAt(i);
    if (ch === 63 /* ? */ || ch === 35 /* # */) {
      end = i;
      break;
    }
    if (i - 3 >= maxSlugLength || !isSlugChar(ch)) return null;
  }
  return end === 3 ? null : url.slice(3, end);
}

const alphabetCodes = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz', 'latin1');
const randomBytes = Buffer.alloc(4096);
/** Random base-36 characters, made 4,096 at a time; each id takes the next 10. */
let randomChars = '';
let randomAt = 0;
/** The id prefix of the current millisecond (many redirects share one under load). */
let prefixMs = -1;
let prefix = '';

/** Turned into characters in place and read as one string (adding them one by one made 4,096 strings). */
function refillRandomChars() {
  randomFillSync(randomBytes);
  for (let i = 0; i < randomBytes.length; i++)
    randomBytes[i] = alphabetCodes[(randomBytes[i] as number) % 36] as number;
  randomChars = randomBytes.toString('latin1');
  randomAt = 0;
}

/**
 * A click id such as `clk_0mi8k2x1a3k9x…`: the time in milliseconds (9 base-36 characters) then 10 random
 * ones (~52 bits). Ids that grow with time go to the end of the primary key index, which costs the database
 * about a third less per click than random ones; the random part keeps ids of one millisecond apart.
 */
export function newClickId(now = Date.now()): string {
  if (now !== prefixMs) {
    prefixMs = now;
    prefix = `clk_${now.toString(36).padStart(9, '0')}`;
  }
  if (randomAt + 10 > randomChars.length) refillRandomChars();
  randomAt += 10;
  return prefix + randomChars.slice(randomAt - 10, randomAt);
}

interface ClickHeaders {
  userAgent: string;
  referer: string | undefined;
  /** The last X-Forwarded-For header: its last address is the one the trusted proxy saw. */
  forwardedFor: string | undefined;
  /** CF-IPCountry, else X-Country-Code. */
  country: string | undefined;
}

/**
 * The headers a click needs, read from the raw list: `req.headers` would build an object of them all on
 * every redirect. Names are compared without case; of repeated headers the first counts (the last for
 * X-Forwarded-For).
 */
function clickHeaders(raw: readonly string[]): ClickHeaders {
  const out: ClickHeaders = {
    userAgent: '',
    referer: undefined,
    forwardedFor: undefined,
    country: undefined,
  };
  let sawAgent = false;
  let cfCountry: string | undefined;
  let countryCode: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    switch (name.length) {
      case 10:
        if (!sawAgent && name.toLowerCase() === 'user-agent') {
          out.userAgent = value;
          sawAgent = true;
        }
        break;
      case 7:
        if (out.referer === undefined && name.toLowerCase() === 'referer') out.referer = value;
        break;
      case 15:
        if (name.toLowerCase() === 'x-forwarded-for') out.forwardedFor = value;
        break;
      case 12:
        if (cfCountry === undefined && name.toLowerCase() === 'cf-ipcountry') cfCountry = value;
        break;
      case 14:
        if (countryCode === undefined && name.toLowerCase() === 'x-country-code') countryCode = value;
        break;
    }
  }
  out.country = cfCountry ?? countryCode;
  return out;
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
  const journal = new ClickJournal({
    dir: options.journalDir,
    onError: (error, waiting) =>
      logger.error({ err: error, waiting }, 'writing the click journal failed; kept for a retry'),
    onDrop: (dropped) => logger.error({ dropped }, 'click journal unwritable: dropped the oldest clicks'),
    ...options.journal,
  });
  const importer = new ClickImporter({
    journal,
    write: (batch) => insertClickBatch(database.db, batch),
    onError: (error, segment) =>
      logger.error({ err: error, segment }, 'importing clicks failed; the journal keeps them for a retry'),
    onSkipped: (lines, segment) => logger.warn({ lines, segment }, 'skipped unreadable click journal lines'),
    onNotWritten: (clicks, segment) =>
      logger.info(
        { clicks, segment },
        'clicks already imported, or of links deleted since, were not written',
      ),
    onQuarantined: (error, segment) =>
      logger.error(
        { err: error, segment },
        'the database refuses this click journal segment; set aside as .bad (see ARCHITECTURE)',
      ),
    ...options.importer,
  });
  importer.start();
  let isDraining = false;
  if (options.registry) registerMetrics(options.registry, journal, importer, cache);

  // Clicks answered in this turn of the event loop, recorded together once the turn's I/O is done: the
  // redirects go out first, and the recording runs as one tight loop instead of between them.
  // Six values per click, in one flat list: raw headers, socket address, the link's line prefix, click id,
  // time, HEAD or not.
  const answered: Array<string[] | string | number | boolean> = [];
  let recordScheduled = false;

  function recordAnswered() {
    recordScheduled = false;
    let lines = '';
    for (let i = 0; i < answered.length; i += 6) {
      const h = clickHeaders(answered[i] as string[]);
      const socketAddress = answered[i + 1] as string;
      const ua = h.userAgent.length > maxAgentLength ? h.userAgent.slice(0, maxAgentLength) : h.userAgent;
      const address = options.trustProxy
        ? (h.forwardedFor?.split(',').at(-1)?.trim() ?? socketAddress)
        : socketAddress;
      lines += formatClickLine(
        answered[i + 3] as string,
        answered[i + 2] as string,
        answered[i + 4] as number,
        answered[i + 5] as boolean,
        visitorHash(options.salt, address, h.userAgent),
        options.trustProxy ? countryFrom(h.country) : null,
        h.referer === undefined ? null : referrerDomain(h.referer),
        ua,
      );
    }
    // One append for the turn: one copy into the journal's chunk instead of one per click (~4 % more
    // redirects per second in the bench).
    if (lines !== '') journal.append(lines, answered.length / 6);
    answered.length = 0;
  }

  function record(req: IncomingMessage, found: CachedLink, clickId: string, now: number) {
    // The address now: a connection closed by the end of the turn no longer tells it.
    answered.push(
      req.rawHeaders,
      req.socket.remoteAddress ?? '',
      found.linePrefix,
      clickId,
      now,
      req.method === 'HEAD',
    );
    if (!recordScheduled) {
      recordScheduled = true;
      setImmediate(recordAnswered);
    }
  }

  function answer(req: IncomingMessage, res: ServerResponse, found: CachedLink | null, now: number) {
    if (!found) return sendPage(req, res, 404, notFoundPage, isDraining);
    if (now >= found.goneAt) return sendPage(req, res, 410, gonePage, isDraining);
    const clickId = newClickId(now);
    const location = redirectLocation(found.target, clickId);
    // Literal headers of one shape (no spread): this runs for every redirect.
    if (isDraining)
      res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': 0, connection: 'close' });
    else res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': 0 });
    res.end();
    // After the response is handed to the socket: a client that saw the 302 is sure to have its click
    // recorded (this turn) and in the journal before the server can stop.
    record(req, found, clickId, now);
  }

  return {
    journal,
    importer,
    cache,
    handle(req, res) {
      const url = req.url ?? '';
      if (!url.startsWith('/l/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const slug = slugOf(url);
      if (slug === null) {
        sendPage(req, res, 404, notFoundPage, isDraining);
        return true;
      }
      // One clock read per redirect: the cache's age check, the expiry, the click's time and its id.
      const now = Date.now();
      const cached = cache.peek(slug, now);
      if (cached !== undefined) {
        answer(req, res, cached, now);
        return true;
      }
      cache.load(slug).then(
        (found) => answer(req, res, found, Date.now()),
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
    flushClicks() {
      recordAnswered();
      return importer.importNow();
    },
    async stop() {
      unsubscribe();
      recordAnswered();
      const left = await importer.stop();
      if (left.unwritten > 0)
        logger.error(
          { clicks: left.unwritten },
          'clicks neither the disk nor the database would take were lost',
        );
      if (left.segments > 0)
        logger.error(
          { segments: left.segments, dir: journal.dir },
          'clicks could not be written before stopping; the next start imports them',
        );
      if (left.segments === 0 && left.unwritten === 0)
        logger.info({ imported: importer.stats.imported }, 'clicks imported');
    },
  };
}

/** Click and cache figures at /metrics, read when scraped (nothing is counted twice on the hot path). */
function registerMetrics(
  registry: Registry,
  journal: ClickJournal,
  importer: ClickImporter,
  cache: LinkCache,
) {
  const gauges: Array<[string, string, string[], (g: Gauge) => void]> = [
    [
      'troupe_redirect_clicks',
      'Clicks since start: recorded (answered), journaled (on disk), imported (new in the database), not_written (already there, or of a deleted link), dropped (journal unwritable)',
      ['state'],
      (g) => {
        g.set({ state: 'recorded' }, journal.stats.appended);
        g.set({ state: 'journaled' }, journal.stats.durable);
        g.set({ state: 'imported' }, importer.stats.imported);
        g.set({ state: 'not_written' }, importer.stats.notWritten);
        g.set({ state: 'dropped' }, journal.stats.dropped);
      },
    ],
    [
      'troupe_redirect_click_journal_waiting',
      'Clicks waiting for the next journal commit',
      [],
      (g) => g.set(journal.waiting),
    ],
    [
      'troupe_redirect_journal_failed_writes',
      'Failed click journal writes since start (kept in memory for a retry)',
      [],
      (g) => g.set(journal.stats.failedWrites),
    ],
    [
      'troupe_redirect_failed_imports',
      'Failed click imports since start (the journal keeps them for a retry)',
      [],
      (g) => g.set(importer.stats.failedImports),
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
