// Store connections (T3): where a program's orders come from and the secret that signs each webhook.
// A secret leaves the server once (create, rotate); afterwards only its last four characters, and only
// to those who manage stores. Deleting a connection deletes its orders (they cascade), so callers show
// the count first.
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { connectionKindLabels } from '../../../core/stores/kinds';
import type { Db, Tx } from '../../db/client';
import { AppError, type FieldProblem, notFound, validationError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { program } from '../programs/programs.schema';
import { ambassadorIdsIn, ambassadorNames, withNames } from './ambassador-names';
import { toConnections } from './connection-figures';
import { storeConnection, storeOrder, webhookDelivery } from './conversions.schema';
import {
  type ConnectionDetail,
  type ConnectionKind,
  type ConnectionList,
  type CreateConnectionInput,
  isWebhookKind,
  type RevealedConnection,
  topicsByKind,
  type UpdateConnectionInput,
} from './stores.contract';

export type ConnectionRow = typeof storeConnection.$inferSelect;

/** How many deliveries the detail page lists. */
const recentDeliveries = 50;

/** A new WooCommerce webhook secret: 32 random bytes, base64url (43 characters). */
function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** `https://Shop.myshopify.com/` → `shop.myshopify.com`; null when it is not a myshopify.com domain. */
export function normalizeShopDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  return /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(host) ? host : null;
}

interface SecretFields {
  secret?: string | undefined;
  shopDomain?: string | undefined;
  adminToken?: string | undefined;
}

/**
 * Checks the secret fields against what the kind uses; returns them normalised. On create, `isCreate`
 * makes the required secrets required; on update an absent field is left as it is.
 */
function checkSecretFields(kind: ConnectionKind, input: SecretFields, isCreate: boolean) {
  const problems: FieldProblem[] = [];
  const label = connectionKindLabels[kind];
  const secret = input.secret === '' && !isCreate ? undefined : input.secret;
  let shopDomain: string | null | undefined = input.shopDomain;
  let adminToken: string | null | undefined = input.adminToken;

  if (!isWebhookKind(kind) && secret !== undefined && secret !== '') {
    problems.push({ field: 'secret', message: `is not used by ${label} connections; leave it empty` });
  }
  if (kind !== 'shopify') {
    if (shopDomain) problems.push({ field: 'shopDomain', message: 'is only used by Shopify connections' });
    if (adminToken) problems.push({ field: 'adminToken', message: 'is only used by Shopify connections' });
  }
  if (kind === 'shopify') {
    if (isCreate && !secret) {
      problems.push({
        field: 'secret',
        message:
          'is required: paste the API secret key of your Shopify app (or the key Shopify shows under Settings → Notifications → Webhooks), which signs each webhook',
      });
    } else if (secret !== undefined && (secret.length < 16 || /\s/.test(secret))) {
      problems.push({
        field: 'secret',
        message: 'does not look like a Shopify API secret key (too short or has spaces)',
      });
    }
    if (shopDomain === '') shopDomain = null;
    else if (shopDomain !== undefined) {
      const normalized = normalizeShopDomain(shopDomain);
      if (!normalized) {
        problems.push({
          field: 'shopDomain',
          message: 'must be your shop’s myshopify.com domain, such as glow-skincare.myshopify.com',
        });
      } else shopDomain = normalized;
    }
    if (adminToken === '') adminToken = null;
    else if (adminToken !== undefined && (adminToken.length < 16 || /\s/.test(adminToken))) {
      problems.push({
        field: 'adminToken',
        message: 'does not look like an Admin API access token (shpat_…)',
      });
    }
    if (isCreate && adminToken && !shopDomain) {
      problems.push({ field: 'shopDomain', message: 'is required with an Admin API access token' });
    }
  }
  if (
    kind === 'woocommerce' &&
    secret !== undefined &&
    secret !== '' &&
    (secret.length < 16 || /\s/.test(secret))
  ) {
    problems.push({
      field: 'secret',
      message: 'must be at least 16 characters without spaces (or leave it empty and Troupe makes one)',
    });
  }
  if (kind === 'stripe') {
    if (isCreate && !secret) {
      problems.push({
        field: 'secret',
        message:
          'is required: paste the signing secret (whsec_…) Stripe shows for this endpoint under Developers → Webhooks',
      });
    } else if (secret !== undefined && !/^whsec_\S{8,}$/.test(secret)) {
      problems.push({
        field: 'secret',
        message: 'must be the Stripe signing secret, which starts with whsec_',
      });
    }
  }
  if (problems.length > 0) throw validationError(problems);
  return { secret: secret === '' ? undefined : secret, shopDomain, adminToken };
}

