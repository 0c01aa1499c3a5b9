// Redirect throughput (DESIGN quality bar): Troupe's /l/<slug> with click recording vs a bare node:http
// server answering the same 302, in one run, each loaded from a separate process over 50 keep-alive
// connections; then how fast the importer put the clicks in the database, the clicks in the database (after
// the server stopped on SIGTERM) vs the redirects served, and the redirecting process's RSS. Prints one JSON
// object (bench/index.ts prints the lines).
//
// The machines here are shared: a CPU's speed drifts by up to 2× within seconds (a plain loop, timed every
// 30 ms, shows it). So the two servers are not measured one after the other but in alternating one-second
// slices, bare–Troupe, Troupe–bare, … (twelve each), and the ratio is of the totals: a drift weighs on both
// alike. Before every slice the importer has caught up, so no import runs while either server is measured.
// Beside it: the ratio of each round's pair of slices (their median and spread show how noisy the machine
// was), each server's CPU time per redirect (all its threads, from /proc: time the host stole or the server
// sat idle does not count), and the share of the machine's CPU the host stole meanwhile.
//
// Three set-ups: the all-in-one `troupe serve` on embedded PGlite; the same on PostgreSQL
// (BENCH_DATABASE_URL, TEST_DATABASE_URL or the local server at 127.0.0.1:5432/test when it answers, in a
// fresh database there); and on PostgreSQL the redirector in its own process (`troupe serve --only
// redirector`) beside the app server, the set-up for high volume (see ARCHITECTURE "Scale-out path").
// Every answered click is in the fsync'd click journal within ~20 ms; the importer moves it to the database
// once the burst lets it (at most 10 s later).
//
// BENCH_ONLY=pglite|postgres|redirector measures one set-up alone (a quick A/B; `npm run bench` prints it alone).
//
// Roles (argv): no argument = orchestrate; `bare` = the bare server; `load` = the load generator, which
// reads `<url> <seconds>` lines (`echo "<url> 5" | … load` by hand); `link <base url>` = sign up on a running
// Troupe and print a new link's slug (for profiling by hand).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLink } from '../test/cli/link-fixture';

const runTs = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
const troupeBin = fileURLToPath(new URL('../bin/troupe.mjs', import.meta.url));
const self = fileURLToPath(import.meta.url);
const destination = 'https://shop.example.com/products/serum?ref=bio';
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';
/** Measured slices per server and set-up, and their length in seconds. */
const slices = 12;
const sliceSeconds = 1;
const connections = 50;

interface LoadResult {
  ok: number;
  other: number;
  errors: number;
  seconds: number;
  /** Response times in 10 µs buckets: bucket index → count (merged across slices). */
  latencies: Record<string, number>;
}

