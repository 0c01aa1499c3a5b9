import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { user } from '../auth/auth.schema';
import { program } from '../programs/programs.schema';
import type { BriefContent } from './briefs.contract';

/** A brief (B1) of a program, optionally for one campaign; its content lives in versions. */
export const brief = pgTable(
  'brief',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    /** Optional campaign label; null: the program's standing brief. */
    campaign: text('campaign'),
    currentVersion: integer('current_version').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
    /** When the current version was published: the stale flag counts from here. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('brief_program_idx').on(t.programId)],
);

/** One immutable version of a brief. */
export const briefVersion = pgTable(
  'brief_version',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    briefId: text('brief_id')
      .notNull()
      .references(() => brief.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<BriefContent>().notNull(),
    /** What changed, in the author's words (shown to ambassadors with the computed differences). */
    changeNote: text('change_note').notNull().default(''),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('brief_version_uq').on(t.briefId, t.version)],
);
