// Who may read /metrics, asked by the app server and by the redirector process (which loads nothing of
// server/http). Pure: the caller reads the request.
import { createHash, timingSafeEqual } from 'node:crypto';

/** What a /metrics request brings to be let in. */
export interface MetricsRequest {
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** The address of the connection's other end (undefined when there is no socket, as in tests). */
  socketAddress: string | undefined;
}

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; detail: string };

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const forwardingHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /metrics (click volumes and process figures are the brand's business): with `METRICS_TOKEN`
 * set, whoever sends it as a bearer token; without it, only a scraper on this machine talking to Troupe
 * directly (a loopback connection with no proxy header; a proxy on this machine connects from loopback too).
 * @example metricsAccess(undefined, { header: () => undefined, socketAddress: '127.0.0.1' }) // { ok: true }
 */
export function metricsAccess(token: string | undefined, request: MetricsRequest): MetricsAccess {
  if (token) {
    const sent = /^Bearer +(\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
    if (sent && timingSafeEqual(digest(sent), digest(token))) return { ok: true };
    return {
      ok: false,
      status: 401,
      detail: sent
        ? 'The bearer token is not METRICS_TOKEN.'
        : 'Send METRICS_TOKEN as a bearer token (Authorization: Bearer <token>).',
    };
  }
  const forwarded = forwardingHeaders.some((name) => request.header(name) !== undefined);
  if (!forwarded && request.socketAddress && loopback.test(request.socketAddress)) return { ok: true };
  return {
    ok: false,
    status: 403,
    detail: 'Metrics are served only to this machine. Set METRICS_TOKEN to scrape them from elsewhere.',
  };
}
