// Columns every tenant table repeats, declared once.
import { text, timestamp } from 'drizzle-orm/pg-core';
import { workspace } from '../modules/workspaces/workspaces.schema';

/** `workspace_id`, the tenant key: every tenant table has it, and deleting a workspace deletes its rows. */
export const workspaceIdColumn = () =>
  text('workspace_id')
    .notNull()
    .references(() => workspace.id, { onDelete: 'cascade' });

/** `created_at` (UTC, set by the database). */
export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
