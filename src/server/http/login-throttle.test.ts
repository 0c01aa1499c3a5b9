import { type Handler, Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Services } from './context';
import { problemResponse } from './errors';
import { HitCounter, loginThrottle, throttleKey } from './login-throttle';

/** A Hono app with the throttle in front of `POST /sign-in` (problem+json errors, as in the real app). */
function appWith(
  trustProxy: boolean,
  throttle: Parameters<typeof loginThrottle>[0],
  handler: Handler<AppEnv>,
) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', { env: { TRUST_PROXY: trustProxy } } as unknown as Services);
    await next();
  });
  app.onError((error, c) => problemResponse(c, error));
  app.use('/sign-in', loginThrottle(throttle));
  app.post('/sign-in', handler);
  return app;
}

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('HitCounter', () => {
  it('keeps at most limit + 1 hits per key, so hammering costs constant memory and stays blocked', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 1000, now: time.now });
    for (let i = 0; i < 10_000; i++) counter.take('a', 3);
    expect(counter.take('a', 3)).toBe(4);
    time.advance(999);
    expect(counter.take('a', 3)).toBe(4); // the newest hits are still in the window
    time.advance(1000);
    expect(counter.take('a', 3)).toBe(1);
  });

  it('counts hits within the window and forgets older ones', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 1000, now: time.now });
    expect([counter.take('a', 100), counter.take('a', 100), counter.take('b', 100)]).toEqual([1, 2, 1]);
    time.advance(1000);
    expect(counter.take('a', 100)).toBe(1);
  });

  it('evicts keys whose hits left the window before any live counter', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 60_000, now: time.now, maxKeys: 100 });
    for (let i = 0; i < 90; i++) counter.take(`stale:${i}`, 100);
    time.advance(60_000);
    for (let i = 0; i < 3; i++) counter.take('email:victim@example.com', 100);
    for (let i = 0; i < 20; i++) counter.take(`flood:${i}`, 100);
    expect(counter.size).toBeLessThanOrEqual(100);
    expect(counter.take('email:victim@example.com', 100)).toBe(4);
  });

  it('stays bounded under a flood of live keys, dropping the least recently seen', () => {
    const time = clock();
    const counter = new HitCounter({ windowMs: 60_000, now: time.now, maxKeys: 100 });
    counter.take('email:early@example.com', 100);
    for (let i = 0; i < 50; i++) {
      time.advance(1);
      counter.take(`flood:${i}`, 100);
    }
    time.advance(1);
    counter.take('email:early@example.com', 100); // seen again: now among the most recent
    counter.take('email:early@example.com', 100);
    for (let i = 50; i < 1000; i++) {
      time.advance(1);
      counter.take(`flood:${i}`, 100);
      expect(counter.size).toBeLessThanOrEqual(100);
      if (i === 120) expect(counter.take('email:early@example.com', 100)).toBe(4);
    }
    expect(counter.take('flood:0', 100)).toBe(1); // long evicted
  });
});

describe('loginThrottle behind a proxy', () => {
  const app = appWith(true, { max: 1, windowMs: 60_000 }, (c) => c.body(null, 204));
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

describe('loginThrottle counting failures only', () => {
  const app = appWith(false, { max: 2, windowMs: 60_000, failuresOnly: true }, async (c) => {
    const { password } = (await c.req.json()) as { password: string };
    return c.body(null, password === 'right' ? 200 : 401);
  });
  const signIn = (email: string, password: string) =>
    app.request('/sign-in', { method: 'POST', body: JSON.stringify({ email, password }) });

  it('lets a person sign in again and again, and stops guessing after `max` failures', async () => {
    for (let i = 0; i < 25; i++) expect((await signIn('ana@example.com', 'right')).status).toBe(200);
    expect((await signIn('bo@example.com', 'wrong')).status).toBe(401);
    expect((await signIn('bo@example.com', 'wrong')).status).toBe(401);
    expect((await signIn('bo@example.com', 'right')).status).toBe(429);
    expect((await signIn('ana@example.com', 'right')).status).toBe(200);
  });
});

describe('throttleKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:1234:5678:8a2e:370:7334', '2001:db8:85a3:1234::/64'],
    ['2001:db8:85a3:1234::1', '2001:db8:85a3:1234::/64'],
    ['2001:DB8:85A3:1234:ffff::2', '2001:db8:85a3:1234::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['local', 'local'],
  ])('%s → %s', (address, key) => {
    expect(throttleKey(address)).toBe(key);
  });
});
