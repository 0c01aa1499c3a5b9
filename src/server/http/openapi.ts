// Helpers for declaring OpenAPI routes from the zod contracts with less repetition.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { validationError, zodProblems } from '../lib/app-error';
import type { AppEnv } from './context';

/** A router whose request validation failures become 422 problem+json naming each field. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(zodProblems(result.error, result.target === 'json' ? '' : result.target));
    },
  });
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  requestId: z.string(),
});

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: problemSchema } },
  description,
});

/** The error responses every workspace route can give. */
export const errorResponses = {
  401: problem('Not signed in'),
  403: problem('Role does not allow this'),
  404: problem('Not found in this workspace'),
  409: problem('Conflicts with the current state (a duplicate, or a change already made)'),
  413: problem('Request body too large'),
  422: problem('Invalid input; `problems` names each field'),
  429: problem('Too many requests; retry after the `Retry-After` header'),
} as const;

export const workspaceParams = z.object({ workspaceId: z.string() });
export const idParams = z.object({ workspaceId: z.string(), id: z.string() });
