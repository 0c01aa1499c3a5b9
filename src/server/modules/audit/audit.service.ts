// Writes and reads AuditEvents. Writers pass their transaction so the event commits with the change.
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import type { AuditEvent } from './audit.contract';
import { auditEvent } from './audit.schema';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  creatorId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
  createdAt?: Date;
  /** Set when an ambassador (not a workspace member) made the change. */
  actorType?: 'ambassador';
}

/** Records one audit event by the scope's actor, inside the caller's transaction. */
export async function recordAudit(tx: Db | Tx, scope: WorkspaceScope, input: AuditInput): Promise<void> {
  await recordAudits(tx, scope, [input]);
}

export async function recordAudits(tx: Db | Tx, scope: WorkspaceScope, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.insert(auditEvent).values(
    inputs.map((input) => ({
      id: newId('auditEvent'),
      workspaceId: scope.workspaceId,
      actorType: input.actorType ?? (scope.userId === 'system' ? ('system' as const) : ('user' as const)),
      actorId: scope.userId === 'system' ? null : scope.userId,
      actorName: scope.actorName,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      creatorId: input.creatorId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      reason: input.reason ?? '',
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })),
  );
}

function toAuditEvent(r: typeof auditEvent.$inferSelect): AuditEvent {
  return {
    id: r.id,
    actorType: r.actorType,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A creator's timeline: every event about them or their ambassador records, newest first. */
export async function listCreatorTimeline(
  db: Db,
  scope: WorkspaceScope,
  creatorId: string,
): Promise<AuditEvent[]> {
  const rows = await db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.workspaceId, scope.workspaceId), eq(auditEvent.creatorId, creatorId)))
    .orderBy(desc(auditEvent.createdAt))
    .limit(500);
  return rows.map(toAuditEvent);
}

/** The workspace's most recent events. */
export async function listWorkspaceAudit(db: Db, scope: WorkspaceScope, limit = 200): Promise<AuditEvent[]> {
  const rows = await db
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.workspaceId, scope.workspaceId))
    .orderBy(desc(auditEvent.createdAt))
    .limit(limit);
  return rows.map(toAuditEvent);
}
