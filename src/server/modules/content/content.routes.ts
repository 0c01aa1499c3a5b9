// HTTP routes of content submissions: the portal's (multipart uploads, the live compliance check, own media)
// and the team's (review queue, review page, comments, decisions, media).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/context';
import { ambassadorScope, guard } from '../../http/middleware';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  newRouter,
  workspaceParams,
} from '../../http/openapi';
import { AppError, validationError, zodProblems } from '../../lib/app-error';
import { baseUrlOf } from '../../lib/env';
import {
  commentInputSchema,
  commentSchema,
  decisionInputSchema,
  defaultUploadLimits,
  portalCheckResultSchema,
  portalCheckSchema,
  queueQuerySchema,
  resubmitFieldsSchema,
  submissionDetailSchema,
  submissionFieldsSchema,
  submissionListSchema,
  type UploadLimits,
} from './content.contract';
import {
  checkPortalCaption,
  createSubmission,
  getOwnSubmission,
  listOwnSubmissions,
  resubmit,
} from './content.service';
import {
  type MediaContent,
  readAmbassadorMedia,
  readWorkspaceMedia,
  type Upload,
} from './content-media.service';
import { addComment, decide, getSubmission, listSubmissions } from './content-review.service';

const portalTags = ['Ambassador portal'];
const tags = ['Content review'];

/** `inline; filename="…"` with an ASCII fallback and the UTF-8 name, so no name can break the header. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 150) || 'file';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function mediaResponse(media: MediaContent): Response {
  return new Response(media.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': media.contentType,
      'content-length': String(media.bytes.byteLength),
      'content-disposition': contentDisposition(media.originalName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    },
  });
}

/** The text fields and files of a multipart body; anything else is a 400 that says what to send. */
async function readMultipart(c: Context<AppEnv>) {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'Send the draft as multipart/form-data (fields plus media files).');
  }
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string') fields[key] ??= v;
      else if (key === 'media' || key === 'media[]')
        uploads.push({ name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
    }
  }
  return { fields, uploads };
}

function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.output<T> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw validationError(zodProblems(parsed.error));
  return parsed.data;
}

const multipartDoc = (description: string) => ({
  content: { 'multipart/form-data': { schema: z.object({}).openapi({ description }) } },
});

