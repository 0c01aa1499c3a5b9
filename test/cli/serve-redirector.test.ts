// `troupe serve --only redirector`: its usage errors, its refusal without PostgreSQL or without the schema,
// a module graph without the app or better-auth, and on PostgreSQL a real redirector process next to a real
// `troupe serve`: it redirects, hears a disabled link by NOTIFY at once, and imports its clicks on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import {
  type AddressInfo,
  connect as connectNet,
  createServer as createNetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { run } from '../../src/cli/main';
import { clickIdParam } from '../../src/core/attribution';
import { linksChanged } from '../../src/redirector/changes';
import { listenForLinkChanges, publishLinkChanges } from '../../src/redirector/link-changes-pg';
import { fromPostgresUrl } from '../../src/server/db/client';
import { createLogger } from '../../src/server/lib/logger';
import { bufferIo } from './buffer-io';
import { api, createLink } from './link-fixture';
import { spawnTroupe, waitFor } from './troupe-process';

const noPostgres = 'needs PostgreSQL: run the tests with TEST_DATABASE_URL set';

/**
 * A module hook for `node --import`: writes the URL of every module the process resolves to `log`, so a
 * test can see what a real process loaded.
 */
function moduleLogHook(dir: string, log: string): string {
  const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;
  const file = join(dir, 'module-log.mjs');
  writeFileSync(
    file,
    `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, { data: { log: ${JSON.stringify(log)} } });
`,
  );
  return file;
}

/** What the redirector process must never load: the app, its HTTP layer, better-auth, PGlite. */
const appModule =
  /better-auth|@electric-sql\/pglite|\/node_modules\/(@hono|hono)\/|\/src\/server\/(main\.ts|http\/|modules\/auth\/auth\.ts|db\/pglite\.ts)/;

/** Waits for a started server's URL (after its last start-up line); fails if the process exits first. */
function started(server: ReturnType<typeof spawnTroupe>, pattern: RegExp): Promise<string> {
  return waitFor(
    () => {
      if (server.child.exitCode !== null)
        throw new Error(`exited with ${server.child.exitCode}:\n${server.stdout()}\n${server.stderr()}`);
      const out = server.stdout();
      if (!out.includes('Press Ctrl-C to stop.')) return undefined;
      return pattern.exec(out)?.[1]?.replace('localhost', '127.0.0.1');
    },
    () => `the server URL; so far:\n${server.stdout()}\n${server.stderr()}`,
    150_000,
  );
}

interface Answer {
  status: number;
  location: string | undefined;
  type: string | undefined;
  body: string;
}

