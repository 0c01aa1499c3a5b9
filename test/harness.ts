// Test harness: a fresh migrated database per call, the real app on it, and a cookie-keeping client.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { and, desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, fromPostgresUrl } from '../src/server/db/client';
import { fromPglite } from '../src/server/db/pglite';
import { type AppOptions, createApp } from '../src/server/http/app';
import type { Services } from '../src/server/http/context';
import { loadEnv } from '../src/server/lib/env';
import { createServices } from '../src/server/main';
import { outboxMessage } from '../src/server/modules/outbox/outbox.schema';

/** Opens a fresh copy of the migrated test database (PGlite snapshot or a cloned PostgreSQL database). */
export async function openTestDatabase(): Promise<Database> {
  const info = inject('testDb');
  if (info.kind === 'pglite') {
    const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(info.snapshotPath)]) });
    return fromPglite(client);
  }
  const name = `${info.prefix}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.url });
  await admin.connect();
  // Cloning from a template fails while another clone of it is running; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${info.template}`);
      break;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(info.url);
  url.pathname = `/${name}`;
  const database = fromPostgresUrl(url.toString(), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      // Dropping with FORCE while the pool's backends are still exiting would hit them with a FATAL;
      // wait for them to go first, and force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`drop database if exists ${name}${attempt >= 40 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 40) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await admin.end();
    },
  };
}

export interface TestContext {
  services: Services;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function createTestContext(
  options: AppOptions & { env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  // Uploaded media (the demo seed stores some) go to a directory of this context's own, removed on close.
  const dataDir = options.env?.TROUPE_DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'troupe-test-'));
  const env = loadEnv({
    PORT: '3000',
    AUTH_SECRET: 'test-secret-that-is-long-enough',
    LOG_LEVEL: 'silent',
    TROUPE_DATA_DIR: dataDir ?? '/nonexistent-not-used',
    ...options.env,
  });
  const services = createServices(env, database);
  const app = createApp(services, { serveWeb: false, ...options });
  return {
    services,
    app,
    close: async () => {
      services.mailer.close();
      await database.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client that keeps its own session cookies, like one browser. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private readonly app: TestContext['app']) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
    const h = init.headers as Record<string, string>;
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      if (body instanceof FormData) {
        init.body = body;
      } else if (typeof body === 'string') {
        init.body = body;
        h['content-type'] ??= 'text/csv';
      } else {
        init.body = JSON.stringify(body);
        h['content-type'] = 'application/json';
      }
    }
    h.origin ??= 'http://localhost:3000';
    const res = await this.app.request(path, init);
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), rest.join('='));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (CSV, HTML)
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let counter = 0;
/** Signs up a new user with a workspace; returns the signed-in client and the workspace id. */
export async function signUp(
  ctx: TestContext,
  options: { name?: string; email?: string; workspaceName?: string } = {},
) {
  counter++;
  const client = new TestClient(ctx.app);
  const email = options.email ?? `owner${counter}-${randomBytes(3).toString('hex')}@example.com`;
  const res = await client.post('/api/v1/signup', {
    name: options.name ?? `Owner ${counter}`,
    email,
    password: 'correct horse battery',
    workspaceName: options.workspaceName ?? `Brand ${counter}`,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    client,
    email,
    workspaceId: res.body.workspaces[0].id as string,
    userId: res.body.user.id as string,
  };
}

/** The token in the newest invitation emailed to `email`, read from the outbox as the invitee reads mail. */
export async function invitationTokenFor(ctx: TestContext, email: string): Promise<string> {
  const [message] = await ctx.services.database.db
    .select({ text: outboxMessage.text })
    .from(outboxMessage)
    .where(and(eq(outboxMessage.to, email), eq(outboxMessage.kind, 'member.invitation')))
    .orderBy(desc(outboxMessage.createdAt))
    .limit(1);
  const token = /\/invitations\/([\w-]+)/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in the outbox for ${email}`);
  return token;
}

/** Adds a new user to a workspace with `role` through the real invitation flow; returns their client. */
export async function addMember(ctx: TestContext, owner: TestClient, workspaceId: string, role: string) {
  counter++;
  const email = `${role}${counter}-${randomBytes(3).toString('hex')}@example.com`;
  const invite = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email, role });
  if (invite.status !== 201)
    throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const token = await invitationTokenFor(ctx, email);
  const client = new TestClient(ctx.app);
  const signup = await client.post('/api/v1/signup', {
    name: `${role} ${counter}`,
    email,
    password: 'correct horse battery',
  });
  if (signup.status !== 201)
    throw new Error(`sign-up failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const accepted = await client.post(`/api/v1/invitations/${token}/accept`);
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const members = await owner.get(`/api/v1/workspaces/${workspaceId}/members`);
  const memberId = members.body.members.find((m: { email: string }) => m.email === email).id as string;
  return { client, email, memberId, userId: signup.body.user.id as string };
}
