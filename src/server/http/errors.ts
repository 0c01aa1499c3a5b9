// The one error model: AppError (and validation failures) become RFC 9457 problem+json responses.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, errorCodes } from '../lib/app-error';
import type { AppEnv } from './context';

/**
 * The PostgreSQL unique violation (SQLSTATE 23505) behind `error`, if any: a race that slipped past a
 * service's own uniqueness check. Drizzle wraps the driver's error in `cause`; pg and PGlite both set `code`.
 */
function uniqueViolationOf(error: unknown): { constraint: string | null } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const { code, constraint, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return { constraint: typeof constraint === 'string' ? constraint : null };
    e = cause;
  }
  return null;
}

export function problemResponse(c: Context<AppEnv>, error: unknown): Response {
  const requestId = c.get('requestId');
  let appError: AppError;
  const uniqueViolation = error instanceof AppError ? null : uniqueViolationOf(error);
  if (error instanceof AppError) {
    appError = error;
  } else if (uniqueViolation) {
    c.get('logger')?.warn({ err: error, requestId }, 'unique violation answered with 409');
    const what = uniqueViolation.constraint ? ` (${uniqueViolation.constraint})` : '';
    appError = new AppError('conflict', `This already exists${what}: reload and try again.`, {
      cause: error,
    });
  } else if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 401 ? 'unauthenticated' : status === 404 ? 'not_found' : 'bad_request';
    appError = new AppError(code, error.message || errorCodes[code].title);
  } else {
    c.get('logger')?.error({ err: error, requestId }, 'unhandled error');
    appError = new AppError('internal', `Something went wrong on our side. Quote request id ${requestId}.`);
  }
  const body = {
    type: `https://troupe.dev/problems/${appError.code}`,
    title: errorCodes[appError.code].title,
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    problems: appError.problems,
    requestId,
    ...appError.extra,
  };
  return c.body(JSON.stringify(body), appError.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}
