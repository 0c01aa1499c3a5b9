// Throttles sign-in attempts: at most `max` per window per email address and `max × 10` per client
// address (offices share one), so neither one address guessing many passwords nor many addresses
// guessing one account get far. `addressThrottle` limits any public form per client address.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/app-error';
import type { AppEnv } from './context';
import { problemResponse } from './errors';

export interface ThrottleOptions {
  max: number;
  windowMs: number;
  now?: () => number;
  /** How many keys (addresses and emails) to remember at most; default 50 000. */
  maxKeys?: number;
}

/**
 * Recent hits per key within a sliding window, in bounded memory. Keys are kept in order of their newest
 * hit, so when there are too many, those whose hits have all left the window go first and only then the
 * least recently seen: a flood of new keys cannot wipe the counters of keys that are being tried now.
 */
export class HitCounter {
  private readonly hits = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: { windowMs: number; now?: () => number; maxKeys?: number }) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /**
   * Records a hit for `key` and returns how many it has had within the window, this one included, counting
   * up to `limit + 1`: only that many timestamps are kept, so a client hammering away costs constant memory
   * and time, and stays blocked until its newest `limit + 1` hits have left the window.
   */
  take(key: string, limit: number): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.options.windowMs);
    recent.push(t);
    if (recent.length > limit + 1) recent.splice(0, recent.length - (limit + 1));
    this.hits.delete(key); // re-inserted last: the map stays ordered by newest hit
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.evict(t);
    return recent.length;
  }

  /** Takes back the newest hit of `key` (an attempt that turned out not to count). */
  giveBack(key: string): void {
    this.hits.get(key)?.pop();
  }

  /** How long until `key` may make another hit without exceeding `max` within the window. */
  retryAfterMs(key: string, max: number): number {
    const times = this.hits.get(key) ?? [];
    const blocking = times[times.length - max];
    return blocking === undefined ? 0 : Math.max(0, blocking + this.options.windowMs - this.now());
  }

  get size(): number {
    return this.hits.size;
  }

  private evict(t: number): void {
    for (const [key, times] of this.hits) {
      if (t - (times.at(-1) ?? 0) < this.options.windowMs) break;
      this.hits.delete(key);
    }
    if (this.hits.size <= this.maxKeys) return;
    // Still too many live keys: drop the least recently seen, down to 90% so this does not run every time.
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= target) break;
      this.hits.delete(key);
    }
  }
}

/**
 * The caller's address. Behind a proxy (TRUST_PROXY) it is the right-most X-Forwarded-For entry, the one
 * our proxy appended; entries to its left arrive from the client and can say anything.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.services.env.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress(c) ?? 'local';
}

/** The address of the connection's other end; undefined without a socket (requests made in tests). */
export function socketAddress(c: Context<AppEnv>): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
}

/**
 * The key a client is throttled by: its IPv4 address, or the /64 network of an IPv6 address (one host
 * usually holds a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function throttleKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/**
 * With `failuresOnly`, an attempt the handler accepts (a 2xx: a successful sign-in) gives its hits back, so
 * only failed attempts count: a team signing in from one office never locks itself out.
 */
export function loginThrottle(options: ThrottleOptions & { failuresOnly?: boolean }) {
  const counter = new HitCounter(options);

  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const address = throttleKey(clientAddress(c));
    let email = '';
    try {
      const body = (await c.req.raw.clone().json()) as { email?: unknown };
      if (typeof body.email === 'string') email = body.email.trim().toLowerCase();
    } catch {
      // not JSON: the handler will answer with its own validation error
    }
    const keys = [`ip:${address}`, ...(email === '' ? [] : [`email:${email}`])];
    const isOver =
      counter.take(`ip:${address}`, options.max * 10) > options.max * 10 ||
      (email !== '' && counter.take(`email:${email}`, options.max) > options.max);
    if (isOver) {
      const minutes = Math.ceil(options.windowMs / 60_000);
      throw new AppError(
        'rate_limited',
        `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
    await next();
    if (options.failuresOnly && c.res.status < 300) for (const key of keys) counter.giveBack(key);
  });
}

/**
 * Limits POSTs from one client address to `max` per window (public forms such as the application page).
 * Over the limit: 429 problem+json with Retry-After in seconds.
 */
export function addressThrottle(options: ThrottleOptions & { what: string }) {
  const counter = new HitCounter(options);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = throttleKey(clientAddress(c));
    if (counter.take(key, options.max) > options.max) {
      const seconds = Math.max(1, Math.ceil(counter.retryAfterMs(key, options.max) / 1000));
      const minutes = Math.ceil(seconds / 60);
      const response = problemResponse(
        c,
        new AppError(
          'rate_limited',
          `Too many ${options.what} from your network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        ),
      );
      response.headers.set('retry-after', String(seconds));
      return response;
    }
    await next();
  });
}
