import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { user } from '../auth/auth.schema';
import { creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';

/** A stored vetting report (PRODUCT V1–V9) with the input it was computed from and the engine version. */
export const vettingReport = pgTable(
  'vetting_report',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    creatorId: text('creator_id').references(() => creator.id, { onDelete: 'set null' }),
    programId: text('program_id').references(() => program.id, { onDelete: 'set null' }),
    handle: text('handle').notNull(),
    platform: text('platform').notNull(),
    engineVersion: text('engine_version').notNull(),
    score: integer('score').notNull(),
    verdict: text('verdict', { enum: ['recommend', 'review', 'reject'] }).notNull(),
    input: jsonb('input').notNull(),
    report: jsonb('report').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('vetting_report_workspace_idx').on(t.workspaceId, t.createdAt),
    index('vetting_report_creator_idx').on(t.creatorId),
  ],
);

/**
 * A reviewer's override of one flag on a report (V9): the flag stays visible, marked overridden, with the
 * reviewer's reason; the score shown is recomputed without it. `flagKey` is `<section>:<code>:<n>` where n
 * counts flags with that code in that section, so it is stable for a stored report.
 */
export const vettingFlagOverride = pgTable(
  'vetting_flag_override',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    reportId: text('report_id')
      .notNull()
      .references(() => vettingReport.id, { onDelete: 'cascade' }),
    flagKey: text('flag_key').notNull(),
    reason: text('reason').notNull(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('vetting_flag_override_uq').on(t.reportId, t.flagKey)],
);
