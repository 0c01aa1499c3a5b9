import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-access';

const token = 'scrape-token-0123456789';

/** A request as the table gives it: its headers (lower-case names) and socket address. */
interface Case {
  headers?: Record<string, string>;
  socketAddress: string | undefined;
}
const local: Case = { socketAddress: '127.0.0.1' };
const proxied = (name: string): Case => ({ ...local, headers: { [name]: '203.0.113.7' } });
const bearer = (value: string, from: Case = local): Case => ({
  ...from,
  headers: { ...from.headers, authorization: value },
});

describe('metricsAccess', () => {
  it.each<[string, string | undefined, Case, number | 'ok']>([
    ['a scraper on this machine', undefined, local, 'ok'],
    ['an IPv6 loopback connection', undefined, { socketAddress: '::1' }, 'ok'],
    ['an IPv4-mapped loopback connection', undefined, { socketAddress: '::ffff:127.0.0.1' }, 'ok'],
    ['another machine', undefined, { socketAddress: '203.0.113.7' }, 403],
    ['a proxy on this machine forwarding a visitor', undefined, proxied('x-forwarded-for'), 403],
    ['a proxy saying Forwarded', undefined, proxied('forwarded'), 403],
    ['a proxy saying X-Real-IP', undefined, proxied('x-real-ip'), 403],
    ['a request without a socket', undefined, { socketAddress: undefined }, 403],
    ['"127.0.0.1" as part of another address', undefined, { socketAddress: '::ffff:127.0.0.1.5' }, 403],
    [
      'the token from anywhere',
      token,
      bearer(`Bearer ${token}`, { ...proxied('x-forwarded-for'), socketAddress: '203.0.113.7' }),
      'ok',
    ],
    ['the token in lower-case "bearer"', token, bearer(`bearer ${token}`), 'ok'],
    ['no token when one is set, even locally', token, local, 401],
    ['a wrong token', token, bearer('Bearer not-the-token-at-all'), 401],
    ['the token as basic auth', token, bearer(`Basic ${token}`), 401],
    ['a prefix of the token', token, bearer(`Bearer ${token.slice(0, -1)}`), 401],
  ])('%s', (_, configured, request, expected) => {
    const access = metricsAccess(configured, {
      header: (name) => request.headers?.[name],
      socketAddress: request.socketAddress,
    });
    if (expected === 'ok') expect(access).toEqual({ ok: true });
    else
      expect(access).toMatchObject({
        ok: false,
        status: expected,
        detail: expect.stringContaining('METRICS_TOKEN'),
      });
  });
});
