import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';

/** A discount code issued to an ambassador (T2). Codes compare case-insensitively; stored upper-case. */
export const discountCode = pgTable(
  'discount_code',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    /** Why it was retired (rotated after a leak, ambassador left, by hand). */
    retiredReason: text('retired_reason'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Set when created in a store through its API (e.g. Shopify price rule / discount code ids). */
    externalRef: jsonb('external_ref').$type<Record<string, string>>(),
    syncedAt: timestamp('synced_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    // A retired code keeps its row (orders still name it), so it can never be issued again.
    uniqueIndex('discount_code_workspace_code_uq').on(t.workspaceId, sql`upper(${t.code})`),
    index('discount_code_ambassador_idx').on(t.ambassadorId),
  ],
);

/** A leaked-code alert (T6): why the code looks leaked, with the figures, until someone resolves it. */
export const codeAlert = pgTable(
  'code_alert',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    codeId: text('code_id')
      .notNull()
      .references(() => discountCode.id, { onDelete: 'cascade' }),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    figures: jsonb('figures').$type<Record<string, number>>().notNull(),
    resolution: text('resolution', { enum: ['rotated', 'dismissed'] }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('code_alert_workspace_idx').on(t.workspaceId, t.resolvedAt)],
);
