// The demo's library: published pieces with metrics, an expiring and an expired right, cadence gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthBounds, monthOf } from '../../src/core/cadence';
import { seedDemo } from '../../src/server/db/seed/demo';
import { systemScope } from '../../src/server/lib/scope';
import { listAssets } from '../../src/server/modules/library/assets.service';
import { getCadence } from '../../src/server/modules/library/cadence.service';
import { assetListQuerySchema } from '../../src/server/modules/library/library.contract';
import { listPublications } from '../../src/server/modules/library/publication.service';
import type { TestContext } from '../harness';
import { createLibraryContext } from './library-setup';

let ctx: TestContext;
let workspaceId: string;
let programId: string;
beforeAll(async () => {
  ctx = await createLibraryContext();
  ({ workspaceId, programId } = await seedDemo(ctx.services));
});
afterAll(async () => ctx.close());

describe('the demo library', () => {
  it('has published assets with metrics and media, and one expiring and one expired paid right', async () => {
    const { db } = ctx.services.database;
    const scope = systemScope(workspaceId);
    const all = await listAssets(db, scope, assetListQuerySchema.parse({ limit: 200 }));
    expect(all.total).toBeGreaterThan(30);
    expect(all.products.length).toBeGreaterThan(0);
    expect(all.items.every((a) => a.latestMetrics !== null && a.mediaCount === 1)).toBe(true);
    const soon = await listAssets(
      db,
      scope,
      assetListQuerySchema.parse({ rights: 'expiring_soon', channel: 'paid_social' }),
    );
    const expired = await listAssets(
      db,
      scope,
      assetListQuerySchema.parse({ rights: 'expired', channel: 'paid_social' }),
    );
    expect([soon.total, expired.total]).toEqual([1, 1]);
    // Two of the library's own, plus the content demo's two approved drafts.
    const waiting = await listPublications(db, scope, 'approved');
    expect(waiting.length).toBeGreaterThanOrEqual(2);
  });

  it('has ambassadors behind cadence last month', async () => {
    const lastMonth = monthOf(new Date(monthBounds(monthOf(new Date())).start.getTime() - 86_400_000));
    const report = await getCadence(ctx.services.database.db, systemScope(workspaceId), programId, lastMonth);
    expect(report.ambassadors.length).toBeGreaterThan(5);
    expect(report.behind.length).toBeGreaterThan(0);
    expect(report.behind.length).toBeLessThan(report.ambassadors.length);
  });
});