/** A lean HTTP/1.1 client: raw keep-alive sockets, one request in flight each; responses have no body. */
async function load(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const { hostname, port, pathname } = new URL(url);
  const request = Buffer.from(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\n\r\n`,
  );
  const latencies: Record<string, number> = {};
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
          const bucket = Math.round((performance.now() - sentAt) * 100);
          latencies[bucket] = (latencies[bucket] ?? 0) + 1;
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
  return { ok, other, errors, seconds: (performance.now() - started) / 1000, latencies };
}

/** Slices of one server added up: requests, seconds, response times and the server's CPU time. */
class Tally {
  ok = 0;
  seconds = 0;
  errors = 0;
  /** CPU seconds of the serving process (all its threads) during the slices. */
  cpuSeconds = 0;
  /** Requests per second of each slice, in order. */
  readonly sliceRps: number[] = [];
  private readonly latencies = new Map<number, number>();

  add(result: LoadResult, cpuSeconds: number) {
    this.ok += result.ok;
    this.seconds += result.seconds;
    this.errors += result.errors + result.other;
    this.cpuSeconds += cpuSeconds;
    this.sliceRps.push(result.ok / result.seconds);
    for (const [bucket, count] of Object.entries(result.latencies))
      this.latencies.set(Number(bucket), (this.latencies.get(Number(bucket)) ?? 0) + count);
  }

  get rps() {
    return this.ok / this.seconds;
  }

  /** Microseconds of the server's CPU per answered request. */
  get cpuUs() {
    return (this.cpuSeconds / this.ok) * 1e6;
  }

  /** The response time in ms below which the fraction `p` of responses came. */
  percentile(p: number): number {
    const buckets = [...this.latencies].sort((a, b) => a[0] - b[0]);
    const total = buckets.reduce((sum, [, count]) => sum + count, 0);
    let seen = 0;
    for (const [bucket, count] of buckets) {
      seen += count;
      if (seen > total * p) return bucket / 100;
    }
    return 0;
  }
}

/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const clockTicks = 100;

/** CPU seconds a process has used so far, all threads (user + system), from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** The machine's CPU time so far: all of it and the part stolen by the host (/proc/stat), in ticks. */
function machineTicks(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((sum, n) => sum + n, 0), steal: fields[7] ?? 0 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A 95 % interval of the throughput ratio from the rounds themselves: rounds drawn with replacement (2,000
 * times, from a fixed seed, so a run's figures repeat), each draw's ratio of mean slice throughputs, and the
 * 2.5th and 97.5th percentiles of those. A wide interval says the machine, not the code, decided the ratio.
 */
function ratioInterval(troupeRps: readonly number[], bareRps: readonly number[]): [number, number] {
  let seed = 0x7e57;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const n = Math.min(troupeRps.length, bareRps.length);
  const draws: number[] = [];
  for (let d = 0; d < 2_000; d++) {
    let troupe = 0;
    let bare = 0;
    for (let i = 0; i < n; i++) {
      const round = Math.floor(random() * n);
      troupe += troupeRps[round]!;
      bare += bareRps[round]!;
    }
    draws.push(troupe / bare);
  }
  draws.sort((a, b) => a - b);
  return [draws[Math.floor(draws.length * 0.025)]!, draws[Math.ceil(draws.length * 0.975) - 1]!];
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

/**
 * The load generator, one process for the whole run (so no slice starts on cold code): it reads
 * `<url> <seconds>` lines and answers each, once loaded, with a line of JSON.
 */
class LoadGenerator {
  private readonly child = spawn(process.execPath, [runTs, self, 'load'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  private readonly lines = createInterface({ input: this.child.stdout! })[Symbol.asyncIterator]();

  async run(url: string, seconds: number): Promise<LoadResult> {
    this.child.stdin!.write(`${url} ${seconds}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`the load generator exited (${this.child.exitCode})`);
    return JSON.parse(next.value) as LoadResult;
  }

  close() {
    this.child.stdin!.end();
  }
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

interface BareServer {
  url: string;
  pid: number;
}

/**
 * Runs `measure` against a bare server of its own, started and warmed for it and stopped after. One bare
 * process kept for the whole run cost 20–35 % more CPU per 302 in the third set-up than in the second, in
 * three runs of three (why was not found), so the redirector process came out at 1.06–1.15× bare while
 * doing strictly more; with a fresh one per set-up the third bare cost no more than the others.
 */
