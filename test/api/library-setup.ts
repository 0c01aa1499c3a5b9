// Shared arrangement for the publication, library and cadence tests: a brand with a program (cadence and
// default usage rights), active ambassadors, and approved submissions inserted in their end state.
import {
  type ApprovedSubmissionInput,
  insertApprovedSubmission,
} from '../../src/server/db/seed/library-fixture';
import { addToProgram, createCreator, createProgram, walk } from '../factories';
import { createTestContext, signUp, type TestClient, type TestContext } from '../harness';

/** A test context; its media storage is the harness's fresh data directory, removed on close. */
export function createLibraryContext(env: Record<string, string> = {}) {
  return createTestContext({ env });
}

export interface Brand {
  client: TestClient;
  ws: string;
  programId: string;
  people: Array<{ creatorId: string; ambassadorId: string; handle: string; email: string; name: string }>;
}

let seq = 0;
/** A brand whose program asks 2 feed posts + 1 reel a month and grants organic + paid social for 90 days. */
export async function setUpBrand(
  ctx: TestContext,
  options: { workspaceName?: string; people?: number; programOverrides?: Record<string, unknown> } = {},
): Promise<Brand> {
  const { client, workspaceId: ws } = await signUp(ctx, {
    workspaceName: options.workspaceName ?? 'Glow Skincare',
  });
  const program = await createProgram(client, ws, {
    name: 'Glow Ambassadors',
    cadence: [
      { format: 'feed', perMonth: 2 },
      { format: 'reel', perMonth: 1 },
    ],
    defaultUsageRights: { channels: ['organic_social', 'paid_social'], durationDays: 90 },
    ...options.programOverrides,
  });
  const names = ['Jane Doe', 'Omar Haddad', 'Lea Martin', 'Sam Lee'];
  const people: Brand['people'] = [];
  for (let i = 0; i < (options.people ?? 2); i++) {
    seq++;
    const handle = `${names[i % names.length]!.split(' ')[0]!.toLowerCase()}_${seq}`;
    const email = `${handle}@example.com`;
    const person = await createCreator(client, ws, {
      name: names[i % names.length],
      email,
      socialAccounts: [{ platform: 'instagram', handle, followers: 8000 }],
    });
    const amb = await addToProgram(client, ws, program.id, person.id, 'applied');
    await walk(client, ws, amb.id, ['accepted', 'onboarding', 'active']);
    people.push({
      creatorId: person.id,
      ambassadorId: amb.id,
      handle,
      email,
      name: names[i % names.length]!,
    });
  }
  return { client, ws, programId: program.id, people };
}

/** An approved submission of `brand.people[who]`. */
export function approved(
  ctx: TestContext,
  brand: Brand,
  who: number,
  overrides: Partial<ApprovedSubmissionInput> = {},
) {
  const p = brand.people[who]!;
  return insertApprovedSubmission(ctx.services.database.db, ctx.services.storage, {
    workspaceId: brand.ws,
    programId: brand.programId,
    ambassadorId: p.ambassadorId,
    creatorId: p.creatorId,
    platform: 'instagram',
    format: 'feed',
    caption: '#ad Morning routine with the Glow Serum ✨',
    ...overrides,
  });
}

/** A tiny but real PNG (1×1). */
export const pngBytes = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