/** One connection row of the scope's workspace, or 404. */
export async function getConnectionRowOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
): Promise<ConnectionRow> {
  const [row] = await db
    .select()
    .from(storeConnection)
    .where(and(eq(storeConnection.id, id), eq(storeConnection.workspaceId, scope.workspaceId)));
  if (!row) throw notFound('store connection', id);
  return row;
}

/** Every connection of the workspace, newest first, with the address webhooks and the pixel use. */
export async function listConnections(
  db: Db,
  scope: WorkspaceScope,
  baseUrl: string,
): Promise<ConnectionList> {
  const rows = await db
    .select()
    .from(storeConnection)
    .where(eq(storeConnection.workspaceId, scope.workspaceId))
    .orderBy(desc(storeConnection.createdAt));
  return { items: await toConnections(db, scope, rows), baseUrl };
}

/** The webhook address a platform should POST to: `<base>/webhooks/<kind>/<id>`. */
export function webhookUrlOf(baseUrl: string, row: Pick<ConnectionRow, 'id' | 'kind'>): string | null {
  return isWebhookKind(row.kind) ? `${baseUrl.replace(/\/+$/, '')}/webhooks/${row.kind}/${row.id}` : null;
}

export async function getConnectionOrThrow(
  db: Db | Tx,
  scope: WorkspaceScope,
  id: string,
  baseUrl: string,
): Promise<ConnectionDetail> {
  const row = await getConnectionRowOrThrow(db, scope, id);
  const [connection] = await toConnections(db, scope, [row]);
  const deliveries = await db
    .select()
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.workspaceId, scope.workspaceId), eq(webhookDelivery.connectionId, id)))
    .orderBy(desc(webhookDelivery.receivedAt))
    .limit(recentDeliveries);
  const names = await ambassadorNames(
    db,
    scope,
    deliveries.flatMap((d) => ambassadorIdsIn(d.detail)),
  );
  return {
    ...connection!,
    webhookUrl: webhookUrlOf(baseUrl, row),
    topics: topicsByKind[row.kind],
    baseUrl,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      topic: d.topic,
      externalId: d.externalId,
      status: d.status,
      httpStatus: d.httpStatus,
      detail: d.detail ? withNames(d.detail, names) : null,
      receivedAt: d.receivedAt.toISOString(),
    })),
  };
}

/**
 * Creates a connection for a program. Shopify and Stripe secrets are pasted from the platform;
 * WooCommerce's is generated unless supplied. The answer is the only one that carries the secret.
 */
export async function createConnection(
  db: Db,
  scope: WorkspaceScope,
  input: CreateConnectionInput,
  baseUrl: string,
): Promise<RevealedConnection> {
  const fields = checkSecretFields(input.kind, input, true);
  const secret =
    input.kind === 'woocommerce'
      ? (fields.secret ?? newWebhookSecret())
      : isWebhookKind(input.kind)
        ? fields.secret!
        : null;
  const id = newId('storeConnection');
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: program.id })
      .from(program)
      .where(and(eq(program.id, input.programId), eq(program.workspaceId, scope.workspaceId)));
    if (!owner)
      throw validationError([{ field: 'programId', message: 'is not a program of this workspace' }]);
    await tx.insert(storeConnection).values({
      id,
      workspaceId: scope.workspaceId,
      programId: input.programId,
      kind: input.kind,
      name: input.name,
      secret,
      shopDomain: fields.shopDomain ?? null,
      adminToken: fields.adminToken ?? null,
    });
    await recordAudit(tx, scope, {
      action: 'store_connection.created',
      entityType: 'store_connection',
      entityId: id,
      after: { name: input.name, kind: input.kind, programId: input.programId, hasSecret: secret !== null },
    });
    return {
      connection: await getConnectionOrThrow(tx, scope, id, baseUrl),
      secret,
      adminToken: fields.adminToken ?? null,
    };
  });
}

