// Cross-cutting behaviour: the OpenAPI document, the problem+json error model, metrics, login throttling
// and mail over real SMTP (a local smtp-server) with the outbox record.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Hono } from 'hono';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/server/http/context';
import { problemResponse } from '../../src/server/http/errors';
import { loadEnv } from '../../src/server/lib/env';
import { newId } from '../../src/server/lib/ids';
import { workspace } from '../../src/server/modules/workspaces/workspaces.schema';
import { createTestContext, invitationTokenFor, signUp, TestClient, type TestContext } from '../harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document listing every /api/v1 route', async () => {
    const res = await ctx.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const registered = ctx.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.endsWith('/openapi.json'))
      .map((r) => `${r.method} ${r.path}`);
    expect(registered.length).toBeGreaterThan(15);
    for (const route of registered) expect(documented).toContain(route);
  });
});

describe('errors', () => {
  it('names each invalid field in a problem+json response', async () => {
    const { client, workspaceId } = await signUp(ctx);
    const res = await client.post(`/api/v1/workspaces/${workspaceId}/programs`, {
      name: 'X',
      objective: 'fame',
      persona: { followerMin: 5000, followerMax: 100, countries: ['Germany'] },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
    const fields = res.body.problems.map((p: { field: string }) => p.field).sort();
    expect(fields).toEqual(['name', 'objective', 'persona.countries.0', 'persona.followerMax']);
    expect(res.body.detail).toContain('name: must be at least 2 characters');
  });

  it('turns a unique violation the database raises into a 409 problem, not a 500', async () => {
    const { db } = ctx.services.database;
    const app = new Hono<AppEnv>();
    app.onError((error, c) => problemResponse(c, error));
    app.post('/twice', async (c) => {
      await db.insert(workspace).values({ id: newId('workspace'), name: 'Twin', slug: 'twin-slug' });
      return c.body(null, 204);
    });
    expect((await app.request('/twice', { method: 'POST' })).status).toBe(204);
    const res = await app.request('/twice', { method: 'POST' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'conflict',
      detail: 'This already exists (workspace_slug_unique): reload and try again.',
    });
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await ctx.app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
  });

  it('rejects a duplicate sign-up with a clear message', async () => {
    const { email } = await signUp(ctx);
    const res = await new TestClient(ctx.app).post('/api/v1/signup', {
      name: 'Again',
      email,
      password: 'another password',
      workspaceName: 'Again',
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/already exists/i);
  });
});

describe('security headers', () => {
  it('let pages run only their own scripts, and not be framed by other sites', async () => {
    const res = await ctx.app.request('/healthz');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('metrics', () => {
  const token = 'scrape-token-0123456789';

  it('exposes Prometheus metrics with request counts to a scraper on this machine', async () => {
    await ctx.app.request('/healthz');
    const server = createServer(getRequestListener(ctx.app.fetch));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('troupe_http_requests_total{method="GET",route="/healthz",status="200"}');
      expect(text).toContain('troupe_process_resident_memory_bytes');
      // The same connection through a proxy stands for a visitor from anywhere.
      const proxied = await fetch(url, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(proxied.status).toBe(403);
      expect((await proxied.json()).detail).toMatch(/Set METRICS_TOKEN/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('asks anyone else for METRICS_TOKEN as a bearer token', async () => {
    const withToken = await createTestContext({ env: { METRICS_TOKEN: token } });
    try {
      const none = await withToken.app.request('/metrics');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await none.json()).detail).toMatch(/Authorization: Bearer/);
      const wrong = await withToken.app.request('/metrics', {
        headers: { authorization: 'Bearer guessed-token-123' },
      });
      expect(wrong.status).toBe(401);
      const right = await withToken.app.request('/metrics', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('troupe_process_resident_memory_bytes');
    } finally {
      await withToken.close();
    }
  });

  it('refuses a METRICS_TOKEN too short to be a secret, naming the variable', () => {
    expect(() => loadEnv({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN: must be at least 16 characters/,
    );
  });
});

describe('sessions and sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.post('/api/v1/signup', {
      name: 'Cookie',
      email: 'cookie@example.com',
      password: 'long enough pw',
      workspaceName: 'Cookies',
    });
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('throttles repeated sign-in attempts for one email', async () => {
    const throttled = await createTestContext({ loginLimit: { max: 3, windowMs: 60_000 } });
    const { email } = await signUp(throttled);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await new TestClient(throttled.app).post('/api/auth/sign-in/email', {
        email,
        password: `wrong password ${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const last = await new TestClient(throttled.app).post('/api/auth/sign-in/email', {
      email,
      password: 'correct horse battery',
    });
    expect(last.status).toBe(429);
    expect(last.body.detail).toMatch(/Too many sign-in attempts/);
    // Another account is not locked out by it.
    const other = await signUp(throttled);
    const ok = await new TestClient(throttled.app).post('/api/auth/sign-in/email', {
      email: other.email,
      password: 'correct horse battery',
    });
    expect(ok.status).toBe(200);
    // Successful sign-ins do not count: a team signing in all day from one office is never locked out.
    for (let i = 0; i < 5; i++) {
      const again = await new TestClient(throttled.app).post('/api/auth/sign-in/email', {
        email: other.email,
        password: 'correct horse battery',
      });
      expect(again.status).toBe(200);
    }
    await throttled.close();
  });
});

describe('mail over SMTP', () => {
  it('delivers an invitation over SMTP and records it as sent in the outbox', async () => {
    const received: Array<{ to: string; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString();
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const smtpCtx = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const { client, workspaceId } = await signUp(smtpCtx, { workspaceName: 'Mailers' });
      const invite = await client.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
        email: 'new.hire@example.com',
        role: 'manager',
      });
      expect(invite.status).toBe(201);
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('new.hire@example.com');
      // The link carries the secret token, never the invitation id that members can see.
      const token = await invitationTokenFor(smtpCtx, 'new.hire@example.com');
      const body = received[0]!.data.replace(/=\r?\n/g, ''); // undo quoted-printable line breaks
      expect(body).toContain(`http://localhost:3000/invitations/${token}`);
      expect(body).not.toContain(invite.body.id);
      const outbox = await client.get(`/api/v1/workspaces/${workspaceId}/outbox`);
      expect(outbox.body.items[0]).toMatchObject({
        to: 'new.hire@example.com',
        kind: 'member.invitation',
        status: 'sent',
      });
    } finally {
      await smtpCtx.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('records mail without SMTP so nothing is lost', async () => {
    const { client, workspaceId } = await signUp(ctx);
    await client.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
      email: 'later@example.com',
      role: 'viewer',
    });
    const outbox = await client.get(`/api/v1/workspaces/${workspaceId}/outbox`);
    expect(outbox.body.items[0]).toMatchObject({ to: 'later@example.com', status: 'recorded' });
  });
});
