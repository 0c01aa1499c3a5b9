// Creators through the API: what a social account may link to, one account per handle, and racing writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signUp, type TestClient, type TestContext } from '../harness';

let ctx: TestContext;
let client: TestClient;
let ws: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ({ client, workspaceId: ws } = await signUp(ctx));
});
afterAll(async () => ctx.close());

const createCreator = (body: Record<string, unknown>) =>
  client.post(`/api/v1/workspaces/${ws}/creators`, body);
const withUrl = (url: string) =>
  createCreator({ name: 'Linked', socialAccounts: [{ platform: 'instagram', handle: 'linked', url }] });

describe('social account links', () => {
  for (const url of [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://files.example.com/ada',
    'http://localhost:3000/admin',
  ]) {
    it(`refuses ${url}, naming the field`, async () => {
      const res = await withUrl(url);
      expect(res.status).toBe(422);
      expect(res.body.problems).toEqual([
        { field: 'socialAccounts.0.url', message: 'must be an http(s) address' },
      ]);
    });
  }

  it('keeps an https profile address', async () => {
    const res = await withUrl('https://www.instagram.com/linked/');
    expect(res.status).toBe(201);
    expect(res.body.socialAccounts[0].url).toBe('https://www.instagram.com/linked/');
  });

  it('refuses the same platform and handle twice for one creator, naming the repeat', async () => {
    const res = await createCreator({
      name: 'Twice',
      socialAccounts: [
        { platform: 'tiktok', handle: 'twice' },
        { platform: 'instagram', handle: 'twice' },
        { platform: 'tiktok', handle: '@TWICE' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      { field: 'socialAccounts.2.handle', message: 'repeats tiktok @TWICE from socialAccounts.0' },
    ]);
  });
});

describe('racing writes', () => {
  it('answers two identical creates at once with one 201 and one 409, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const body = { name: `Racer ${round}`, email: `racer${round}@example.com` };
      const results = await Promise.all([createCreator(body), createCreator(body)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body).toMatchObject({ code: 'conflict' });
    }
  });
});
