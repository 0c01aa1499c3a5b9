import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
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