async function withBare<T>(loader: LoadGenerator, measure: (bare: BareServer) => Promise<T>): Promise<T> {
  const bareProcess = spawn(process.execPath, [runTs, self, 'bare'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const barePort = (await waitForLine(bareProcess, /listening (\d+)/, 30_000))[1];
    const bare = { url: `http://127.0.0.1:${barePort}/l/bench`, pid: bareProcess.pid! };
    await loader.run(bare.url, 1);
    return await measure(bare);
  } finally {
    bareProcess.kill('SIGTERM');
  }
}

async function orchestrate() {
  const loader = new LoadGenerator();
  try {
    const only = process.env.BENCH_ONLY;
    const wanted = (setUp: string) => only === undefined || only === setUp;
    const embedded = wanted('pglite')
      ? await withBare(loader, (bare) => measureTroupe(loader, undefined, bare))
      : null;
    // PostgreSQL as the ingest bench finds it: the configured URL, else the local server when it answers.
    const postgresUrl =
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
    const hasPostgres = await reachable(postgresUrl);
    const postgres =
      hasPostgres && wanted('postgres')
        ? await withBare(loader, (bare) => measureTroupe(loader, postgresUrl, bare))
        : null;
    const dedicated =
      hasPostgres && wanted('redirector')
        ? await withBare(loader, (bare) => measureTroupe(loader, postgresUrl, bare, true))
        : null;
    process.stdout.write(
      `${JSON.stringify({
        connections,
        slices,
        sliceSeconds,
        troupe: embedded,
        troupePostgres: postgres,
        redirectorPostgres: dedicated,
      })}\n`,
    );
  } finally {
    loader.close();
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
 * (`troupe serve --only redirector`) beside the app server; in slices alternating with the bare server at
 * `bareServer`. The importer catches up before every slice; the time it takes after Troupe's is reported.
 */
async function measureTroupe(
  loader: LoadGenerator,
  postgresUrl: string | undefined,
  bareServer: BareServer,
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
    const warm = await loader.run(url, 1);
    await untilImported(redirector.base);
    const bare = new Tally();
    const troupe = new Tally();
    let importSeconds = 0;
    let rss = 0;
    const machineBefore = machineTicks();
    for (let round = 0; round < slices; round++) {
      // Bare first in even rounds, Troupe first in odd ones: B T T B B T T B …
      const order = round % 2 === 0 ? [false, true] : [true, false];
      for (const isTroupe of order) {
        const pid = isTroupe ? redirector.child.pid! : bareServer.pid;
        const cpuBefore = processCpuSeconds(pid);
        const result = await loader.run(isTroupe ? url : bareServer.url, sliceSeconds);
        (isTroupe ? troupe : bare).add(result, processCpuSeconds(pid) - cpuBefore);
        if (!isTroupe) continue;
        rss = Math.max(rss, rssMb(redirector.child.pid!));
        importSeconds += await untilImported(redirector.base);
      }
    }
    const machineAfter = machineTicks();
    const roundRatios = troupe.sliceRps.map((rps, i) => rps / bare.sliceRps[i]!);
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
    return {
      bare: { rps: bare.rps, p50: bare.percentile(0.5), p99: bare.percentile(0.99) },
      rps: troupe.rps,
      p50: troupe.percentile(0.5),
      p99: troupe.percentile(0.99),
      errors: troupe.errors,
      ratio: troupe.rps / bare.rps,
      /** Troupe's slice over the bare one of the same round, per round: the spread shows the machine's noise. */
      roundRatios,
      medianRoundRatio: median(roundRatios),
      /** A 95 % interval of `ratio`, resampling the rounds (see ratioInterval). */
      ratioInterval: ratioInterval(troupe.sliceRps, bare.sliceRps),
      /** CPU of the serving process per redirect (all threads), and bare's over Troupe's: redirects per CPU-second. */
      cpuUs: troupe.cpuUs,
      bareCpuUs: bare.cpuUs,
      cpuRatio: bare.cpuUs / troupe.cpuUs,
      /** The share of the machine's CPU time the host took (steal) over the measured slices and the imports between them. */
      steal: (machineAfter.steal - machineBefore.steal) / (machineAfter.total - machineBefore.total),
      served: warm.ok + troupe.ok,
      recorded,
      /** Clicks of the measured slices per second of the importer catching up after them. */
      importRate: troupe.ok / importSeconds,
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
  for await (const line of createInterface({ input: process.stdin })) {
    const [url, seconds] = line.split(' ');
    process.stdout.write(`${JSON.stringify(await load(url!, Number(seconds), connections))}\n`);
  }
} else await orchestrate();
