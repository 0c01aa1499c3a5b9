import { createRoute, z } from '@hono/zod-openapi';
import { guard } from '../../http/middleware';
import { errorResponses, jsonBody, jsonResponse, newRouter } from '../../http/openapi';
import { programSchema } from '../programs/programs.contract';
import {
  abstainInputSchema,
  applicantSchema,
  decisionInputSchema,
  decisionResultSchema,
  queueSchema,
  reviewInputSchema,
  rubricInputSchema,
} from './committee.contract';
import { getApplicant, getQueue } from './committee.service';
import { abstain, decide, submitReview, updateRubric } from './committee-decisions.service';

export const committeeRoutes = newRouter();
const tags = ['Committee review'];

const programParams = z.object({ workspaceId: z.string(), programId: z.string() });
const applicantParams = programParams.extend({ ambassadorId: z.string() });
const base = '/workspaces/{workspaceId}/programs/{programId}/committee';
const conflict = {
  409: {
    content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
    description: 'Already reviewed, or the applicant is not in a reviewable stage',
  },
};

committeeRoutes.openapi(
  createRoute({
    method: 'put',
    path: `${base}/rubric`,
    tags,
    summary: 'Replace the program’s rubric (criteria with weights); past reviews keep their snapshot',
    middleware: [guard('programs.write')],
    request: { params: programParams, body: jsonBody(rubricInputSchema) },
    responses: { 200: jsonResponse(programSchema, 'The program'), ...errorResponses },
  }),
  async (c) => {
    const { programId } = c.req.valid('param');
    const { rubric } = c.req.valid('json');
    return c.json(await updateRubric(c.var.services.database.db, c.var.scope, programId, rubric), 200);
  },
);

committeeRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/queue`,
    tags,
    summary:
      'Applicants in Applied, In review or Waitlisted, with your review status; the aggregate only once you have reviewed',
    middleware: [guard('programs.read')],
    request: { params: programParams },
    responses: { 200: jsonResponse(queueSchema, 'The review queue'), ...errorResponses },
  }),
  async (c) =>
    c.json(await getQueue(c.var.services.database.db, c.var.scope, c.req.valid('param').programId), 200),
);

committeeRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/applicants/{ambassadorId}`,
    tags,
    summary:
      'One applicant: before you submit or abstain, only your status and how many reviews exist (blind scoring)',
    middleware: [guard('programs.read')],
    request: { params: applicantParams },
    responses: {
      200: jsonResponse(applicantSchema, 'The applicant and, once revealed, the reviews'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { programId, ambassadorId } = c.req.valid('param');
    return c.json(await getApplicant(c.var.services.database.db, c.var.scope, programId, ambassadorId), 200);
  },
);

committeeRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/applicants/{ambassadorId}/review`,
    tags,
    summary: 'Submit your scores (1–5 for every criterion), once; reveals the others’ scores',
    middleware: [guard('committee.score')],
    request: { params: applicantParams, body: jsonBody(reviewInputSchema) },
    responses: {
      201: jsonResponse(applicantSchema, 'The applicant with every review revealed'),
      ...errorResponses,
      ...conflict,
    },
  }),
  async (c) => {
    const { programId, ambassadorId } = c.req.valid('param');
    const result = await submitReview(
      c.var.services.database.db,
      c.var.scope,
      programId,
      ambassadorId,
      c.req.valid('json'),
    );
    return c.json(result, 201);
  },
);

committeeRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/applicants/{ambassadorId}/abstain`,
    tags,
    summary: 'Abstain from scoring (for a manager who decides): reveals the scores; you cannot score later',
    middleware: [guard('pipeline.move')],
    request: { params: applicantParams, body: jsonBody(abstainInputSchema) },
    responses: {
      201: jsonResponse(applicantSchema, 'The applicant with every review revealed'),
      ...errorResponses,
      ...conflict,
    },
  }),
  async (c) => {
    const { programId, ambassadorId } = c.req.valid('param');
    const result = await abstain(
      c.var.services.database.db,
      c.var.scope,
      programId,
      ambassadorId,
      c.req.valid('json'),
    );
    return c.json(result, 201);
  },
);

committeeRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/applicants/{ambassadorId}/decision`,
    tags,
    summary:
      'Accept, waitlist or decline (accepting into a full program waitlists); emails the creator the outcome',
    middleware: [guard('pipeline.move')],
    request: { params: applicantParams, body: jsonBody(decisionInputSchema) },
    responses: {
      200: jsonResponse(decisionResultSchema, 'Where the applicant ended up and why'),
      ...errorResponses,
      ...conflict,
    },
  }),
  async (c) => {
    const { programId, ambassadorId } = c.req.valid('param');
    const { database, mailer } = c.var.services;
    const result = await decide(
      database.db,
      mailer,
      c.var.scope,
      programId,
      ambassadorId,
      c.req.valid('json'),
    );
    return c.json(result, 200);
  },
);
