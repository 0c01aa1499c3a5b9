// API keys for the generic conversions API (T3, I2): each belongs to a connection of kind `api`, is shown
// once, and is stored only as its SHA-256 hash with a short prefix to recognise it.
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudit } from '../audit/audit.service';
import { user } from '../auth/auth.schema';
import { hashApiKey } from './api-key-hash';
import { apiKey } from './conversions.schema';
import type { ApiKey, CreatedApiKey } from './stores.contract';
import { getConnectionRowOrThrow } from './stores.service';

const keyPrefix = 'trp_live_';
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** How much of a key the list shows: the fixed prefix and four random characters. */
const shownLength = keyPrefix.length + 4;

/** `trp_live_` and 32 uniformly random base62 characters (~190 bits); bytes ≥ 248 are redrawn to avoid bias. */
function newApiKeyToken(): string {
  let out = '';
  while (out.length < 32) {
    for (const b of randomBytes(48)) {
      if (b < 248 && out.length < 32) out += base62[b % 62];
    }
  }
  return `${keyPrefix}${out}`;
}

type ApiKeyRow = typeof apiKey.$inferSelect;

function toApiKey(row: ApiKeyRow, createdBy: string | null): ApiKey {
  return {
    id: row.id,
    connectionId: row.connectionId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The keys of one connection, newest first, revoked ones included. */
export async function listApiKeys(db: Db, scope: WorkspaceScope, connectionId: string): Promise<ApiKey[]> {
  await getConnectionRowOrThrow(db, scope, connectionId);
  const rows = await db
    .select({ key: apiKey, createdBy: user.name })
    .from(apiKey)
    .leftJoin(user, eq(user.id, apiKey.createdBy))
    .where(and(eq(apiKey.workspaceId, scope.workspaceId), eq(apiKey.connectionId, connectionId)))
    .orderBy(desc(apiKey.createdAt));
  return rows.map((r) => toApiKey(r.key, r.createdBy));
}

/** Creates a key for an `api` connection; the answer is the only time the key itself is returned. */
export async function createApiKey(
  db: Db,
  scope: WorkspaceScope,
  connectionId: string,
  input: { name: string },
): Promise<CreatedApiKey> {
  const token = newApiKeyToken();
  const id = newId('apiKey');
  return db.transaction(async (tx) => {
    const connection = await getConnectionRowOrThrow(tx, scope, connectionId);
    if (connection.kind !== 'api') {
      throw new AppError(
        'conflict',
        `API keys belong to connections of kind “api”; “${connection.name}” is a ${connection.kind} connection.`,
      );
    }
    const [row] = await tx
      .insert(apiKey)
      .values({
        id,
        workspaceId: scope.workspaceId,
        connectionId,
        name: input.name,
        tokenHash: hashApiKey(token),
        prefix: token.slice(0, shownLength),
        createdBy: scope.userId === 'system' ? null : scope.userId,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      after: { name: input.name, prefix: row!.prefix, connectionId },
    });
    return { key: toApiKey(row!, scope.userId === 'system' ? null : scope.actorName), token };
  });
}

/** Revokes a key: the conversions API refuses it from now on. The record stays for the audit trail. */
export async function revokeApiKey(
  db: Db,
  scope: WorkspaceScope,
  connectionId: string,
  keyId: string,
): Promise<ApiKey> {
  return db.transaction(async (tx) => {
    await getConnectionRowOrThrow(tx, scope, connectionId);
    const [row] = await tx
      .select()
      .from(apiKey)
      .where(
        and(
          eq(apiKey.id, keyId),
          eq(apiKey.workspaceId, scope.workspaceId),
          eq(apiKey.connectionId, connectionId),
        ),
      );
    if (!row) throw notFound('API key', keyId);
    if (row.revokedAt) throw new AppError('conflict', `The key “${row.name}” was already revoked.`);
    const [revoked] = await tx
      .update(apiKey)
      .set({ revokedAt: new Date() })
      .where(eq(apiKey.id, keyId))
      .returning();
    await recordAudit(tx, scope, {
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: keyId,
      before: { name: row.name, prefix: row.prefix, connectionId },
    });
    return toApiKey(revoked!, null);
  });
}
