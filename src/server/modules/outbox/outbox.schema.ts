import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { roles } from '../../../core/access/roles';
import { workspace } from '../workspaces/workspaces.schema';

/** Every email Troupe sends is recorded here first, so nothing is lost when no SMTP server is set. */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    /** The least role that may read this message: a link that grants a role is only shown to roles that
     * could have granted it (an admin must not read an owner invitation and accept it themselves). */
    readableBy: text('readable_by', { enum: roles }).notNull().default('admin'),
    status: text('status', { enum: ['recorded', 'sent', 'failed'] })
      .notNull()
      .default('recorded'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_workspace_idx').on(t.workspaceId, t.createdAt)],
);
