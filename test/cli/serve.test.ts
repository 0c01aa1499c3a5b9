// `troupe serve` in-process (on the test database) and the real `bin/troupe.mjs` as a subprocess.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { createTestContext, type TestContext } from '../harness';
import { bufferIo } from './buffer-io';
import { spawnTroupe, waitFor } from './troupe-process';

/** The server's URL, once serve has printed everything it prints on start-up. */
const runningUrl = (text: string) =>
  text.includes('Press Ctrl-C to stop.') ? /Troupe is running at (http:\/\/\S+)/.exec(text)?.[1] : undefined;

describe('troupe serve, in-process', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx.close());

  it('serves until stopped, seeding the demo on an empty embedded database, and leaves borrowed services open', async () => {
    const b = bufferIo();
    const stop = new AbortController();
    const exit = run(['serve', '--port', '0'], b.io, { services: ctx.services, signal: stop.signal });
    const url = await waitFor(
      () => runningUrl(b.stdout()),
      () => `the server URL; so far:\n${b.stdout()}\n${b.stderr()}`,
    );

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: ctx.services.database.kind });
    if (ctx.services.database.kind === 'pglite') {
      expect(b.stdout()).toContain('The embedded database was empty: seeded the demo workspace "Glow & Co."');
      expect(b.stdout()).toContain('manager sign-in:   demo@troupe.local / troupe-demo-2026');
      expect(b.stdout()).toContain(
        'ambassador portal: sign in with ambassador@example.com; the sign-in link appears in the Outbox',
      );
    } else {
      // PostgreSQL is never seeded behind the operator's back; serve says how to start instead.
      expect(b.stdout()).not.toContain('demo@troupe.local');
      expect(b.stdout()).toContain('No workspaces yet: sign up at');
    }

    stop.abort();
    expect(await exit).toBe(0);
    expect(b.stdout()).toContain('Troupe stopped.');
    expect(b.stderr()).toBe('');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // The test's services were borrowed, so they are still open.
    await ctx.services.database.db.execute('select 1');
  });
});

describe('bin/troupe.mjs as a real process', () => {
  it('prints help with exit 0 and rejects an unknown command with exit 2', async () => {
    const help = spawnTroupe(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toContain('Usage: troupe <command> [options]');

    const nonsense = spawnTroupe(['nonsense']);
    expect(await nonsense.exited).toBe(2);
    expect(nonsense.stdout()).toBe('');
    expect(nonsense.stderr()).toBe(
      'troupe: unknown command "nonsense"\nRun `troupe --help` to see the commands.\n',
    );
  });

  it('serves a fresh embedded database with the demo and exits cleanly on SIGTERM', {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'troupe-serve-'));
    let child: ChildProcess | undefined;
    try {
      const server = spawnTroupe(['serve'], { TROUPE_DATA_DIR: dataDir, PORT: '0' });
      child = server.child;
      const url = await waitFor(
        () => {
          if (server.child.exitCode !== null) {
            throw new Error(
              `serve exited with ${server.child.exitCode}:\n${server.stdout()}\n${server.stderr()}`,
            );
          }
          return runningUrl(server.stdout());
        },
        () => `the server URL; so far:\n${server.stdout()}\n${server.stderr()}`,
        150_000,
      );
      expect(server.stdout()).toContain('demo@troupe.local / troupe-demo-2026');
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

      child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.stdout()).toContain('Troupe stopped.');
      expect(server.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
