// A discount code with an open leak alert written straight to the database, for tests that need one
// without walking an ambassador to the active stage (the tenancy test).

import { codeAlert, discountCode } from '../../src/server/modules/codes/codes.schema';
import type { TestContext } from '../harness';

export async function seedCodeAndAlert(
  ctx: TestContext,
  workspaceId: string,
  programId: string,
  ambassadorId: string,
) {
  const code = `dsc_t_${Math.random().toString(36).slice(2, 10)}`;
  const alert = `cal_t_${Math.random().toString(36).slice(2, 10)}`;
  const { db } = ctx.services.database;
  await db
    .insert(discountCode)
    .values({ id: code, workspaceId, programId, ambassadorId, code: `TEN${code.slice(-6).toUpperCase()}` });
  await db.insert(codeAlert).values({
    id: alert,
    workspaceId,
    codeId: code,
    reasons: ['Redeemed from coupon sites: 2 of 2 redemptions were referred by one.'],
    figures: {
      redemptions: 2,
      redemptionsWithClick: 0,
      couponSiteRedemptions: 2,
      ambassadorClicks: 0,
      windowDays: 30,
    },
  });
  return { code, alert };
}