/** Renames a connection or replaces its secret / Shopify token; the new secret is not echoed back. */
export async function updateConnection(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  input: UpdateConnectionInput,
  baseUrl: string,
): Promise<ConnectionDetail> {
  return db.transaction(async (tx) => {
    const before = await getConnectionRowOrThrow(tx, scope, id);
    const fields = checkSecretFields(before.kind, input, false);
    const changes: Partial<ConnectionRow> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (fields.secret !== undefined) changes.secret = fields.secret;
    if (fields.shopDomain !== undefined) changes.shopDomain = fields.shopDomain;
    if (fields.adminToken !== undefined) changes.adminToken = fields.adminToken;
    const shopDomain = changes.shopDomain !== undefined ? changes.shopDomain : before.shopDomain;
    const adminToken = changes.adminToken !== undefined ? changes.adminToken : before.adminToken;
    if (adminToken && !shopDomain) {
      throw validationError([{ field: 'shopDomain', message: 'is required with an Admin API access token' }]);
    }
    if (Object.keys(changes).length > 0) {
      await tx.update(storeConnection).set(changes).where(eq(storeConnection.id, id));
      await recordAudit(tx, scope, {
        action: 'store_connection.updated',
        entityType: 'store_connection',
        entityId: id,
        before: { name: before.name, shopDomain: before.shopDomain },
        after: {
          name: changes.name ?? before.name,
          shopDomain,
          secretChanged: changes.secret !== undefined,
          adminTokenChanged: changes.adminToken !== undefined,
        },
      });
    }
    return getConnectionOrThrow(tx, scope, id, baseUrl);
  });
}

/**
 * Gives a WooCommerce connection a new generated secret (returned once). Shopify and Stripe make their
 * own secrets, so for them the new one is pasted with an update instead.
 */
export async function rotateConnectionSecret(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  baseUrl: string,
): Promise<RevealedConnection> {
  return db.transaction(async (tx) => {
    const row = await getConnectionRowOrThrow(tx, scope, id);
    if (row.kind !== 'woocommerce') {
      const how = isWebhookKind(row.kind)
        ? `${connectionKindLabels[row.kind]} creates its own secret: roll it there and paste the new one with “Replace secret”.`
        : `${connectionKindLabels[row.kind]} connections have no secret.`;
      throw new AppError('conflict', `Only WooCommerce secrets are generated by Troupe. ${how}`);
    }
    const secret = newWebhookSecret();
    await tx.update(storeConnection).set({ secret }).where(eq(storeConnection.id, id));
    await recordAudit(tx, scope, {
      action: 'store_connection.secret_rotated',
      entityType: 'store_connection',
      entityId: id,
      after: { name: row.name },
    });
    return { connection: await getConnectionOrThrow(tx, scope, id, baseUrl), secret, adminToken: null };
  });
}

/** Disables (deliveries are refused and nothing is recorded) or re-enables a connection. */
export async function setConnectionDisabled(
  db: Db,
  scope: WorkspaceScope,
  id: string,
  isDisabled: boolean,
  baseUrl: string,
): Promise<ConnectionDetail> {
  return db.transaction(async (tx) => {
    const row = await getConnectionRowOrThrow(tx, scope, id);
    if ((row.disabledAt !== null) !== isDisabled) {
      await tx
        .update(storeConnection)
        .set({ disabledAt: isDisabled ? new Date() : null })
        .where(eq(storeConnection.id, id));
      await recordAudit(tx, scope, {
        action: isDisabled ? 'store_connection.disabled' : 'store_connection.enabled',
        entityType: 'store_connection',
        entityId: id,
        after: { name: row.name },
      });
    }
    return getConnectionOrThrow(tx, scope, id, baseUrl);
  });
}

/** Deletes a connection with its deliveries, API keys and orders (and their refunds); returns the order count. */
export async function deleteConnection(
  db: Db,
  scope: WorkspaceScope,
  id: string,
): Promise<{ ordersDeleted: number }> {
  return db.transaction(async (tx) => {
    const row = await getConnectionRowOrThrow(tx, scope, id);
    const [orders] = await tx
      .select({ n: count() })
      .from(storeOrder)
      .where(and(eq(storeOrder.workspaceId, scope.workspaceId), eq(storeOrder.connectionId, id)));
    await tx.delete(storeConnection).where(eq(storeConnection.id, id));
    await recordAudit(tx, scope, {
      action: 'store_connection.deleted',
      entityType: 'store_connection',
      entityId: id,
      before: { name: row.name, kind: row.kind, programId: row.programId, ordersDeleted: orders?.n ?? 0 },
    });
    return { ordersDeleted: orders?.n ?? 0 };
  });
}
