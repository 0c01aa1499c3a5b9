import { describe, expect, it } from 'vitest';
import { type MetricsRequest, metricsAccess } from './metrics-access';

const token = 'scrape-token-0123456789';
const local: MetricsRequest = { authorization: undefined, socketAddress: '127.0.0.1', forwarded: false };

describe('metricsAccess', () => {
  it.each<[string, string | undefined, MetricsRequest, number | 'ok']>([
    ['a scraper on this machine', undefined, local, 'ok'],
    ['an IPv6 loopback connection', undefined, { ...local, socketAddress: '::1' }, 'ok'],
    ['an IPv4-mapped loopback connection', undefined, { ...local, socketAddress: '::ffff:127.0.0.1' }, 'ok'],
    ['another machine', undefined, { ...local, socketAddress: '203.0.113.7' }, 403],
    ['a proxy on this machine forwarding a visitor', undefined, { ...local, forwarded: true }, 403],
    ['a request without a socket', undefined, { ...local, socketAddress: undefined }, 403],
    [
      '"127.0.0.1" as part of another address',
      undefined,
      { ...local, socketAddress: '::ffff:127.0.0.1.5' },
      403,
    ],
    [
      'the token from anywhere',
      token,
      { ...local, socketAddress: '203.0.113.7', forwarded: true, authorization: `Bearer ${token}` },
      'ok',
    ],
    ['the token in lower-case "bearer"', token, { ...local, authorization: `bearer ${token}` }, 'ok'],
    ['no token when one is set, even locally', token, local, 401],
    ['a wrong token', token, { ...local, authorization: 'Bearer not-the-token-at-all' }, 401],
    ['the token as basic auth', token, { ...local, authorization: `Basic ${token}` }, 401],
    ['a prefix of the token', token, { ...local, authorization: `Bearer ${token.slice(0, -1)}` }, 401],
  ])('%s', (_, configured, request, expected) => {
    const access = metricsAccess(configured, request);
    if (expected === 'ok') expect(access).toEqual({ ok: true });
    else
      expect(access).toMatchObject({
        ok: false,
        status: expected,
        detail: expect.stringContaining('METRICS_TOKEN'),
      });
  });
});
