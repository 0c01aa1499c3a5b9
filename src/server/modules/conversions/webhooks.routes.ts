// The store webhook endpoints, outside /api/v1: they need the raw body for the signature, and a store (not
// a browser) calls them. Each connection has its own URL and secret.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isWebhookKind } from '../../../core/stores/kinds';
import type { AppEnv } from '../../http/context';
import { problemResponse } from '../../http/errors';
import { AppError } from '../../lib/app-error';
import { handleWebhook } from './webhooks';

export const webhookRoutes = new Hono<AppEnv>();

webhookRoutes.post(
  '/:kind/:connectionId',
  bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: (c) => problemResponse(c, new AppError('payload_too_large', 'A delivery may be at most 2 MB.')),
  }),
  async (c) => {
    const kind = c.req.param('kind');
    if (!isWebhookKind(kind)) {
      return problemResponse(c, new AppError('not_found', `No webhook endpoint for "${kind}".`));
    }
    const rawBody = await c.req.text();
    const outcome = await handleWebhook(c.var.services.database.db, {
      kind,
      connectionId: c.req.param('connectionId'),
      header: (name) => c.req.header(name),
      rawBody,
    });
    if (outcome.problem) return problemResponse(c, new AppError(outcome.problem, outcome.detail));
    return c.json({ status: outcome.status ?? 'ignored', detail: outcome.detail }, outcome.httpStatus as 200);
  },
);
