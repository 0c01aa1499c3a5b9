// Applications (R1): the public page's two routes (no session; rate-limited per address in app.ts) and
// the team's routes to read applications and save a program's application page.
import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import { applicationFormSchema } from '../programs/programs.contract';
import {
  applicationListQuerySchema,
  applicationReceiptSchema,
  applicationSchema,
  applicationSubmissionSchema,
  publicApplicationPageSchema,
} from './applications.contract';
import {
  getPublicApplicationPage,
  listApplications,
  submitApplication,
  updateApplicationForm,
} from './applications.service';

export const applicationRoutes = newRouter();
const tags = ['Applications'];
const slugParams = z.object({ slug: z.string().max(200) });
const { 401: _401, 403: _403, ...publicErrors } = errorResponses;

applicationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/public/programs/{slug}/application',
    tags,
    summary: 'The public application page of a program (404 when closed, archived or unknown)',
    request: { params: slugParams },
    responses: { 200: jsonResponse(publicApplicationPageSchema, 'What the page shows'), ...publicErrors },
  }),
  async (c) =>
    c.json(await getPublicApplicationPage(c.var.services.database.db, c.req.valid('param').slug), 200),
);

applicationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/programs/{slug}/applications',
    tags,
    summary:
      'Apply to a program. Always 202 once valid: a repeat application by the same email is not revealed. 429 with Retry-After when one address sends too many.',
    request: { params: slugParams, body: jsonBody(applicationSubmissionSchema) },
    responses: {
      202: jsonResponse(applicationReceiptSchema, 'Received (or waitlisted when the program is full)'),
      ...publicErrors,
      429: { description: 'Too many applications from this address; see Retry-After' },
    },
  }),
  async (c) => {
    const { database, mailer } = c.var.services;
    return c.json(
      await submitApplication(database.db, mailer, c.req.valid('param').slug, c.req.valid('json')),
      202,
    );
  },
);

applicationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/applications',
    tags,
    summary: 'List applications, newest first (filter by program, ambassador or creator)',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, query: applicationListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(applicationSchema) }), 'Applications'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      { items: await listApplications(c.var.services.database.db, c.var.scope, c.req.valid('query')) },
      200,
    ),
);

applicationRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/programs/{id}/application-form',
    tags,
    summary: "Save a program's public application page (open/closed, texts, colour, questions)",
    middleware: [guard('programs.write')],
    request: { params: idParams, body: jsonBody(applicationFormSchema) },
    responses: { 200: jsonResponse(applicationFormSchema, 'The saved page'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateApplicationForm(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);
