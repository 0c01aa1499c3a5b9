// Redirect throughput (DESIGN quality bar): Troupe's /l/<slug> with click recording vs a bare node:http
// server answering the same 302, in one run, each loaded for a few seconds from a separate process over
// 50 keep-alive connections; then how long the importer took to put the burst's clicks in the database,
// the clicks in the database (after the server stopped on SIGTERM) vs the redirects served, and the
// redirecting process's RSS. Prints one JSON object (bench/index.ts prints the lines).
//
// Three set-ups: the all-in-one `troupe serve` on embedded PGlite; the same on PostgreSQL
// (BENCH_DATABASE_URL, TEST_DATABASE_URL or the local server at 127.0.0.1:5432/test when it answers, in a
// fresh database there); and on PostgreSQL the redirector in its own process (`troupe serve --only
// redirector`) beside the app server, the set-up for high volume (see ARCHITECTURE "Scale-out path").
// Every answered click is in the fsync'd click journal within ~20 ms; the importer moves it to the database
// once the burst lets it (at most 10 s later).
//
// Roles (argv): no argument = orchestrate; `bare` = the bare server; `load <url> <seconds> <connections>`;
// `link <base url>` = sign up on a running Troupe and print a new link's slug (for profiling by hand).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLink } from '../test/cli/link-fixture';

const runTs = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
const troupeBin = fileURLToPath(new URL('../bin/troupe.mjs', import.meta.url));
const self = fileURLToPath(import.meta.url);
const destination = 'https://shop.example.com/products/serum?ref=bio';
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

