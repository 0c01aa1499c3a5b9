// The HTTP application: request ids and logs, metrics, health, better-auth, the /api/v1 routers with
// their OpenAPI document, and the built web app. A request flows: requestId → log/metrics → session →
// (workspace scope → role guard) → zod validation → thin route → service → problem+json on error.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { applyPlainValidationMessages } from '../../core/validation/messages';
import { AppError } from '../lib/app-error';
import { metricsAccess } from '../lib/metrics-access';
import { version } from '../lib/version';
import { applicationRoutes } from '../modules/applications/applications.routes';
import { briefRoutes } from '../modules/briefs/briefs.routes';
import { codeRoutes } from '../modules/codes/codes.routes';
import { committeeRoutes } from '../modules/committee/committee.routes';
import { complianceRoutes } from '../modules/compliance/compliance.routes';
import type { UploadLimits } from '../modules/content/content.contract';
import { contentRoutes } from '../modules/content/content.routes';
import { conversionRoutes } from '../modules/conversions/conversions.routes';
import { pixelRoutes } from '../modules/conversions/pixel';
import { storeRoutes } from '../modules/conversions/stores.routes';
import { webhookRoutes } from '../modules/conversions/webhooks.routes';
import { libraryRoutes } from '../modules/library/library.routes';
import { linkRoutes } from '../modules/links/links.routes';
import { listeningRoutes } from '../modules/listening/listening.routes';
import { outreachRoutes } from '../modules/outreach/outreach.routes';
import { peopleRoutes } from '../modules/people/people.routes';
import { portalRoutes } from '../modules/portal/portal.routes';
import { programRoutes } from '../modules/programs/programs.routes';
import { prospectRoutes } from '../modules/prospects/prospects.routes';
import { trackingRoutes } from '../modules/tracking/tracking.routes';
import { vettingRoutes } from '../modules/vetting/vetting.routes';
import { workspaceRoutes } from '../modules/workspaces/workspaces.routes';
import type { AppEnv, Services } from './context';
import { problemResponse } from './errors';
import { addressThrottle, loginThrottle, socketAddress } from './login-throttle';
import { loadSession, workspaceScope } from './middleware';
import { newRouter } from './openapi';

const webDist = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * The web app loads only its own scripts, and talks only to its own origin: an injected `<script>` or
 * event handler attribute would not run even if untrusted text ever reached the page as HTML. Styles may
 * be inline (Mantine sets its CSS variables in a `<style>` element and sizes through style attributes);
 * images, media and downloads may be data: or blob: URLs (QR codes, previews, CSV exports).
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** Builds the /api/v1 router with its OpenAPI document. */
function buildApi(options: AppOptions) {
  const api = newRouter();
  api.use('*', loadSession);
  api.use('/workspaces/:workspaceId/*', workspaceScope);
  api.route('/', workspaceRoutes);
  api.route('/', programRoutes);
  api.route('/', peopleRoutes);
  api.route('/', portalRoutes);
  api.route('/', vettingRoutes);
  api.route('/', committeeRoutes);
  api.route('/', applicationRoutes);
  api.route('/', prospectRoutes);
  api.route('/', outreachRoutes);
  api.route('/', storeRoutes);
  api.route('/', contentRoutes(options.uploadLimits));
  api.route('/', codeRoutes);
  api.route('/', briefRoutes);
  api.route('/', complianceRoutes);
  api.route('/', listeningRoutes);
  api.route('/', conversionRoutes);
  api.route('/', libraryRoutes);
  api.route('/', trackingRoutes);
  api.route('/', linkRoutes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Troupe API',
      version,
      description: 'Run a micro-influencer ambassador program. Errors are RFC 9457 problem+json.',
    },
  });
  return api;
}

export interface AppOptions {
  /** Sign-in attempts per window per address and per email (default 10 per 15 minutes). */
  loginLimit?: { max: number; windowMs: number };
  serveWeb?: boolean;
  /** Applications per window per client address on the public application pages (default 20 per hour). */
  applyLimit?: { max: number; windowMs: number };
  /** Caps on one submission round's media (default: content.contract's defaultUploadLimits). */
  uploadLimits?: UploadLimits;
  /** Pixel conversions per window per client address (default 60 per minute). */
  pixelLimit?: { max: number; windowMs: number };
}

export function createApp(services: Services, options: AppOptions = {}) {
  applyPlainValidationMessages();
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('logger', services.logger.child({ requestId: c.var.requestId }));
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c) || 'unmatched';
    services.metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    services.metrics.httpDuration.observe({ method: c.req.method, route }, seconds);
    c.var.logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
      'request',
    );
  });
  // Before secureHeaders: the brand's pages load /t.js cross-origin (its default CORP same-origin would block it).
  app.route('/', pixelRoutes(options.pixelLimit ? { limit: options.pixelLimit } : {}));
  app.use('*', secureHeaders({ contentSecurityPolicy, crossOriginEmbedderPolicy: false }));
  app.onError((error, c) => problemResponse(c, error));
  app.notFound((c) =>
    problemResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}.`)),
  );

  app.get('/healthz', async (c) => {
    await services.database.db.execute('select 1');
    return c.json({ status: 'ok', database: services.database.kind, version });
  });
  app.get('/metrics', async (c) => {
    const access = metricsAccess(services.env.METRICS_TOKEN, {
      header: (name) => c.req.header(name),
      socketAddress: socketAddress(c),
    });
    if (!access.ok) {
      const refused = problemResponse(
        c,
        new AppError(access.status === 401 ? 'unauthenticated' : 'forbidden', access.detail),
      );
      if (access.status === 401) refused.headers.set('www-authenticate', 'Bearer realm="metrics"');
      return refused;
    }
    return c.body(await services.metrics.registry.metrics(), 200, {
      'content-type': services.metrics.registry.contentType,
    });
  });

  const limit = options.loginLimit ?? { max: 10, windowMs: 15 * 60_000 };
  app.use('/api/auth/sign-in/*', loginThrottle({ ...limit, failuresOnly: true }));
  app.use('/api/v1/signup', loginThrottle(limit));
  app.use('/api/v1/portal/magic-link', loginThrottle(limit));
  app.use(
    '/api/v1/public/programs/:slug/applications',
    addressThrottle({ ...(options.applyLimit ?? { max: 20, windowMs: 60 * 60_000 }), what: 'applications' }),
  );
  app.on(['GET', 'POST'], '/api/auth/*', (c) => services.auth.handler(c.req.raw));
  app.route('/api/v1', buildApi(options));
  app.route('/webhooks', webhookRoutes);

  if (options.serveWeb !== false && existsSync(webDist)) {
    const indexHtml = readFileSync(`${webDist}/index.html`, 'utf8');
    app.use('/assets/*', serveStatic({ root: webDist }));
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/')) {
        return problemResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}.`));
      }
      return c.html(indexHtml);
    });
  }
  return app;
}
