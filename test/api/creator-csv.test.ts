import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreator, createProgram } from '../factories';
import { createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
let ownerEmail: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws, email: ownerEmail } = await signUp(ctx));
  await createCreator(client, ws, {
    name: 'Existing Person',
    email: 'taken@example.com',
    socialAccounts: [{ platform: 'tiktok', handle: 'already_here', followers: 100 }],
  });
});
afterAll(async () => ctx.close());

const importCsv = (csv: string, query = '') =>
  client.request('POST', `/api/v1/workspaces/${ws}/creators/import${query}`, csv);
const count = async () =>
  (await client.get(`/api/v1/workspaces/${ws}/creators?limit=1`)).body.total as number;

const badCsv = [
  'name,email,country,instagram,instagram_followers,tiktok',
  'Ada Lovelace,ada@example.com,GB,ada.codes,12000,',
  'Bad Email,not-an-email,US,bad.email,500,',
  'Grace Hopper,grace@example.com,US,grace,8800,',
  'Grace Again,GRACE@example.com,US,grace2,100,',
  ',noname@example.com,US,,,',
  'Taken,taken@example.com,DE,,,',
  'Clash,clash@example.com,FR,,,Already_Here',
  'Bad Followers,bf@example.com,US,bf,lots,',
  'Bad Country,bc@example.com,Germany,bc,10,',
].join('\n');

