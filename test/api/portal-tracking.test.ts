// The portal's "Your link and code": an ambassador sees only their own active codes and live links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/lib/ids';
import { discountCode } from '../../src/server/modules/codes/codes.schema';
import { link } from '../../src/server/modules/links/links.schema';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import {
  type TestClient as Client,
  createTestContext,
  signUp,
  TestClient,
  type TestContext,
} from '../harness';
import { signInAmbassador } from '../portal-helpers';

const toActive = ['invited', 'applied', 'accepted', 'onboarding', 'active'];
let ctx: TestContext;
let owner: Client;
let ws: string;
let programName: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext({ env: { PUBLIC_URL: 'https://troupe.example.com' } });
  ({ client: owner, workspaceId: ws } = await signUp(ctx, { workspaceName: 'Glow Co' }));
  const prg = await createProgram(owner, ws, { name: 'Glow Squad' });
  const draft = await createProgram(owner, ws, { name: 'Secret Launch', status: 'draft' });
  programName = 'Glow Squad';
  const jane = await createCreator(owner, ws, { name: 'Jane Doe', email: 'jane@example.com' });
  const zoe = await createCreator(owner, ws, { name: 'Zoe Moss', email: 'zoe@example.com' });
  const janeSeat = await addToProgram(owner, ws, prg.id, jane.id);
  await walk(owner, ws, janeSeat.id, toActive);
  const zoeSeat = await addToProgram(owner, ws, prg.id, zoe.id);
  await walk(owner, ws, zoeSeat.id, toActive);
  const janeDraftSeat = await addToProgram(owner, ws, draft.id, jane.id, 'invited');
  const db = ctx.services.database.db;
  const code = (ambassadorId: string, programId: string, value: string, status: 'active' | 'retired') => ({
    id: newId('discountCode'),
    workspaceId: ws,
    programId,
    ambassadorId,
    code: value,
    description: '15% off',
    status,
    ...(status === 'retired' ? { retiredAt: new Date(), retiredReason: 'Leaked' } : {}),
  });
  await db
    .insert(discountCode)
    .values([
      code(janeSeat.id, prg.id, 'JANE15K7QM', 'active'),
      code(janeSeat.id, prg.id, 'JANE15', 'retired'),
      code(zoeSeat.id, prg.id, 'ZOEM15', 'active'),
      code(janeDraftSeat.id, draft.id, 'JANEDRAFT', 'active'),
    ]);
  const aLink = (
    ambassadorId: string,
    programId: string,
    slug: string,
    extra: Partial<typeof link.$inferInsert> = {},
  ) => ({
    id: newId('link'),
    workspaceId: ws,
    programId,
    ambassadorId,
    slug,
    destination: 'https://glowandco.example/',
    ...extra,
  });
  ids.janeLink = newId('link');
  await db
    .insert(link)
    .values([
      { ...aLink(janeSeat.id, prg.id, 'janeLive1'), id: ids.janeLink, campaign: 'spring' },
      aLink(janeSeat.id, prg.id, 'janeOff01', { disabledAt: new Date() }),
      aLink(janeSeat.id, prg.id, 'janeOld01', { expiresAt: new Date(Date.now() - 86_400_000) }),
      aLink(zoeSeat.id, prg.id, 'zoeLive01'),
      aLink(janeDraftSeat.id, draft.id, 'janeDraft'),
    ]);
});
afterAll(async () => ctx.close());

describe('GET /api/v1/portal/tracking', () => {
  it('lists the ambassador’s own active codes and live links, with the program name', async () => {
    const { client } = await signInAmbassador(ctx, 'jane@example.com');
    const res = await client.get('/api/v1/portal/tracking');
    expect(res.status).toBe(200);
    expect(res.body.codes).toEqual([
      expect.objectContaining({ code: 'JANE15K7QM', description: '15% off', programName }),
    ]);
    expect(res.body.links).toEqual([
      expect.objectContaining({
        id: ids.janeLink,
        url: 'https://troupe.example.com/l/janeLive1',
        campaign: 'spring',
        programName,
      }),
    ]);
  });

  it('never lists another ambassador’s codes or links', async () => {
    const { client } = await signInAmbassador(ctx, 'zoe@example.com');
    const res = await client.get('/api/v1/portal/tracking');
    expect(res.status).toBe(200);
    expect(res.body.codes.map((c: { code: string }) => c.code)).toEqual(['ZOEM15']);
    expect(res.body.links.map((l: { url: string }) => l.url)).toEqual([
      'https://troupe.example.com/l/zoeLive01',
    ]);
    const text = JSON.stringify(res.body);
    // Jane's codes, link slugs and address (ids are random lower-case characters, which may spell "jane").
    expect(text).not.toContain('JANE');
    expect(text).not.toMatch(/\/l\/jane|jane@/);
  });

  it('needs a portal session', async () => {
    expect((await new TestClient(ctx.app).get('/api/v1/portal/tracking')).status).toBe(401);
    // A team session is not a portal session.
    expect((await owner.get('/api/v1/portal/tracking')).status).toBe(401);
  });
});
