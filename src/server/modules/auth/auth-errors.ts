import { AppError, type ErrorCode } from '../../lib/app-error';

/** Turns an error thrown by a better-auth API call into an AppError with its message; others pass through. */
export function fromAuthError(error: unknown): unknown {
  const e = error as { statusCode?: unknown; body?: { message?: unknown } };
  if (typeof e?.statusCode !== 'number') return error;
  const byStatus: Record<number, ErrorCode> = {
    400: 'bad_request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    422: 'conflict',
    429: 'rate_limited',
  };
  const message = typeof e.body?.message === 'string' ? e.body.message : 'Authentication failed.';
  return new AppError(byStatus[e.statusCode] ?? 'bad_request', message);
}