describe('CSV import of creators', () => {
  it('reports every bad row with its line and field, and writes nothing', async () => {
    const before = await count();
    const res = await importCsv(badCsv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 9, validRows: 2, written: false, created: 0 });
    expect(res.body.errors).toEqual([
      { line: 3, field: 'email', message: 'must be a valid email address' },
      { line: 5, field: 'email', message: 'grace@example.com is a duplicate of line 4' },
      { line: 6, field: 'name', message: 'is required' },
      {
        line: 7,
        field: 'email',
        message: 'taken@example.com already belongs to a creator in this workspace',
      },
      { line: 8, field: 'tiktok', message: '@Already_Here already belongs to a creator in this workspace' },
      { line: 9, field: 'instagram_followers', message: 'must be a whole number' },
      { line: 10, field: 'country', message: 'must be a two-letter ISO 3166 country code such as US or DE' },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a file with wrong columns, naming them', async () => {
    const res = await importCsv('full_name,mail\nAda,ada@example.com\n');
    expect(res.body.written).toBe(false);
    expect(res.body.errors).toEqual([
      {
        line: 1,
        field: 'header',
        message: expect.stringMatching(
          /^missing column "name"; unknown column "full_name", "mail"\. Expected columns: name, email.*youtube_followers \(an export's id and programs columns are ignored\)\.$/,
        ),
      },
    ]);
  });

  it('a dry run validates without writing', async () => {
    const before = await count();
    const res = await importCsv('name,email\nLin,lin@example.com\n', '?dryRun=true');
    expect(res.body).toMatchObject({ dryRun: true, written: false, validRows: 1, errors: [] });
    expect(await count()).toBe(before);
  });

  it('skips bad rows when asked, writing the good ones into a program as prospects', async () => {
    const program = await createProgram(client, ws);
    const before = await count();
    const res = await importCsv(badCsv, `?onError=skip&programId=${program.id}`);
    expect(res.body).toMatchObject({ written: true, created: 2, skipped: 7 });
    expect(await count()).toBe(before + 2);
    const board = await client.get(`/api/v1/workspaces/${ws}/programs/${program.id}/ambassadors`);
    expect(
      board.body.items
        .map((a: { creator: { name: string }; stage: string }) => `${a.creator.name}:${a.stage}`)
        .sort(),
    ).toEqual(['Ada Lovelace:prospect', 'Grace Hopper:prospect']);
    const ada = board.body.items.find(
      (a: { creator: { name: string } }) => a.creator.name === 'Ada Lovelace',
    );
    expect(ada.creator).toMatchObject({
      handle: 'ada.codes',
      platform: 'instagram',
      followers: 12000,
      country: 'GB',
    });
  });

  it('imports a large file in one go', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `Bulk ${i},bulk${i}@example.org,US,bulk_${i},${1000 + i}`,
    );
    const res = await importCsv(['name,email,country,instagram,instagram_followers', ...rows].join('\n'));
    expect(res.body).toMatchObject({ written: true, created: 2000, errors: [] });
  });

  it('exports what it imported, protecting spreadsheet users from formulas', async () => {
    await createCreator(client, ws, {
      name: '=HYPERLINK("http://evil")',
      email: 'formula@example.com',
      socialAccounts: [],
    });
    const res = await client.get(`/api/v1/workspaces/${ws}/creators/export.csv?q=formula`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header, row] = (res.body as string).trim().split('\n');
    expect(header).toBe(
      'name,email,phone,country,tags,notes,instagram,instagram_followers,tiktok,tiktok_followers,youtube,youtube_followers,id,programs',
    );
    expect(row).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)",formula@example.com/);
  });

  it('round-trips an export back through import as duplicates, not new people', async () => {
    const exported = await client.get(`/api/v1/workspaces/${ws}/creators/export.csv?q=ada`);
    const res = await importCsv(exported.body as string, '?dryRun=true');
    expect(res.body.errors[0]).toMatchObject({
      line: 2,
      field: 'email',
      message: 'ada@example.com already belongs to a creator in this workspace',
    });
  });

  it('imports an export into another workspace unchanged, id and programs columns included', async () => {
    await createCreator(client, ws, {
      name: '@risky',
      email: 'roundtrip@example.com',
      phone: '+49 30 1234567',
      notes: '-dash first',
      tags: ['vip', 'berlin'],
      socialAccounts: [{ platform: 'youtube', handle: 'roundtrip', followers: 4200 }],
    });
    const exported = await client.get(`/api/v1/workspaces/${ws}/creators/export.csv?q=roundtrip`);
    expect(exported.body).toContain("'+49 30 1234567");
    const other = await signUp(ctx);
    const res = await other.client.request(
      'POST',
      `/api/v1/workspaces/${other.workspaceId}/creators/import`,
      exported.body as string,
    );
    expect(res.body).toMatchObject({ written: true, created: 1, errors: [] });
    const list = await other.client.get(`/api/v1/workspaces/${other.workspaceId}/creators`);
    expect(list.body.items[0]).toMatchObject({
      name: '@risky',
      email: 'roundtrip@example.com',
      phone: '+49 30 1234567',
      notes: '-dash first',
      tags: ['vip', 'berlin'],
      socialAccounts: [{ platform: 'youtube', handle: 'roundtrip', followers: 4200 }],
    });
  });

  it('refuses a file over 20 MB with a problem, also when it arrives in chunks without a length', async () => {
    const row = `${'x'.repeat(1000)}\n`;
    const big = `name\n${row.repeat(21 * 1024)}`;
    const declared = await client.request('POST', `/api/v1/workspaces/${ws}/creators/import`, big, {
      'content-length': String(Buffer.byteLength(big)),
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toBe('application/problem+json');
    expect(declared.body.detail).toBe('The file is larger than 20 MB; split it into smaller files.');

    const signedIn = await ctx.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: ownerEmail, password: 'correct horse battery' }),
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const encoder = new TextEncoder();
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('name\n'));
        for (let i = 0; i < 21; i++) controller.enqueue(encoder.encode(row.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await ctx.app.request(`/api/v1/workspaces/${ws}/creators/import`, {
      method: 'POST',
      body: chunks,
      headers: { 'content-type': 'text/csv', cookie, origin: 'http://localhost:3000' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('content-type')).toBe('application/problem+json');
    expect((await streamed.json()).code).toBe('payload_too_large');
  });
});
