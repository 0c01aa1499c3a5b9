// Throttles sign-in attempts: at most `max` per window per email address and `max × 10` per client
// address (offices share one), so neither one address guessing many passwords nor many addresses
// guessing one account get far.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/app-error';
import type { AppEnv } from './context';

export interface ThrottleOptions {
  max: number;
  windowMs: number;
  now?: () => number;
}

export function loginThrottle(options: ThrottleOptions) {
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();

  function take(key: string): number {
    const t = now();
    const recent = (hits.get(key) ?? []).filter((at) => t - at < options.windowMs);
    recent.push(t);
    hits.set(key, recent);
    if (hits.size > 50_000) hits.clear(); // bound memory under a flood; losing counts only loosens limits briefly
    return recent.length;
  }

  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const address =
      (c.var.services.env.TRUST_PROXY ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined) ??
      (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
        ?.remoteAddress ??
      'local';
    let email = '';
    try {
      const body = (await c.req.raw.clone().json()) as { email?: unknown };
      if (typeof body.email === 'string') email = body.email.trim().toLowerCase();
    } catch {
      // not JSON: the handler will answer with its own validation error
    }
    const isOver =
      take(`ip:${address}`) > options.max * 10 || (email !== '' && take(`email:${email}`) > options.max);
    if (isOver) {
      const minutes = Math.ceil(options.windowMs / 60_000);
      throw new AppError(
        'rate_limited',
        `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
    await next();
  });
}
