import { createRoute, z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { guard } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { baseUrlOf } from '../../lib/env';
import {
  clickSeriesQuerySchema,
  clickSeriesSchema,
  linkInputSchema,
  linkListQuerySchema,
  linkSchema,
} from './links.contract';
import {
  clickSeries,
  createLink,
  deleteLink,
  getLinkOrThrow,
  listCreatorLinks,
  listProgramLinks,
  setLinkDisabled,
} from './links.service';

export const linkRoutes = newRouter();
const tags = ['Links'];
const list = z.object({ items: z.array(linkSchema) });

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/links',
    tags,
    summary: 'A program’s tracked links with click totals (optionally one ambassador’s)',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: linkListQuerySchema },
    responses: { 200: jsonResponse(list, 'Links, newest first'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      {
        items: await listProgramLinks(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          c.req.valid('query'),
          baseUrlOf(c.var.services.env),
        ),
      },
      200,
    ),
);

linkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/programs/{id}/links',
    tags,
    summary: 'Create a tracked link for an ambassador of the program',
    description:
      'The destination must be an http(s) URL on one of the program’s allowed domains (or a subdomain), without credentials or its own tclid. The short URL is `/l/<slug>`.',
    middleware: [guard('tracking.write')],
    request: { params: idParams, body: jsonBody(linkInputSchema) },
    responses: { 201: jsonResponse(linkSchema, 'The new link'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await createLink(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
        baseUrlOf(c.var.services.env),
      ),
      201,
    ),
);

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/clicks/daily',
    tags,
    summary: 'Daily clicks (all, unique, bot) of a program, optionally one ambassador’s',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: clickSeriesQuerySchema },
    responses: { 200: jsonResponse(clickSeriesSchema, 'One point per UTC day'), ...errorResponses },
  }),
  async (c) => {
    const { days, ambassadorId } = c.req.valid('query');
    return c.json(
      await clickSeries(
        c.var.services.database.db,
        c.var.scope,
        { programId: c.req.valid('param').id, ambassadorId },
        days,
      ),
      200,
    );
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/creators/{id}/links',
    tags,
    summary: 'A creator’s tracked links in every program',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(list, 'Links, newest first'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      {
        items: await listCreatorLinks(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          baseUrlOf(c.var.services.env),
        ),
      },
      200,
    ),
);

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/links/{id}',
    tags,
    summary: 'One tracked link',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(linkSchema, 'The link'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getLinkOrThrow(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        baseUrlOf(c.var.services.env),
      ),
      200,
    ),
);

for (const [action, disabled] of [
  ['disable', true],
  ['enable', false],
] as const) {
  linkRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/workspaces/{workspaceId}/links/{id}/${action}`,
      tags,
      summary: disabled ? 'Disable a link (its URL answers 410 Gone)' : 'Enable a disabled link again',
      middleware: [guard('tracking.write')],
      request: { params: idParams },
      responses: { 200: jsonResponse(linkSchema, 'The link'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await setLinkDisabled(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          disabled,
          baseUrlOf(c.var.services.env),
        ),
        200,
      ),
  );
}

linkRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/links/{id}',
    tags,
    summary: 'Delete a link that has no clicks (its URL answers 404)',
    description:
      'Only a link without any recorded click can be deleted; one with clicks answers 409 and should be disabled instead, so its clicks stay as attribution and leak-scan evidence.',
    middleware: [guard('tracking.write')],
    request: { params: idParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  }),
  async (c) => {
    await deleteLink(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/links/{id}/clicks',
    tags,
    summary: 'Daily clicks (all, unique, bot) of one link',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: clickSeriesQuerySchema.pick({ days: true }) },
    responses: { 200: jsonResponse(clickSeriesSchema, 'One point per UTC day'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await clickSeries(
        c.var.services.database.db,
        c.var.scope,
        { linkId: c.req.valid('param').id },
        c.req.valid('query').days,
      ),
      200,
    ),
);

const qrQuery = z.object({ download: z.enum(['0', '1']).optional() });

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/links/{id}/qr.png',
    tags,
    summary: 'QR code of the short URL as PNG (download=1 for an attachment)',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: qrQuery },
    responses: {
      200: { content: { 'image/png': { schema: z.string() } }, description: 'PNG image' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const found = await getLinkOrThrow(
      c.var.services.database.db,
      c.var.scope,
      c.req.valid('param').id,
      baseUrlOf(c.var.services.env),
    );
    const png = await QRCode.toBuffer(found.url, { type: 'png', width: 512, margin: 2 });
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, max-age=300',
      ...(c.req.valid('query').download === '1'
        ? { 'content-disposition': `attachment; filename="link-${found.slug}.png"` }
        : {}),
    });
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/links/{id}/qr.svg',
    tags,
    summary: 'QR code of the short URL as SVG (download=1 for an attachment)',
    middleware: [guard('programs.read')],
    request: { params: idParams, query: qrQuery },
    responses: {
      200: { content: { 'image/svg+xml': { schema: z.string() } }, description: 'SVG image' },
      ...errorResponses,
    },
  }),
  async (c) => {
    const found = await getLinkOrThrow(
      c.var.services.database.db,
      c.var.scope,
      c.req.valid('param').id,
      baseUrlOf(c.var.services.env),
    );
    const svg = await QRCode.toString(found.url, { type: 'svg', margin: 2 });
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'private, max-age=300',
      ...(c.req.valid('query').download === '1'
        ? { 'content-disposition': `attachment; filename="link-${found.slug}.svg"` }
        : {}),
    });
  },
);
