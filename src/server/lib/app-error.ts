// The one error type services throw; http/errors.ts turns it into an RFC 9457 problem+json response.
import type { ZodError } from 'zod';

/** The closed set of error codes, each with its HTTP status and a title shown to API users. */
export const errorCodes = {
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 422, title: 'Validation failed' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  /** A webhook delivery not signed with its connection's secret. */
  bad_signature: { status: 401, title: 'Signature not valid' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  illegal_transition: { status: 409, title: 'Stage change not allowed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One field-level problem: `field` is a dotted path such as `persona.followerMin` or `line 4: email`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: FieldProblem[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** Throws a not_found AppError naming the missing thing, e.g. `notFound('program', id)`. */
export function notFound(kind: string, id: string): AppError {
  return new AppError('not_found', `No ${kind} with id ${id} in this workspace.`);
}

/** Converts zod issues to field problems such as `{field: "persona.followerMax", message: "..."}`. */
export function zodProblems(error: ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Builds the validation AppError whose detail names every field and its problem. */
export function validationError(problems: FieldProblem[]): AppError {
  const detail = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new AppError('validation_failed', detail, { problems });
}
