import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';

/** One answer as submitted, with the question's label and type at the time (the form may change later). */
export interface ApplicationAnswer {
  questionId: string;
  label: string;
  type: 'text' | 'choice' | 'url' | 'number';
  value: string | number | null;
}

/** One handle as the applicant typed it (the creator's social accounts hold the canonical copy). */
export interface ApplicationHandle {
  platform: 'instagram' | 'tiktok' | 'youtube' | 'other';
  handle: string;
  followers: number | null;
}

/**
 * R1: an application submitted on the public page. It creates (or reuses, by email) the creator and an
 * ambassador in `applied`; this row keeps what the applicant wrote and the consent they gave.
 */
export const application = pgTable(
  'application',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    creatorId: text('creator_id')
      .notNull()
      .references(() => creator.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<ApplicationAnswer[]>().notNull(),
    handles: jsonb('handles').$type<ApplicationHandle[]>().notNull(),
    /** The consent text exactly as shown when the applicant ticked it. */
    consentText: text('consent_text').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: ['form', 'import', 'manual'] })
      .notNull()
      .default('form'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('application_ambassador_uq').on(t.ambassadorId),
    index('application_program_idx').on(t.programId, t.createdAt),
    index('application_workspace_idx').on(t.workspaceId),
  ],
);