interface LoadResult {
  ok: number;
  other: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** A lean HTTP/1.1 client: raw keep-alive sockets, one request in flight each; responses have no body. */
async function load(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const { hostname, port, pathname } = new URL(url);
  const request = Buffer.from(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\n\r\n`,
  );
  const latencies: number[] = [];
  let ok = 0;
  let other = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const runConnection = () =>
    new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.setNoDelay(true);
      let pending = '';
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= deadline) {
          socket.end();
          return resolve();
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        pending += chunk.toString('latin1');
        for (;;) {
          const end = pending.indexOf('\r\n\r\n');
          if (end === -1) return;
          const head = pending.slice(0, end);
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
          if (pending.length < end + 4 + length) return;
          pending = pending.slice(end + 4 + length);
          latencies.push(performance.now() - sentAt);
          if (head.startsWith('HTTP/1.1 302')) ok++;
          else other++;
          send();
        }
      });
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('close', () => resolve());
    });
  await Promise.all(Array.from({ length: connections }, runConnection));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { ok, other, errors, seconds: elapsed, p50: at(0.5), p99: at(0.99) };
}

/** The bare server: node:http answering every request with the same kind of 302. */
function bare() {
  let n = 0;
  const server = createServer((_req, res) => {
    n++;
    res.writeHead(302, {
      location: `${destination}&utm_source=troupe&utm_medium=ambassador&utm_campaign=bench&utm_content=bench&tclid=clk_${n.toString(36).padStart(16, '0')}`,
      'cache-control': 'no-store',
      'content-length': 0,
    });
    res.end();
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function spawnLoad(url: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runTs, self, 'load', url, String(seconds), String(connections)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load exited ${code}`)),
    );
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${out}`)), timeoutMs);
    child.stdout?.on('data', (d) => {
      out += d;
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function orchestrate() {
  const seconds = 5;
  const connections = 50;
  // The bare server stays up (idle) all along: each Troupe set-up is measured right after a bare run of its
  // own, so a drift of the machine between set-ups does not leak into the ratios.
  const bareServer = spawn(process.execPath, [runTs, self, 'bare'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const barePort = (await waitForLine(bareServer, /listening (\d+)/, 30_000))[1];
    const bareUrl = `http://127.0.0.1:${barePort}/l/bench`;
    await spawnLoad(bareUrl, 1, connections);
    const bare = () => spawnLoad(bareUrl, seconds, connections);
    const embedded = await measureTroupe(undefined, seconds, connections, bare);
    // PostgreSQL as the ingest bench finds it: the configured URL, else the local server when it answers.
    const postgresUrl =
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
    const hasPostgres = await reachable(postgresUrl);
    const postgres = hasPostgres ? await measureTroupe(postgresUrl, seconds, connections, bare) : null;
    const dedicated = hasPostgres ? await measureTroupe(postgresUrl, seconds, connections, bare, true) : null;
    process.stdout.write(
      `${JSON.stringify({
        connections,
        seconds,
        troupe: embedded,
        troupePostgres: postgres,
        redirectorPostgres: dedicated,
      })}\n`,
    );
  } finally {
    bareServer.kill('SIGTERM');
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A server's click figures from /metrics: answered, and imported into the database. */
async function clickFigures(base: string): Promise<{ recorded: number; imported: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const count = (state: string) =>
    Number(new RegExp(`troupe_redirect_clicks\\{state="${state}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { recorded: count('recorded'), imported: count('imported') + count('not_written') };
}

/** Seconds until every click answered so far is in the database (the importer catching up). */
async function untilImported(base: string, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { recorded, imported } = await clickFigures(base);
    if (imported >= recorded) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs)
      throw new Error(`clicks not imported: ${imported}/${recorded}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface TroupeProcess {
  child: ChildProcess;
  base: string;
}

async function startTroupe(args: string[], env: Record<string, string | undefined>, ready: RegExp) {
  const profile = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, troupeBin, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = (await waitForLine(child, ready, 300_000))[1]!.replace('localhost', '127.0.0.1');
  return { child, base } satisfies TroupeProcess;
}

async function stopTroupe(troupe: TroupeProcess): Promise<void> {
  if (troupe.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => troupe.child.on('exit', () => r()));
  troupe.child.kill('SIGTERM');
  await exited;
}

/**
 * Loads Troupe's redirector: the all-in-one server on embedded PGlite (no `postgresUrl`) or on PostgreSQL
 * (a fresh database at `postgresUrl`), or with `dedicated` the redirector in its own process
 * (`troupe serve --only redirector`) beside the app server. The warm-up's clicks are imported before the
 * measured run starts; after it, the time the importer takes to put the burst in the database is reported.
 */
async function measureTroupe(
  postgresUrl: string | undefined,
  seconds: number,
  connections: number,
  measureBare: () => Promise<LoadResult>,
  dedicated = false,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'troupe-bench-redirect-'));
  let databaseUrl: string | undefined;
  const admin = postgresUrl ? new pg.Client({ connectionString: postgresUrl }) : null;
  const dbName = `troupe_bench_${randomBytes(4).toString('hex')}`;
  if (admin && postgresUrl) {
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const env: Record<string, string | undefined> = {
    ...process.env,
    TROUPE_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
    DATABASE_URL: databaseUrl,
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  const running: TroupeProcess[] = [];
  try {
    const app = await startTroupe(['serve'], env, /Troupe is running at (http:\/\/\S+)[\s\S]*Press Ctrl-C/);
    running.push(app);
    // The same program, creator and link the process tests make (utm values as long as the bare server's).
    const link = await createLink(app.base);
    const redirector = dedicated
      ? await startTroupe(
          ['serve', '--only', 'redirector'],
          env,
          /Troupe redirector is running at (http:\/\/\S+)[\s\S]*Press Ctrl-C/,
        )
      : app;
    if (dedicated) running.push(redirector);
    const url = `${redirector.base}/l/${link.slug}`;
    const warm = await spawnLoad(url, 1, connections);
    await untilImported(redirector.base);
    const bare = await measureBare();
    const result = await spawnLoad(url, seconds, connections);
    const rss = rssMb(redirector.child.pid!);
    const importSeconds = await untilImported(redirector.base);
    // Stopped last started first; a copy, so `running` keeps its order for the finally below.
    for (const troupe of [...running].reverse()) await stopTroupe(troupe);
    let recorded = 0;
    const countSql = 'select count(*)::int as n from click where link_id = $1';
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      recorded = (await client.query<{ n: number }>(countSql, [link.linkId])).rows[0]?.n ?? 0;
      await client.end();
    } else {
      const db = await PGlite.create({ dataDir });
      recorded = (await db.query<{ n: number }>(countSql, [link.linkId])).rows[0]?.n ?? 0;
      await db.close();
    }
    const rps = result.ok / result.seconds;
    const bareRps = bare.ok / bare.seconds;
    return {
      bare: { rps: bareRps, p50: bare.p50, p99: bare.p99 },
      rps,
      p50: result.p50,
      p99: result.p99,
      errors: result.errors + result.other,
      ratio: rps / bareRps,
      served: warm.ok + result.ok,
      recorded,
      importSeconds,
      rssMb: rss,
    };
  } finally {
    for (const troupe of running) if (troupe.child.exitCode === null) troupe.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }
}

const [role, ...args] = process.argv.slice(2);
if (role === 'bare') bare();
else if (role === 'link') process.stdout.write(`${(await createLink(args[0]!)).slug}\n`);
else if (role === 'load') {
  const result = await load(args[0]!, Number(args[1]), Number(args[2]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else await orchestrate();
