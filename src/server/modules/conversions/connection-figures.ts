// What the store connections list shows of each connection: its program, the last delivery, deliveries and
// orders received, and hints of its secrets for those who manage stores. Read for a set of connections at
// once, inside a transaction too (a connection just added is read back in the one that adds it).
import { and, count, desc, eq, gte, inArray, max, notInArray, sql } from 'drizzle-orm';
import { can } from '../../../core/access/roles';
import type { Db, Tx } from '../../db/client';
import { inOrder } from '../../db/in-order';
import type { WorkspaceScope } from '../../lib/scope';
import { program } from '../programs/programs.schema';
import { type storeConnection, storeOrder, webhookDelivery } from './conversions.schema';
import type { Connection } from './stores.contract';
import { testTopics } from './webhooks';

type ConnectionRow = typeof storeConnection.$inferSelect;

/** `…a1b2`: enough to recognise a secret, not enough to use it. */
function hintOf(secret: string | null): string | null {
  return secret ? `…${secret.slice(-4)}` : null;
}

/** Program names, last delivery, deliveries in the last 24 hours and orders received, for a set of connections. */
export async function toConnections(
  db: Db | Tx,
  scope: WorkspaceScope,
  rows: ConnectionRow[],
): Promise<Connection[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const programIds = [...new Set(rows.map((r) => r.programId))];
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  // A signed test delivery proves the secret, not that the store is sending: the list's status leaves it out.
  const inWorkspace = and(
    eq(webhookDelivery.workspaceId, scope.workspaceId),
    notInArray(webhookDelivery.topic, [...new Set(Object.values(testTopics))]),
  );
  // One after another: `db` may be a transaction (a connection just added is read back inside it).
  const [programs, last, recent, orders] = await inOrder([
    db
      .select({ id: program.id, name: program.name, currency: program.currency })
      .from(program)
      .where(and(eq(program.workspaceId, scope.workspaceId), inArray(program.id, programIds))),
    db
      .selectDistinctOn([webhookDelivery.connectionId], {
        connectionId: webhookDelivery.connectionId,
        status: webhookDelivery.status,
        httpStatus: webhookDelivery.httpStatus,
        receivedAt: webhookDelivery.receivedAt,
      })
      .from(webhookDelivery)
      .where(and(inWorkspace, inArray(webhookDelivery.connectionId, ids)))
      .orderBy(webhookDelivery.connectionId, desc(webhookDelivery.receivedAt)),
    db
      .select({ connectionId: webhookDelivery.connectionId, n: count() })
      .from(webhookDelivery)
      .where(
        and(inWorkspace, inArray(webhookDelivery.connectionId, ids), gte(webhookDelivery.receivedAt, since)),
      )
      .groupBy(webhookDelivery.connectionId),
    db
      .select({
        connectionId: storeOrder.connectionId,
        n: count(),
        lastAt: max(storeOrder.createdAt),
        recent:
          sql<number>`count(*) filter (where ${storeOrder.createdAt} >= ${since.toISOString()})`.mapWith(
            Number,
          ),
      })
      .from(storeOrder)
      .where(and(eq(storeOrder.workspaceId, scope.workspaceId), inArray(storeOrder.connectionId, ids)))
      .groupBy(storeOrder.connectionId),
  ]);
  const mayManage = can(scope.role, 'stores.manage');
  return rows.map((r) => {
    const lastDelivery = last.find((d) => d.connectionId === r.id);
    const counted = orders.find((o) => o.connectionId === r.id);
    const owner = programs.find((p) => p.id === r.programId);
    return {
      id: r.id,
      programId: r.programId,
      programName: owner?.name ?? '',
      programCurrency: owner?.currency ?? 'USD',
      kind: r.kind,
      name: r.name,
      isDisabled: r.disabledAt !== null,
      disabledAt: r.disabledAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      hasSecret: r.secret !== null,
      secretHint: mayManage ? hintOf(r.secret) : null,
      shopDomain: r.shopDomain,
      hasAdminToken: r.adminToken !== null,
      adminTokenHint: mayManage ? hintOf(r.adminToken) : null,
      lastDelivery: lastDelivery
        ? {
            status: lastDelivery.status,
            httpStatus: lastDelivery.httpStatus,
            receivedAt: lastDelivery.receivedAt.toISOString(),
          }
        : null,
      deliveriesLast24h: recent.find((d) => d.connectionId === r.id)?.n ?? 0,
      ordersCount: counted?.n ?? 0,
      lastOrderAt: counted?.lastAt?.toISOString() ?? null,
      ordersLast24h: counted?.recent ?? 0,
    };
  });
}
