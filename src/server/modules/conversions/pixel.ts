// The conversion pixel (T3): `/t.js` for the brand's site keeps the click id from a tracked link in a
// first-party cookie and reports the order on the thank-you page to `POST /t/conversions`. Browsers are
// let through by CORS only from the program's allowed domains; anyone can still forge a request outside a
// browser, so pixel orders are as trustworthy as the page that sends them (prefer store webhooks). The
// conversions table marks them "unverified (pixel)" and totals their credit apart, and within a program a
// store's report of the same order id wins: the ingest answers a pixel report of a stored order as a
// duplicate and replaces the pixel's row when the store reports it later.
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { clickIdParam } from '../../../core/attribution';
import type { AppEnv } from '../../http/context';
import { problemResponse } from '../../http/errors';
import { clientAddress, HitCounter, throttleKey } from '../../http/login-throttle';
import { AppError, validationError, zodProblems } from '../../lib/app-error';
import { getTrackingSettings } from '../tracking/tracking.service';
import { pixelConversionSchema } from './conversions.contract';
import { storeConnection } from './conversions.schema';
import { ingestOrders } from './ingest.service';
import { referrerDomainOf } from './ingest-common';
import { toMinorUnits } from './orders-money';

export const pixelCookie = 'troupe_tclid';

/**
 * The script. On every page it keeps `?tclid=` in a first-party cookie for `data-window-days` (default 30);
 * `troupe.conversion({ orderId, amount, currency, email })` reports an order with the stored click id.
 * Calls made before the script loaded (`window.troupe = window.troupe || []; troupe.push([...])`) are not
 * needed: the snippet loads it synchronously before the page's own call.
 */
export const pixelScript = `/* Troupe conversion pixel */
(function () {
  var s = document.currentScript;
  if (!s) return;
  var connection = s.getAttribute('data-connection') || '';
  var days = parseInt(s.getAttribute('data-window-days') || '', 10) || 30;
  var endpoint = new URL(s.src, location.href).origin + '/t/conversions?connection=' + encodeURIComponent(connection);
  var name = '${pixelCookie}';
  var id = null;
  try { id = new URLSearchParams(location.search).get('${clickIdParam}'); } catch (e) {}
  if (id && id.length <= 128) {
    document.cookie = name + '=' + encodeURIComponent(id) + '; Max-Age=' + days * 86400 + '; Path=/; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }
  function stored() {
    var m = document.cookie.match(new RegExp('(?:^|;\\\\s*)' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }
  var troupe = (window.troupe = window.troupe || {});
  troupe.clickId = stored;
  troupe.conversion = function (order) {
    var body = JSON.stringify({
      orderId: String(order.orderId),
      amount: String(order.amount),
      currency: String(order.currency || ''),
      email: order.email || null,
      clickId: stored(),
      referrer: document.referrer || null
    });
    return fetch(endpoint, {
      method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true,
      headers: { 'content-type': 'application/json' }, body: body
    }).then(function (r) { return r.ok; }, function () { return false; });
  };
})();
`;

/** Whether `origin`'s host is one of `domains` or a subdomain of one. */
export function isAllowedOrigin(origin: string | undefined, domains: readonly string[]): boolean {
  if (!origin) return false;
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    host = url.hostname.toLowerCase();
  } catch {
    return false;
  }
  return domains.some((raw) => {
    const domain = raw
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/:].*$/, '')
      .replace(/^\*\./, '');
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
  });
}

export interface PixelOptions {
  /** Conversions per window per client address (default 60 per minute). */
  limit?: { max: number; windowMs: number };
}

/** `GET /t.js`, `OPTIONS` and `POST /t/conversions`. */
export function pixelRoutes(options: PixelOptions = {}) {
  const routes = new Hono<AppEnv>();
  const limit = options.limit ?? { max: 60, windowMs: 60_000 };
  const counter = new HitCounter({ windowMs: limit.windowMs });

  routes.get('/t.js', (c) =>
    c.body(pixelScript, 200, {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'cross-origin-resource-policy': 'cross-origin',
    }),
  );

  /** The pixel connection named in the query and its program's allowed domains, or an error answer. */
  async function resolve(c: Context<AppEnv>) {
    const id = c.req.query('connection') ?? '';
    const { db } = c.var.services.database;
    const [connection] = await db
      .select()
      .from(storeConnection)
      .where(and(eq(storeConnection.id, id), eq(storeConnection.kind, 'pixel')));
    if (!connection)
      return { error: new AppError('not_found', `No pixel connection ${id || '(none given)'}.`) };
    const settings = await getTrackingSettings(db, connection, connection.programId);
    const origin = c.req.header('origin');
    if (!isAllowedOrigin(origin, settings.allowedDomains)) {
      return {
        error: new AppError(
          'forbidden',
          `Origin ${origin ?? '(none)'} is not one of the program’s allowed domains; add it in the tracking settings.`,
        ),
      };
    }
    return { connection, origin: origin as string };
  }

  const corsHeaders = (origin: string) => ({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '86400',
    vary: 'Origin',
  });

  routes.options('/t/conversions', async (c) => {
    const found = await resolve(c);
    if ('error' in found) return problemResponse(c, found.error);
    return c.body(null, 204, corsHeaders(found.origin));
  });

  routes.post(
    '/t/conversions',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => problemResponse(c, new AppError('payload_too_large', 'A conversion is at most 16 KB.')),
    }),
    async (c) => {
      const key = throttleKey(clientAddress(c));
      if (counter.take(key, limit.max) > limit.max) {
        const response = problemResponse(
          c,
          new AppError('rate_limited', 'Too many conversions from your network.'),
        );
        response.headers.set(
          'retry-after',
          String(Math.max(1, Math.ceil(counter.retryAfterMs(key, limit.max) / 1000))),
        );
        return response;
      }
      const found = await resolve(c);
      if ('error' in found) return problemResponse(c, found.error);
      const headers = corsHeaders(found.origin);
      const answer = (error: AppError) => {
        const response = problemResponse(c, error);
        for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
        return response;
      };
      if (found.connection.disabledAt) return answer(new AppError('not_found', 'This pixel is disabled.'));
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        return answer(new AppError('bad_request', 'The body must be JSON.'));
      }
      const parsed = pixelConversionSchema.safeParse(json);
      if (!parsed.success) return answer(validationError(zodProblems(parsed.error)));
      const order = parsed.data;
      const result = await ingestOrders(c.var.services.database.db, found.connection, [
        {
          externalId: order.orderId,
          occurredAt: new Date(),
          amountMinor: toMinorUnits(order.amount, order.currency) ?? 0,
          currency: order.currency,
          customerEmail: order.email ?? null,
          codes: [],
          clickId: order.clickId,
          landingUrl: order.landingUrl,
          referrerDomain: referrerDomainOf(order.referrer),
        },
      ]);
      // The answer says only whether it was new: attribution is not the page's business.
      return c.json({ status: result.created > 0 ? 'recorded' : 'duplicate' }, 200, headers);
    },
  );
  return routes;
}
