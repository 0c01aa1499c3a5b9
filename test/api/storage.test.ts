// Media storage: keys cannot leave the disk root; the S3-compatible client signs with SigV4 and speaks
// path-style URLs (checked against a small in-memory S3 stand-in); env selects the backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/server/lib/env';
import { assertStorageKey, diskStorage, s3Storage } from '../../src/server/lib/storage';
import { createServices } from '../../src/server/main';
import { openTestDatabase } from '../harness';

describe('disk storage', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'troupe-storage-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads and deletes by generated key', async () => {
    const storage = diskStorage(join(root, 'media'));
    const bytes = new Uint8Array([1, 2, 3]);
    await storage.put('wsp_1/med_1.png', bytes, 'image/png');
    expect(await storage.get('wsp_1/med_1.png')).toEqual(bytes);
    await expect(storage.put('wsp_1/med_1.png', bytes, 'image/png')).rejects.toThrow();
    await storage.delete('wsp_1/med_1.png');
    expect(await storage.get('wsp_1/med_1.png')).toBeNull();
  });

  it.each([
    '../escape.png',
    '../../etc/passwd',
    '/etc/passwd.txt',
    'wsp_1/../../x.png',
    'wsp_1/..png',
    'wsp_1\\..\\x.png',
    'wsp_1/med.tar.gz',
    'WSP_1/med.png',
    'wsp_1//med.png',
    'wsp_1/med.png\u0000.txt',
    '',
  ])('refuses the key %j', async (key) => {
    const storage = diskStorage(join(root, 'media'));
    expect(() => assertStorageKey(key)).toThrow(/invalid storage key/);
    await expect(storage.put(key, new Uint8Array([1]), 'image/png')).rejects.toThrow();
    await expect(storage.get(key)).rejects.toThrow();
    await expect(storage.delete(key)).rejects.toThrow();
  });
});

describe('S3-compatible storage', () => {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: Array<{
    method: string;
    url: string;
    authorization: string;
    headers: IncomingMessage['headers'];
  }> = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const authorization = req.headers.authorization ?? '';
        seen.push({ method: req.method ?? '', url: req.url ?? '', authorization, headers: req.headers });
        if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
          res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
          return;
        }
        const key = req.url ?? '';
        if (req.method === 'PUT') {
          objects.set(key, { body: Buffer.concat(chunks), type: req.headers['content-type'] ?? '' });
          res.writeHead(200).end();
        } else if (req.method === 'GET') {
          const object = objects.get(key);
          if (!object) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
          else res.writeHead(200, { 'content-type': object.type }).end(object.body);
        } else if (req.method === 'DELETE') {
          objects.delete(key);
          res.writeHead(204).end();
        } else {
          res.writeHead(405).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('puts, gets and deletes objects path-style with a SigV4 Authorization header', async () => {
    const storage = s3Storage({
      endpoint: `${endpoint}/`,
      bucket: 'troupe-media',
      region: 'eu-central-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(storage.kind).toBe('s3');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await storage.put('wsp_a/med_b.png', bytes, 'image/png');
    expect(objects.get('/troupe-media/wsp_a/med_b.png')).toMatchObject({ type: 'image/png' });
    expect(await storage.get('wsp_a/med_b.png')).toEqual(bytes);
    expect(await storage.get('wsp_a/missing.png')).toBeNull();
    await storage.delete('wsp_a/med_b.png');
    expect(objects.size).toBe(0);

    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.url).toBe('/troupe-media/wsp_a/med_b.png');
    expect(put?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(put?.authorization).toContain('x-amz-date');
    expect(put?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(put?.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$|^UNSIGNED-PAYLOAD$/);
    expect(seen.map((r) => r.method)).toEqual(['PUT', 'GET', 'GET', 'DELETE']);
  });

  it('refuses keys that are not generated ones, without a request', async () => {
    const storage = s3Storage({
      endpoint,
      bucket: 'troupe-media',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    const before = seen.length;
    await expect(storage.put('../other-bucket/x.png', new Uint8Array([1]), 'image/png')).rejects.toThrow(
      /invalid storage key/,
    );
    expect(seen.length).toBe(before);
  });

  it('reports a refusal from the service', async () => {
    const storage = s3Storage({
      endpoint,
      bucket: 'b',
      region: 'us-east-1',
      accessKeyId: 'A',
      secretAccessKey: 'S',
    });
    server.removeAllListeners('request');
    server.on('request', (_req, res) => res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>'));
    await expect(storage.put('wsp_a/x.png', new Uint8Array([1]), 'image/png')).rejects.toThrow(
      /403.*AccessDenied/,
    );
  });
});

describe('media storage configuration', () => {
  const s3 = {
    MEDIA_STORAGE: 's3',
    S3_ENDPOINT: 'https://s3.example.com',
    S3_BUCKET: 'media',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'AKID',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('defaults to disk', () => {
    expect(loadEnv({}).MEDIA_STORAGE).toBe('disk');
  });

  it('needs every S3 variable for s3, naming each missing one', () => {
    expect(() => loadEnv({ MEDIA_STORAGE: 's3' })).toThrow(
      /S3_ENDPOINT: is required.*S3_BUCKET.*S3_REGION.*S3_ACCESS_KEY_ID.*S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadEnv({ ...s3, S3_BUCKET: undefined })).toThrow(
      /S3_BUCKET: is required when MEDIA_STORAGE=s3/,
    );
    expect(() => loadEnv({ ...s3, MEDIA_STORAGE: 'ftp' })).toThrow(/MEDIA_STORAGE/);
  });

  it('wires the S3 storage into the services when configured', async () => {
    const database = await openTestDatabase();
    try {
      const services = createServices(
        loadEnv({ ...s3, AUTH_SECRET: 'test-secret-that-is-long-enough', LOG_LEVEL: 'silent' }),
        database,
      );
      expect(services.storage.kind).toBe('s3');
      services.mailer.close();
    } finally {
      await database.close();
    }
  });
});
