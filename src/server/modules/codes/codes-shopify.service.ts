// Creating an ambassador's code in the program's Shopify store (T2), and removing it when the code is
// retired. The HTTP calls run outside any transaction: a slow or failing shop never holds a lock, and a
// failure leaves the Troupe code as it was.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, validationError } from '../../lib/app-error';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { storeConnection } from '../conversions/conversions.schema';
import { getTrackingSettings } from '../tracking/tracking.service';
import { discountCode } from './codes.schema';
import { ShopifyAdminClient } from './shopify-admin';

/** Makes the client for a connection; tests pass one pointing at a local server. */
export type ShopifyClientFactory = (connection: {
  shopDomain: string;
  adminToken: string;
}) => ShopifyAdminClient;

export const defaultShopifyClient: ShopifyClientFactory = (c) =>
  new ShopifyAdminClient({ shopDomain: c.shopDomain, adminToken: c.adminToken });

type CodeRow = typeof discountCode.$inferSelect;

/** Whether the program has a usable Shopify connection (a shop domain and an Admin API token). */
export async function findShopifyConnections(db: Db | Tx, scope: WorkspaceScope, programId: string) {
  return db
    .select()
    .from(storeConnection)
    .where(
      and(
        eq(storeConnection.workspaceId, scope.workspaceId),
        eq(storeConnection.programId, programId),
        eq(storeConnection.kind, 'shopify'),
        isNull(storeConnection.disabledAt),
        sql`${storeConnection.shopDomain} is not null and ${storeConnection.adminToken} is not null`,
      ),
    );
}

/**
 * Creates the code in Shopify as a percentage price rule with one discount code, then stores the ids
 * and the time. Needs the program's Shopify connection (its id when there are several).
 */
export async function syncCodeToShopify(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  codeId: string,
  input: { connectionId?: string | undefined },
  clientFor: ShopifyClientFactory = defaultShopifyClient,
): Promise<void> {
  const [row] = await db
    .select()
    .from(discountCode)
    .where(
      and(
        eq(discountCode.id, codeId),
        eq(discountCode.workspaceId, scope.workspaceId),
        eq(discountCode.programId, programId),
      ),
    );
  if (!row) throw notFound('discount code', codeId);
  if (row.status !== 'active')
    throw new AppError('conflict', `${row.code} is retired; only active codes go to Shopify.`);
  if (row.externalRef?.priceRuleId) throw new AppError('conflict', `${row.code} is already in Shopify.`);
  const shops = await findShopifyConnections(db, scope, programId);
  const shop = input.connectionId ? shops.find((s) => s.id === input.connectionId) : shops[0];
  if (!shop) {
    throw validationError([
      {
        field: 'connectionId',
        message: input.connectionId
          ? 'is not a Shopify connection of this program with an Admin API token'
          : 'this program has no Shopify connection with an Admin API token: add one on the store connections page',
      },
    ]);
  }
  if (!input.connectionId && shops.length > 1) {
    throw validationError([
      { field: 'connectionId', message: 'the program has several Shopify stores: choose one' },
    ]);
  }
  const settings = await getTrackingSettings(db, scope, programId);
  const percent = Number.parseFloat(settings.codePercent);
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw validationError([
      {
        field: 'codePercent',
        message: `the program's percent "${settings.codePercent}" is not between 1 and 100`,
      },
    ]);
  }
  const client = clientFor({ shopDomain: shop.shopDomain ?? '', adminToken: shop.adminToken ?? '' });
  const ref = await client.createPercentageCode({ code: row.code, percent, title: `${row.code} (Troupe)` });
  await db.transaction(async (tx) => {
    await tx
      .update(discountCode)
      .set({ externalRef: { ...ref, connectionId: shop.id }, syncedAt: new Date() })
      .where(eq(discountCode.id, row.id));
    await recordAudit(tx, scope, {
      action: 'discount_code.synced',
      entityType: 'discount_code',
      entityId: row.id,
      after: { code: row.code, shop: shop.shopDomain, ...ref },
    });
  });
}

/**
 * Deletes a retired code's price rule in Shopify so it stops working at checkout. Best effort: returns
 * what happened in words, never throws (the retirement in Troupe stands either way).
 */
export async function removeFromShopify(
  db: Db,
  scope: WorkspaceScope,
  row: CodeRow,
  clientFor: ShopifyClientFactory = defaultShopifyClient,
): Promise<string | null> {
  const ref = row.externalRef;
  if (!ref?.priceRuleId) return null;
  const [shop] = await db
    .select()
    .from(storeConnection)
    .where(
      and(eq(storeConnection.workspaceId, scope.workspaceId), eq(storeConnection.id, ref.connectionId ?? '')),
    );
  if (!shop?.shopDomain || !shop.adminToken) {
    return `${row.code} is still in Shopify: its connection is gone; delete it in the Shopify admin.`;
  }
  try {
    await clientFor({ shopDomain: shop.shopDomain, adminToken: shop.adminToken }).deletePriceRule(
      ref.priceRuleId,
    );
    return `${row.code} was removed from Shopify.`;
  } catch (error) {
    return `${row.code} is still in Shopify (${(error as Error).message}); delete it in the Shopify admin.`;
  }
}
