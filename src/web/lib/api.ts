// The one way the web app talks to the server: JSON over fetch with the session cookie, and
// problem+json errors turned into ApiError (status, detail, field problems).

export interface FieldProblem {
  field: string;
  message: string;
}

/** A failed API call, carrying the server's problem+json fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly problems: FieldProblem[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    detail: string;
    code?: string;
    title?: string;
    problems?: FieldProblem[];
    requestId?: string | null;
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code ?? 'error';
    this.title = init.title ?? 'Request failed';
    this.problems = init.problems ?? [];
    this.requestId = init.requestId ?? null;
  }

  get detail(): string {
    return this.message;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Turns a response body (problem+json, better-auth's `{message}`, or anything) into an ApiError. */
export function toApiError(status: number, statusText: string, text: string): ApiError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: a proxy error page, say
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const problems = Array.isArray(body.problems)
    ? body.problems.filter(
        (p): p is FieldProblem =>
          !!p && typeof p === 'object' && typeof p.field === 'string' && typeof p.message === 'string',
      )
    : [];
  const detail =
    str(body.detail) ??
    str(body.message) ??
    (status === 0
      ? 'Could not reach the server. Check your connection and try again.'
      : `The server answered ${status} ${statusText}.`);
  return new ApiError({
    status,
    detail,
    code: str(body.code),
    title: str(body.title),
    problems,
    requestId: str(body.requestId) ?? null,
  });
}

type QueryValue = string | number | boolean | null | undefined;

/** Appends the defined, non-empty parameters to `path`. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The absolute path of an API route: `/me` → `/api/v1/me`; `/api/...` stays as it is. */
export function apiPath(path: string): string {
  return path.startsWith('/api/') ? path : `/api/v1${path}`;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON (undefined for 204); throws ApiError on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiPath(path), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toApiError(0, '', '');
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, response.statusText, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` receives 0–100.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  options: { contentType: string; onProgress?: (percent: number) => void },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiPath(path));
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.upload.onload = () => options.onProgress?.(100);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(toApiError(xhr.status, xhr.statusText, ''));
        }
      } else {
        reject(toApiError(xhr.status, xhr.statusText, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(toApiError(0, '', ''));
    xhr.send(file);
  });
}
