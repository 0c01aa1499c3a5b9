import { createRoute } from '@hono/zod-openapi';
import { guard } from '../../http/middleware';
import { errorResponses, idParams, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { trackingSettingsInputSchema, trackingSettingsSchema } from './tracking.contract';
import { getTrackingSettingsView, saveTrackingSettings } from './tracking.service';

export const trackingRoutes = newRouter();
const tags = ['Tracking'];

trackingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/programs/{id}/tracking',
    tags,
    summary: 'A program’s tracking settings (defaults until first saved)',
    middleware: [guard('programs.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(trackingSettingsSchema, 'The settings'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await getTrackingSettingsView(c.var.services.database.db, c.var.scope, c.req.valid('param').id),
      200,
    ),
);

trackingRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/programs/{id}/tracking',
    tags,
    summary: 'Save a program’s tracking settings',
    description:
      'Allowed domains are hostnames (subdomains included; IDNs stored as punycode). UTM values may use {program}, {handle} and {campaign}; an empty content means the ambassador’s handle. Attribution: windowDays 1–365, precedence code|click (default code: a code is explicit evidence typed at checkout), blockSelfReferral. Codes: codePattern uses {HANDLE}, {NAME}, {PERCENT}, {YEAR}, {RANDOM4}, {RANDOM6} and must contain {HANDLE}, {NAME} or a RANDOM token; codePercent is a whole number 1–100 (as text). Both are checked with the code generator’s rules when saved.',
    middleware: [guard('tracking.write')],
    request: { params: idParams, body: jsonBody(trackingSettingsInputSchema) },
    responses: { 200: jsonResponse(trackingSettingsSchema, 'The saved settings'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await saveTrackingSettings(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
