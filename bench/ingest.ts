// Conversion ingest with attribution for `npm run bench` (DESIGN bar: ≥ 1,000 orders/s embedded, ≥ 2,000 on
// PostgreSQL): a program with 1,000 ambassadors, their codes and links, 50,000 clicks, then orders mixing
// code / click / both / none (and a few self-referrals) posted to `POST /api/v1/conversions` in batches of
// 1,000 with an API key, as an integration would. Runs on PGlite and, when it answers, on PostgreSQL
// (TEST_DATABASE_URL or 127.0.0.1:5432/test; a scratch database is created and dropped). Prints one JSON line.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../src/server/http/app';
import { loadEnv } from '../src/server/lib/env';
import { newId } from '../src/server/lib/ids';
import { openServices } from '../src/server/main';
import { discountCode } from '../src/server/modules/codes/codes.schema';
import { hashApiKey } from '../src/server/modules/conversions/api-key-hash';
import { apiKey, storeConnection } from '../src/server/modules/conversions/conversions.schema';
import { click, link } from '../src/server/modules/links/links.schema';
import { ambassador, creator } from '../src/server/modules/people/people.schema';

const ambassadors = 1_000;
const clicks = 50_000;
const batchSize = 1_000;

interface Result {
  database: string;
  orders: number;
  ordersPerSecond: number;
  batchMsP50: number;
  credited: number;
}

async function run(kind: 'pglite' | 'postgres', databaseUrl?: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'troupe-bench-ingest-'));
  const env = loadEnv({
    TROUPE_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'bench-secret-bench-secret',
    PORT: '3000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const services = await openServices(env);
  try {
    const app = createApp(services, { serveWeb: false });
    const { db } = services.database;
    const signup = await app.request('/api/v1/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({
        name: 'Bench',
        email: 'bench@example.com',
        password: 'bench password',
        workspaceName: 'Bench',
      }),
    });
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const ws = ((await signup.json()) as { workspaces: Array<{ id: string }> }).workspaces[0]!.id;
    const programRes = await app.request(`/api/v1/workspaces/${ws}/programs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
      body: JSON.stringify({ name: 'Bench program', objective: 'sales' }),
    });
    const programId = ((await programRes.json()) as { id: string }).id;

    const people = Array.from({ length: ambassadors }, (_, i) => ({
      creatorId: newId('creator'),
      ambassadorId: newId('ambassador'),
      linkId: newId('link'),
      email: `amb${i}@example.org`,
      code: `AMB${i}X15`,
    }));
    for (let i = 0; i < people.length; i += 500) {
      const part = people.slice(i, i + 500);
      await db.insert(creator).values(
        part.map((p, j) => ({
          id: p.creatorId,
          workspaceId: ws,
          name: `Ambassador ${i + j}`,
          email: p.email,
          tags: [],
        })),
      );
      await db.insert(ambassador).values(
        part.map((p) => ({
          id: p.ambassadorId,
          workspaceId: ws,
          programId,
          creatorId: p.creatorId,
          stage: 'active' as const,
        })),
      );
      await db.insert(discountCode).values(
        part.map((p) => ({
          id: newId('discountCode'),
          workspaceId: ws,
          programId,
          ambassadorId: p.ambassadorId,
          code: p.code,
        })),
      );
      await db.insert(link).values(
        part.map((p) => ({
          id: p.linkId,
          workspaceId: ws,
          programId,
          ambassadorId: p.ambassadorId,
          slug: `b-${p.linkId}`,
          destination: 'https://shop.example.com/',
        })),
      );
    }
    const now = Date.now();
    const clickIds: Array<{ id: string; owner: number }> = [];
    for (let i = 0; i < clicks; i += 2_000) {
      const rows = Array.from({ length: Math.min(2_000, clicks - i) }, (_, j) => {
        const owner = (i + j) % ambassadors;
        const id = `clk_${randomBytes(10).toString('hex')}`;
        clickIds.push({ id, owner });
        return {
          id,
          workspaceId: ws,
          linkId: people[owner]!.linkId,
          ambassadorId: people[owner]!.ambassadorId,
          programId,
          at: new Date(now - ((i + j) % 40) * 86_400_000 - 60_000),
          isBot: (i + j) % 25 === 0,
          isUnique: true,
          visitorHash: randomBytes(8).toString('hex'),
        };
      });
      await db.insert(click).values(rows);
    }
    const connectionId = newId('storeConnection');
    await db
      .insert(storeConnection)
      .values({ id: connectionId, workspaceId: ws, programId, kind: 'api', name: 'Bench API' });
    const token = `trp_${randomBytes(24).toString('base64url')}`;
    await db.insert(apiKey).values({
      id: newId('apiKey'),
      workspaceId: ws,
      connectionId,
      name: 'bench',
      tokenHash: hashApiKey(token),
      prefix: token.slice(0, 8),
    });

    const total = kind === 'pglite' ? 20_000 : 40_000;
    const makeOrder = (n: number) => {
      const who = people[n % ambassadors]!;
      const c = clickIds[(n * 7) % clickIds.length]!;
      const mix = n % 10; // 0–3 code, 4–6 click, 7 both, 8–9 none; every 50th a self-referral
      return {
        externalId: `bench-${n}`,
        occurredAt: new Date(now).toISOString(),
        amount: `${20 + (n % 180)}.${String(n % 100).padStart(2, '0')}`,
        currency: 'USD',
        customerEmail: n % 50 === 0 ? who.email : `customer${n}@example.net`,
        codes: mix <= 3 || mix === 7 ? [who.code.toLowerCase()] : [],
        clickId:
          mix >= 4 && mix <= 6
            ? c.id
            : mix === 7
              ? clickIds.find((x) => x.owner === n % ambassadors)?.id
              : null,
      };
    };
    const post = async (orders: unknown[]) => {
      const res = await app.request('/api/v1/conversions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ orders }),
      });
      if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { created: number; results: Array<{ ambassadorId?: string | null }> };
    };
    // One warm-up batch (JIT, prepared plans), not counted.
    await post(Array.from({ length: batchSize }, (_, i) => ({ ...makeOrder(i), externalId: `warm-${i}` })));
    const batchMs: number[] = [];
    let credited = 0;
    const started = performance.now();
    for (let i = 0; i < total; i += batchSize) {
      const t = performance.now();
      const result = await post(Array.from({ length: batchSize }, (_, j) => makeOrder(i + j)));
      if (result.created !== batchSize)
        throw new Error(`expected ${batchSize} new orders, got ${result.created}`);
      credited += result.results.filter((r) => r.ambassadorId).length;
      batchMs.push(performance.now() - t);
    }
    const elapsed = performance.now() - started;
    batchMs.sort((a, b) => a - b);
    return {
      database: kind,
      orders: total,
      ordersPerSecond: (total / elapsed) * 1000,
      batchMsP50: batchMs[Math.floor(batchMs.length / 2)] ?? 0,
      credited,
    };
  } finally {
    services.mailer.close();
    await services.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [await run('pglite')];

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
let postgresNote: string | null = null;
try {
  await admin.connect();
} catch (error) {
  postgresNote = `PostgreSQL not reachable (${(error as Error).message})`;
}
if (!postgresNote) {
  const name = `troupe_bench_ingest_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    results.push(await run('postgres', url.toString()));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
process.stdout.write(`${JSON.stringify({ ambassadors, clicks, batchSize, results, postgresNote })}\n`);
