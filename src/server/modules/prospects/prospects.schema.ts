import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';

export const prospectSources = ['customers', 'crm', 'loyalty', 'discovery', 'listening', 'other'] as const;

/**
 * R2/R3: a named list of prospects (a CRM export, a discovery search). Prospects are creators, so a
 * person found twice is one record (de-duplicated by platform + handle, then by email).
 */
export const prospectList = pgTable(
  'prospect_list',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    /** The program these prospects are being considered for (bulk invite targets it). */
    programId: text('program_id').references(() => program.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    source: text('source', { enum: prospectSources }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('prospect_list_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const prospectListEntry = pgTable(
  'prospect_list_entry',
  {
    listId: text('list_id')
      .notNull()
      .references(() => prospectList.id, { onDelete: 'cascade' }),
    creatorId: text('creator_id')
      .notNull()
      .references(() => creator.id, { onDelete: 'cascade' }),
    workspaceId: workspaceIdColumn(),
    /** Where this row came from, as the file said (e.g. "#glowskin search", "Shopify customers"). */
    source: text('source').notNull().default(''),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.creatorId] }),
    index('prospect_entry_creator_idx').on(t.creatorId),
  ],
);