/** The content routes; `limits` caps each round's uploads (tests pass small ones). */
export function contentRoutes(limits: UploadLimits = defaultUploadLimits) {
  const routes = newRouter();
  const uploadLimit = bodyLimit({
    // The files plus the form's own fields and boundaries.
    maxSize: limits.maxTotalBytes + 1024 * 1024,
    onError: () => {
      throw new AppError('payload_too_large', 'The upload is too large for one round.', {
        problems: [
          {
            field: 'media',
            message: `one round may upload at most ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`,
          },
        ],
      });
    },
  });
  const depsOf = (c: Context<AppEnv>) => ({
    storage: c.var.services.storage,
    limits,
    baseUrl: baseUrlOf(c.var.services.env),
  });

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/portal/submissions',
      tags: portalTags,
      summary: 'Your submissions, newest first',
      middleware: [ambassadorScope],
      responses: { 200: jsonResponse(submissionListSchema, 'Submissions'), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: await listOwnSubmissions(c.var.services.database.db, c.var.ambassador) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/portal/submissions',
      tags: portalTags,
      summary: 'Submit a draft: programId, briefId, platform, format, caption, plannedAt and `media` files',
      description:
        'multipart/form-data. Media: JPEG, PNG, WebP, GIF, MP4, MOV or WebM, checked by content; at most ' +
        `${limits.maxFiles} files, images ${limits.maxImageBytes / 1024 / 1024} MB, videos ` +
        `${limits.maxVideoBytes / 1024 / 1024} MB. The caption is checked at once against the brief: ` +
        '`briefId` (optional) ' +
        'names one of the program’s current briefs (`GET /portal/briefs`; 422 otherwise), e.g. a campaign’s; ' +
        'without it, the standing brief. Resubmissions are checked against the same brief.',
      middleware: [ambassadorScope, uploadLimit],
      request: {
        body: multipartDoc('programId, briefId, platform, format, caption, plannedAt, media (files)'),
      },
      responses: {
        201: jsonResponse(submissionDetailSchema, 'Submitted, with its compliance result'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { fields, uploads } = await readMultipart(c);
      const input = parseFields(submissionFieldsSchema, fields);
      const created = await createSubmission(
        c.var.services.database.db,
        c.var.ambassador,
        input,
        uploads,
        depsOf(c),
      );
      return c.json(created, 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/portal/submissions/{id}',
      tags: portalTags,
      summary: 'One of your submissions with every round and the reviewer’s comments',
      middleware: [ambassadorScope],
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: jsonResponse(submissionDetailSchema, 'Submission'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await getOwnSubmission(c.var.services.database.db, c.var.ambassador, c.req.valid('param').id),
        200,
      ),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/portal/submissions/{id}/rounds',
      tags: portalTags,
      summary:
        'Resubmit after changes were requested: a new caption, and new `media` files to replace the old',
      middleware: [ambassadorScope, uploadLimit],
      request: {
        params: z.object({ id: z.string() }),
        body: multipartDoc('caption, media (files, optional)'),
      },
      responses: { 201: jsonResponse(submissionDetailSchema, 'The new round'), ...errorResponses },
    }),
    async (c) => {
      const { fields, uploads } = await readMultipart(c);
      const { caption } = parseFields(resubmitFieldsSchema, fields);
      const detail = await resubmit(
        c.var.services.database.db,
        c.var.ambassador,
        c.req.valid('param').id,
        caption,
        uploads,
        depsOf(c),
      );
      return c.json(detail, 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/portal/compliance/check',
      tags: portalTags,
      summary: 'Check a caption against your brief before submitting (stores nothing)',
      description:
        '`briefId` (optional): one of the program’s current briefs; without it, the standing brief.',
      middleware: [ambassadorScope],
      request: { body: jsonBody(portalCheckSchema) },
      responses: {
        200: jsonResponse(portalCheckResultSchema, 'Each rule, passed or failed'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await checkPortalCaption(
          c.var.services.database.db,
          c.var.ambassador,
          c.req.valid('json'),
          baseUrlOf(c.var.services.env),
        ),
        200,
      ),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/portal/media/{id}',
      tags: portalTags,
      summary: 'A media file of one of your submissions',
      middleware: [ambassadorScope],
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: 'The file, with its stored type' }, ...errorResponses },
    }),
    async (c) => {
      const { database, storage } = c.var.services;
      return mediaResponse(
        await readAmbassadorMedia(database.db, storage, c.var.ambassador, c.req.valid('param').id),
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/workspaces/{workspaceId}/submissions',
      tags,
      summary: 'The review queue: submissions, longest waiting first, with the 24-hour SLA',
      middleware: [guard('programs.read')],
      request: { params: workspaceParams, query: queueQuerySchema },
      responses: { 200: jsonResponse(submissionListSchema, 'Submissions'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        { items: await listSubmissions(c.var.services.database.db, c.var.scope, c.req.valid('query')) },
        200,
      ),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/workspaces/{workspaceId}/submissions/{id}',
      tags,
      summary: 'A submission with every round, its compliance results, comments and media',
      middleware: [guard('programs.read')],
      request: { params: idParams },
      responses: { 200: jsonResponse(submissionDetailSchema, 'Submission'), ...errorResponses },
    }),
    async (c) =>
      c.json(await getSubmission(c.var.services.database.db, c.var.scope, c.req.valid('param').id), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/workspaces/{workspaceId}/submissions/{id}/comments',
      tags,
      summary: 'Comment on the current round, optionally anchored to a span of the caption',
      middleware: [guard('content.review')],
      request: { params: idParams, body: jsonBody(commentInputSchema) },
      responses: { 201: jsonResponse(commentSchema, 'The comment'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await addComment(
          c.var.services.database.db,
          c.var.scope,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/workspaces/{workspaceId}/submissions/{id}/decision',
      tags,
      summary:
        'Approve or request changes; approval past a failing must rule needs a manager’s override reason',
      middleware: [guard('content.review')],
      request: { params: idParams, body: jsonBody(decisionInputSchema) },
      responses: { 200: jsonResponse(submissionDetailSchema, 'The decided submission'), ...errorResponses },
    }),
    async (c) => {
      const { database, mailer, env } = c.var.services;
      const detail = await decide(database.db, c.var.scope, c.req.valid('param').id, c.req.valid('json'), {
        mailer,
        baseUrl: baseUrlOf(env),
      });
      return c.json(detail, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/workspaces/{workspaceId}/media/{id}',
      tags,
      summary: 'A submitted media file, with its stored type',
      middleware: [guard('programs.read')],
      request: { params: idParams },
      responses: { 200: { description: 'The file' }, ...errorResponses },
    }),
    async (c) => {
      const { database, storage } = c.var.services;
      return mediaResponse(
        await readWorkspaceMedia(database.db, storage, c.var.scope, c.req.valid('param').id),
      );
    },
  );

  return routes;
}
