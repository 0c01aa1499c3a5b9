// Demo discount codes (T2) and one leaked-code alert (T6): codes for the onboarding and active
// ambassadors, a month of orders imported from CSV (a small, honest store: most codes redeemed a few
// times through the ambassador's audience), and one code that ended up on coupon sites. The orders go
// through the ingest path like a real import, so each is credited to its code's ambassador.
import { seededRandom } from '../../../core/seeded-random';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { scanProgramCodes } from '../../modules/codes/code-leaks.service';
import { issueCodesForProgram } from '../../modules/codes/codes.service';
import { storeConnection } from '../../modules/conversions/conversions.schema';
import { ingestOrders } from '../../modules/conversions/ingest.service';
import type { OrderInput } from '../../modules/conversions/ingest-common';
import { getProgramRowOrThrow } from '../../modules/programs/programs.service';
import type { Db } from '../client';

const healthyReferrers = ['instagram.com', 'l.instagram.com', 'www.tiktok.com', 'youtube.com', null];
const couponReferrers = ['www.retailmenot.com', 'couponfollow.com', 'www.dealspotr.com', 'wethrift.com'];

export async function seedDemoCodes(db: Db, scope: WorkspaceScope, programId: string) {
  const program = await getProgramRowOrThrow(db, scope, programId);
  const { issued } = await issueCodesForProgram(db, scope, programId);
  if (issued.length === 0) return;
  const random = seededRandom(1504);
  const connectionId = newId('storeConnection');
  await db.insert(storeConnection).values({
    id: connectionId,
    workspaceId: scope.workspaceId,
    programId,
    kind: 'csv',
    name: 'Orders imported from CSV',
  });
  const now = Date.now();
  const day = 86_400_000;
  const orders: OrderInput[] = [];
  const order = (code: string, ageMs: number, referrerDomain: string | null) => {
    const n = orders.length + 1;
    orders.push({
      externalId: `#${1040 + n}`,
      occurredAt: new Date(now - ageMs),
      amountMinor: 2900 + Math.floor(random() * 60) * 100,
      currency: program.currency,
      codes: [code],
      referrerDomain,
    });
  };
  // The leaked code: 23 redemptions in three weeks, 9 of them from coupon sites, none through a link.
  const [leaked, ...others] = issued;
  for (let i = 0; i < 23; i++) {
    const referrer = i % 5 < 2 ? couponReferrers[i % couponReferrers.length]! : null;
    order(leaked!.code, Math.floor(random() * 21 * day) + 3_600_000, referrer);
  }
  for (const code of others) {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      order(
        code.code,
        Math.floor(random() * 28 * day) + 3_600_000,
        healthyReferrers[Math.floor(random() * healthyReferrers.length)]!,
      );
    }
  }
  // Through the ingest path, like a real CSV import, so each order is attributed to its code's ambassador
  // (credited, with the attribution recorded) rather than sitting uncredited.
  await ingestOrders(db, { id: connectionId, workspaceId: scope.workspaceId, programId }, orders);
  await scanProgramCodes(db, scope, programId);
}
