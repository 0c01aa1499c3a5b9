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
import {
  dueFollowUpSchema,
  followUpInputSchema,
  messageListQuerySchema,
  messageSchema,
  previewSchema,
  replyInputSchema,
  sendInputSchema,
  sendResultSchema,
  templateInputSchema,
  templateSchema,
} from './outreach.contract';
import {
  listDueFollowUps,
  listMessages,
  recordReply,
  sendFollowUp,
  sendOutreach,
} from './outreach-messages.service';
import { previewOutreach } from './outreach-render.service';
import {
  createTemplate,
  deleteTemplate,
  getTemplateOrThrow,
  listTemplates,
  updateTemplate,
} from './outreach-templates.service';

export const outreachRoutes = newRouter();
const tags = ['Outreach'];
const refusal =
  'Refused with 422 (nothing sent, nothing written) while any recipient has an unfilled placeholder or no email address; `problems` names each recipient (`recipients.<i>.<field>`) and `refused` lists them.';

outreachRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/outreach/templates',
    tags,
    summary: 'Outreach templates with their response rate',
    middleware: [guard('people.read')],
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(templateSchema) }), 'Templates'),
      ...errorResponses,
    },
  }),
  async (c) => c.json({ items: await listTemplates(c.var.services.database.db, c.var.scope) }, 200),
);

outreachRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/outreach/templates',
    tags,
    summary: 'Create an outreach template (an unknown {{field}} is refused, naming it)',
    middleware: [guard('outreach.send')],
    request: { params: workspaceParams, body: jsonBody(templateInputSchema) },
    responses: { 201: jsonResponse(templateSchema, 'The new template'), ...errorResponses },
  }),
  async (c) =>
    c.json(await createTemplate(c.var.services.database.db, c.var.scope, c.req.valid('json')), 201),
);

outreachRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/outreach/templates/{id}',
    tags,
    summary: 'One outreach template',
    middleware: [guard('people.read')],
    request: { params: idParams },
    responses: { 200: jsonResponse(templateSchema, 'The template'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getTemplateOrThrow(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
);

outreachRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/workspaces/{workspaceId}/outreach/templates/{id}',
    tags,
    summary: 'Replace an outreach template',
    middleware: [guard('outreach.send')],
    request: { params: idParams, body: jsonBody(templateInputSchema) },
    responses: { 200: jsonResponse(templateSchema, 'The updated template'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await updateTemplate(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

outreachRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/workspaces/{workspaceId}/outreach/templates/{id}',
    tags,
    summary: 'Delete an outreach template (sent messages are kept)',
    middleware: [guard('outreach.send')],
    request: { params: idParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  }),
  async (c) => {
    await deleteTemplate(c.var.services.database.db, c.var.scope, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

outreachRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/outreach/preview',
    tags,
    summary: 'Render a template for each recipient without sending',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, body: jsonBody(sendInputSchema) },
    responses: { 200: jsonResponse(previewSchema, 'One rendering per recipient'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      { items: await previewOutreach(c.var.services.database.db, c.var.scope, c.req.valid('json')) },
      200,
    ),
);

outreachRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/outreach/send',
    tags,
    summary: 'Send a template to each recipient through the outbox',
    description: refusal,
    middleware: [guard('outreach.send')],
    request: { params: workspaceParams, body: jsonBody(sendInputSchema) },
    responses: { 201: jsonResponse(sendResultSchema, 'The messages sent'), ...errorResponses },
  }),
  async (c) => {
    const { database, mailer } = c.var.services;
    return c.json({ items: await sendOutreach(database.db, c.var.scope, mailer, c.req.valid('json')) }, 201);
  },
);

outreachRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/outreach/messages',
    tags,
    summary: 'Sent outreach messages, newest first',
    middleware: [guard('people.read')],
    request: { params: workspaceParams, query: messageListQuerySchema },
    responses: {
      200: jsonResponse(z.object({ items: z.array(messageSchema) }), 'Messages'),
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json({ items: await listMessages(c.var.services.database.db, c.var.scope, c.req.valid('query')) }, 200),
);

outreachRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/outreach/messages/{id}/reply',
    tags,
    summary: 'Record the reply to a message (date and note)',
    middleware: [guard('outreach.send')],
    request: { params: idParams, body: jsonBody(replyInputSchema) },
    responses: { 200: jsonResponse(messageSchema, 'The message with its reply'), ...errorResponses },
  }),
  async (c) =>
    c.json(
      await recordReply(
        c.var.services.database.db,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
);

outreachRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/workspaces/{workspaceId}/outreach/follow-ups',
    tags,
    summary: 'Threads due a follow-up: sent N days ago (per template), unanswered, not yet followed up',
    middleware: [guard('people.read')],
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(dueFollowUpSchema) }), 'Due follow-ups'),
      ...errorResponses,
    },
  }),
  async (c) => c.json({ items: await listDueFollowUps(c.var.services.database.db, c.var.scope) }, 200),
);

outreachRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/workspaces/{workspaceId}/outreach/messages/{id}/follow-up',
    tags,
    summary: 'Send the follow-up of a thread',
    description: refusal,
    middleware: [guard('outreach.send')],
    request: { params: idParams, body: jsonBody(followUpInputSchema) },
    responses: { 201: jsonResponse(messageSchema, 'The follow-up sent'), ...errorResponses },
  }),
  async (c) => {
    const { database, mailer } = c.var.services;
    return c.json(
      await sendFollowUp(database.db, c.var.scope, mailer, c.req.valid('param').id, c.req.valid('json')),
      201,
    );
  },
);
