import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaceIdColumn } from '../../db/columns';

/** Append-only record of state changes (PRODUCT I5): who, what, when, before/after, why. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    actorType: text('actor_type', { enum: ['user', 'ambassador', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The creator this event is about, so a person's timeline is one indexed query. */
    creatorId: text('creator_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason').notNull().default(''),
    // clock_timestamp(), not now(): events written in one transaction keep their order.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    index('audit_event_workspace_idx').on(t.workspaceId, t.createdAt),
    index('audit_event_creator_idx').on(t.creatorId, t.createdAt),
    index('audit_event_entity_idx').on(t.entityId),
  ],
);
