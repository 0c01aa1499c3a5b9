import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Services } from './context';
import { problemResponse } from './errors';
import { HitCounter, loginThrottle } from './login-throttle';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('HitCounter', () => {
  it('counts hits within the window and forgets older ones', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 1000, now: time.now });
    expect([counter.take('a'), counter.take('a'), counter.take('b')]).toEqual([1, 2, 1]);
    time.advance(1000);
    expect(counter.take('a')).toBe(1);
  });

  it('evicts keys whose hits left the window before any live counter', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 60_000, now: time.now, maxKeys: 100 });
    for (let i = 0; i < 90; i++) counter.take(`stale:${i}`);
    time.advance(60_000);
    for (let i = 0; i < 3; i++) counter.take('email:victim@example.com');
    for (let i = 0; i < 20; i++) counter.take(`flood:${i}`);
    expect(counter.size).toBeLessThanOrEqual(100);
    expect(counter.take('email:victim@example.com')).toBe(4);
  });

  it('stays bounded under a flood of live keys, dropping the least recently seen', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 60_000, now: time.now, maxKeys: 100 });
    counter.take('email:early@example.com');
    for (let i = 0; i < 50; i++) {
      time.advance(1);
      counter.take(`flood:${i}`);
    }
    time.advance(1);
    counter.take('email:early@example.com'); // seen again: now among the most recent
    counter.take('email:early@example.com');
    for (let i = 50; i < 1000; i++) {
      time.advance(1);
      counter.take(`flood:${i}`);
      expect(counter.size).toBeLessThanOrEqual(100);
      if (i === 120) expect(counter.take('email:early@example.com')).toBe(4);
    }
    expect(counter.take('flood:0')).toBe(1); // long evicted
  });
});

describe('loginThrottle behind a proxy', () => {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', { env: { TRUST_PROXY: true } } as unknown as Services);
    await next();
  });
  app.onError((error, c) => problemResponse(c, error));
  app.use('/sign-in', loginThrottle({ max: 1, windowMs: 60_000 }));
  app.post('/sign-in', (c) => c.body(null, 204));
  const signIn = (forwardedFor: string) =>
    app.request('/sign-in', { method: 'POST', headers: { 'x-forwarded-for': forwardedFor } });

  it('keys on the address our proxy appended, not on what the client put before it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(`10.0.0.${i}, 203.0.113.7`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 204)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await signIn('203.0.113.7, 198.51.100.1')).status).toBe(204);
  });
});