function get(url: string, agent?: Agent, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          type: res.headers['content-type'],
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A database of its own on the test PostgreSQL: migrated (from the run's template) or empty. */
async function scratchDatabase(migrated: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const info = inject('testDb');
  if (info.kind !== 'postgres') throw new Error(noPostgres);
  const name = `${info.prefix}redir_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${migrated ? ` template ${info.template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(info.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: info.url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

const onPostgres = inject('testDb').kind === 'postgres';

describe('troupe serve --only redirector, refusals', () => {
  it('accepts only "redirector", and not with --dev', async () => {
    const other = bufferIo();
    expect(await run(['serve', '--only', 'api'], other.io)).toBe(2);
    expect(other.stdout()).toBe('');
    expect(other.stderr()).toBe(
      'troupe serve: --only accepts "redirector", not "api"\nRun `troupe serve --help` for usage.\n',
    );

    const dev = bufferIo();
    expect(await run(['serve', '--only', 'redirector', '--dev'], dev.io)).toBe(2);
    expect(dev.stderr()).toContain('troupe serve: --dev cannot be combined with --only redirector');

    const help = bufferIo();
    expect(await run(['serve', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('--only redirector');
    expect(help.stdout()).toContain('DATABASE_URL');
  });

  it('refuses the embedded database, saying `troupe serve` answers /l/ itself', async () => {
    const b = bufferIo({ env: {} });
    expect(await run(['serve', '--only', 'redirector', '--port', '0'], b.io)).toBe(1);
    expect(b.stdout()).toBe('');
    expect(b.stderr()).toContain('needs PostgreSQL (DATABASE_URL)');
    expect(b.stderr()).toContain('cannot be shared');
    expect(b.stderr()).toContain('`troupe serve` answers /l/ links itself');
  });

  it('refuses to salt visitor hashes with a secret of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'troupe-redir-secret-'));
    try {
      const b = bufferIo({
        env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TROUPE_DATA_DIR: dir, PORT: '0' },
      });
      expect(await run(['serve', '--only', 'redirector'], b.io)).toBe(1);
      expect(b.stderr()).toContain("Set AUTH_SECRET to the app server's (or share its TROUPE_DATA_DIR)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('as a real process, loads neither the app nor better-auth nor the embedded database', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'troupe-redir-modules-'));
    try {
      const log = join(dir, 'modules.log');
      const refused = spawnTroupe(['serve', '--only', 'redirector'], {}, moduleLogHook(dir, log));
      expect(await refused.exited).toBe(1);
      expect(refused.stderr()).toContain('needs PostgreSQL (DATABASE_URL)');
      // The command ran its task module (the check is inside it), so its whole static graph was loaded.
      const loaded = readFileSync(log, 'utf8').split('\n');
      expect(loaded.some((url) => url.endsWith('/src/cli/tasks/serve-redirector.ts'))).toBe(true);
      expect(loaded.some((url) => url.endsWith('/src/redirector/redirector.ts'))).toBe(true);
      expect(loaded.filter((url) => appModule.test(url))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database without the schema, saying to start `troupe serve` once first', async ({ skip }) => {
    if (!onPostgres) return skip(noPostgres);
    const db = await scratchDatabase(false);
    const dir = mkdtempSync(join(tmpdir(), 'troupe-redir-empty-'));
    try {
      const b = bufferIo({
        env: {
          DATABASE_URL: db.url,
          PORT: '0',
          TROUPE_DATA_DIR: dir,
          LOG_LEVEL: 'silent',
          AUTH_SECRET: 'x'.repeat(32),
        },
      });
      expect(await run(['serve', '--only', 'redirector'], b.io)).toBe(1);
      expect(b.stderr()).toContain('Start `troupe serve` once first (it runs the migrations)');
      // Nothing was created: the migrations are not this process's to run.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(`select 1 from pg_tables where schemaname = 'public'`);
      await client.end();
      expect(rows).toEqual([]);
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('link changes over LISTEN/NOTIFY', () => {
  it('hears the app’s changes, and after a lost connection reconnects and clears once more', async ({
    skip,
  }) => {
    if (!onPostgres) return skip(noPostgres);
    const db = await scratchDatabase(false);
    const database = fromPostgresUrl(db.url, 2);
    const logger = createLogger('silent');
    let changes = 0;
    const stopPublishing = publishLinkChanges(database, logger);
    const listener = await listenForLinkChanges({
      databaseUrl: db.url,
      onChange: () => changes++,
      logger,
      minDelayMs: 20,
    });
    const admin = new pg.Client({ connectionString: db.url });
    try {
      // Once connected: changes made before then were not heard.
      expect(changes).toBe(1);
      linksChanged();
      await waitFor(
        () => (changes === 2 ? true : undefined),
        () => `the notification (changes: ${changes})`,
        5_000,
      );

      await admin.connect();
      const { rows } = await admin.query<{ killed: boolean }>(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity
          where application_name = 'troupe-redirector-listen' and datname = current_database()`,
      );
      expect(rows).toEqual([{ killed: true }]);
      await waitFor(
        () => (changes === 3 ? true : undefined),
        () => `the clear after reconnecting (changes: ${changes})`,
        5_000,
      );
      linksChanged();
      await waitFor(
        () => (changes === 4 ? true : undefined),
        () => `a notification after reconnecting (changes: ${changes})`,
        5_000,
      );

      await listener.close();
      linksChanged();
      await new Promise((r) => setTimeout(r, 300));
      expect(changes).toBe(4);
    } finally {
      stopPublishing();
      await listener.close();
      await admin.end().catch(() => {});
      await database.close();
      await db.drop();
    }
  });
});

/**
 * A TCP proxy to PostgreSQL whose freeze() makes the connections open so far go silent without closing
 * (half-open, as after a failover); later connections pass.
 */
async function freezableProxy(target: string): Promise<{ url: string; freeze(): void; close(): void }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let frozen: Socket[] = [];
  const server = createNetServer((inbound) => {
    const outbound = connectNet(Number(port || 5432), hostname);
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!frozen.includes(from)) to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: url.toString(),
    freeze: () => {
      frozen = [...sockets];
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

describe('link changes over LISTEN/NOTIFY, on a connection gone silent', () => {
  it('finds it by the health check, reconnects and clears once more', async ({ skip }) => {
    const info = inject('testDb');
    if (info.kind !== 'postgres') return skip(noPostgres);
    const proxy = await freezableProxy(info.url);
    let changes = 0;
    const listener = await listenForLinkChanges({
      databaseUrl: proxy.url,
      onChange: () => changes++,
      logger: createLogger('silent'),
      minDelayMs: 20,
      healthCheckIntervalMs: 50,
      // Long enough that a check answered late on a busy machine (test files run side by side) still passes.
      healthCheckTimeoutMs: 1_000,
    });
    try {
      expect(changes).toBe(1);
      // Checks that pass change nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(changes).toBe(1);
      proxy.freeze();
      await waitFor(
        () => (changes === 2 ? true : undefined),
        () => `the clear after the failed check and reconnecting (changes: ${changes})`,
        5_000,
      );
      await listener.close();
      // Closed: no check and no reconnection follows.
      await new Promise((r) => setTimeout(r, 400));
      expect(changes).toBe(2);
    } finally {
      await listener.close();
      proxy.close();
    }
  });
});

describe('troupe serve --only redirector next to troupe serve, on PostgreSQL', () => {
  it('redirects, turns a disabled link away within 2 s, and imports its clicks on SIGTERM', {
    timeout: 240_000,
  }, async ({ skip }) => {
    if (!onPostgres) return skip(noPostgres);
    const db = await scratchDatabase(true);
    const dir = mkdtempSync(join(tmpdir(), 'troupe-redir-'));
    const shared = { DATABASE_URL: db.url, PORT: '0', AUTH_SECRET: randomBytes(16).toString('hex') };
    const children: ChildProcess[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const app = spawnTroupe(['serve'], { ...shared, TROUPE_DATA_DIR: join(dir, 'app') });
      children.push(app.child);
      const appBase = await started(app, /Troupe is running at (http:\/\/\S+)/);

      const log = join(dir, 'modules.log');
      const redirector = spawnTroupe(
        ['serve', '--only', 'redirector'],
        { ...shared, TROUPE_DATA_DIR: join(dir, 'redirector') },
        moduleLogHook(dir, log),
      );
      children.push(redirector.child);
      const base = await started(redirector, /Troupe redirector is running at (http:\/\/\S+)/);

      const link = await createLink(appBase);
      const served: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await get(`${base}${link.path}`, agent);
        expect(res.status).toBe(302);
        const location = new URL(res.location!);
        expect(`${location.origin}${location.pathname}`).toBe('https://shop.example.com/products/serum');
        expect(location.searchParams.get('utm_campaign')).toBe('burst');
        served.push(location.searchParams.get(clickIdParam)!);
      }

      // The link is in the redirector's cache (30 s); the app's NOTIFY empties it.
      await api(appBase, 'POST', `/workspaces/${link.workspaceId}/links/${link.linkId}/disable`, link.cookie);
      const disabledAt = Date.now();
      let gone: Answer | undefined;
      while (!gone && Date.now() - disabledAt < 2_000) {
        const res = await get(`${base}${link.path}`, agent);
        if (res.status === 302) served.push(new URL(res.location!).searchParams.get(clickIdParam)!);
        else gone = res;
        if (!gone) await new Promise((r) => setTimeout(r, 25));
      }
      expect(gone?.status, 'a disabled link answers 410 within 2 s').toBe(410);

      const health = await get(`${base}/healthz`, agent);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ ok: true });
      const metrics = await get(`${base}/metrics`, agent);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('troupe_redirect_clicks');
      // Through a proxy, a request stands for anyone: without METRICS_TOKEN set, metrics stay on this machine.
      const proxied = await get(`${base}/metrics`, agent, { 'x-forwarded-for': '203.0.113.7' });
      expect(proxied.status).toBe(403);
      expect(proxied.body).toContain('Set METRICS_TOKEN');
      const other = await get(`${base}/api/v1/openapi.json`, agent);
      expect(other.status).toBe(404);
      expect(other.type).toContain('text/html');
      expect(other.body).toContain('only answers tracked links');
      agent.destroy();

      redirector.child.kill('SIGTERM');
      expect(await redirector.exited).toBe(0);
      expect(redirector.stdout()).toContain('Troupe redirector stopped.');
      expect(redirector.stderr()).not.toMatch(/\n\s+at /);

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ id: string }>('select id from click where link_id = $1', [
        link.linkId,
      ]);
      await client.end();
      expect(rows.map((r) => r.id).sort()).toEqual([...served].sort());

      const loaded = readFileSync(log, 'utf8').split('\n');
      expect(loaded.some((url) => url.endsWith('/src/cli/tasks/serve-redirector.ts'))).toBe(true);
      expect(loaded.filter((url) => appModule.test(url))).toEqual([]);

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      agent.destroy();
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
