// The acceptance test for "no click may be lost on a graceful restart" (T1): a real `troupe serve` process
// takes a burst of redirects over keep-alive connections, gets SIGTERM in the middle of it, and after it
// exits every redirect that was answered with a 302 has its click in the database.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { clickIdParam } from '../../src/core/attribution';
import { createLink } from './link-fixture';

const bin = fileURLToPath(new URL('../../bin/troupe.mjs', import.meta.url));

interface Served {
  status: number;
  location?: string | undefined;
}

function get(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('SIGTERM during a burst of redirects', () => {
  it('loses no click of a served redirect', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'troupe-sigterm-'));
    const info = inject('testDb');
    let databaseUrl: string | undefined;
    if (info.kind === 'postgres') {
      const name = `${info.prefix}sigterm_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: info.url });
      await admin.connect();
      await admin.query(`create database ${name} template ${info.template}`);
      await admin.end();
      const url = new URL(info.url);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    const env: Record<string, string | undefined> = {
      ...process.env,
      LOG_LEVEL: 'warn',
      TROUPE_DATA_DIR: dataDir,
      PORT: '0',
      DATABASE_URL: databaseUrl,
    };
    if (!databaseUrl) delete env.DATABASE_URL;
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d) => (stdout += d));
      child.stderr?.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 180_000;
      let base: string | undefined;
      while (!base) {
        if (child.exitCode !== null) throw new Error(`serve exited early:\n${stdout}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`serve did not start:\n${stdout}\n${stderr}`);
        if (stdout.includes('Press Ctrl-C to stop.'))
          base = /Troupe is running at (http:\/\/\S+)/.exec(stdout)?.[1]?.replace('localhost', '127.0.0.1');
        await new Promise((r) => setTimeout(r, 100));
      }
      const { path } = await createLink(base);

      // 2,000 redirects over 25 keep-alive connections; SIGTERM once 700 have been answered.
      const total = 2_000;
      const agent = new Agent({ keepAlive: true, maxSockets: 25 });
      const served: string[] = [];
      let failed = 0;
      let next = 0;
      let signalled = false;
      const worker = async () => {
        while (next < total) {
          next++;
          try {
            const res = await get(`${base}${path}`, agent, {
              'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
            });
            if (res.status === 302) served.push(new URL(res.location!).searchParams.get(clickIdParam)!);
            else failed++;
          } catch {
            failed++;
          }
          if (!signalled && served.length >= 700) {
            signalled = true;
            child?.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: 25 }, worker));
      agent.destroy();
      expect(signalled).toBe(true);
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(served.length).toBeGreaterThanOrEqual(700);
      // The shutdown happened during the burst, not after it.
      expect(failed).toBeGreaterThan(0);

      // Only this link's clicks: the server seeds the demo workspace, which has clicks of its own.
      const slug = path.slice('/l/'.length);
      const ofLink = 'link_id = (select id from link where slug = $1)';
      const ids = new Set<string>();
      if (databaseUrl) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        const { rows } = await client.query<{ id: string }>(`select id from click where ${ofLink}`, [slug]);
        for (const r of rows) ids.add(r.id);
        const daily = await client.query<{ n: number }>(
          `select sum(clicks)::int as n from click_daily where ${ofLink}`,
          [slug],
        );
        expect(daily.rows[0]?.n).toBe(rows.length);
        await client.end();
      } else {
        const db = await PGlite.create({ dataDir });
        const { rows } = await db.query<{ id: string }>(`select id from click where ${ofLink}`, [slug]);
        for (const r of rows) ids.add(r.id);
        const daily = await db.query<{ n: number }>(
          `select sum(clicks)::int as n from click_daily where ${ofLink}`,
          [slug],
        );
        expect(daily.rows[0]?.n).toBe(rows.length);
        await db.close();
      }
      const missing = served.filter((id) => !ids.has(id));
      expect({ served: served.length, recorded: ids.size, missing: missing.length }).toEqual({
        served: served.length,
        recorded: served.length,
        missing: 0,
      });
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
