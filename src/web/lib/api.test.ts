import { describe, expect, it } from 'vitest';
import { apiPath, toApiError, withQuery } from './api';

describe('toApiError', () => {
  it('reads problem+json: detail, code and field problems', () => {
    const body = JSON.stringify({
      title: 'Validation failed',
      status: 422,
      detail: 'persona.followerMax: must not be below followerMin',
      code: 'validation_failed',
      problems: [{ field: 'persona.followerMax', message: 'must not be below followerMin' }],
      requestId: 'req-1',
    });
    const error = toApiError(422, 'Unprocessable Entity', body);
    expect(error.status).toBe(422);
    expect(error.detail).toBe('persona.followerMax: must not be below followerMin');
    expect(error.code).toBe('validation_failed');
    expect(error.problems).toEqual([
      { field: 'persona.followerMax', message: 'must not be below followerMin' },
    ]);
    expect(error.requestId).toBe('req-1');
  });

  it('reads better-auth errors, which carry a message', () => {
    expect(
      toApiError(
        401,
        'Unauthorized',
        '{"code":"INVALID_EMAIL_OR_PASSWORD","message":"Invalid email or password"}',
      ).detail,
    ).toBe('Invalid email or password');
  });

  it('explains bodies that are not JSON, and unreachable servers', () => {
    expect(toApiError(502, 'Bad Gateway', '<html>').detail).toBe('The server answered 502 Bad Gateway.');
    expect(toApiError(0, '', '').detail).toMatch(/Could not reach the server/);
  });
});

describe('withQuery and apiPath', () => {
  it('adds only the parameters that have a value', () => {
    expect(
      withQuery('/creators', {
        q: 'ada lovelace',
        programId: undefined,
        stage: '',
        limit: 25,
        dryRun: false,
      }),
    ).toBe('/creators?q=ada+lovelace&limit=25&dryRun=false');
    expect(withQuery('/creators', {})).toBe('/creators');
  });

  it('prefixes API v1 paths but leaves auth paths alone', () => {
    expect(apiPath('/me')).toBe('/api/v1/me');
    expect(apiPath('/api/auth/sign-out')).toBe('/api/auth/sign-out');
  });
});
