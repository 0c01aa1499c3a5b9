import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { user } from '../auth/auth.schema';
import { ambassador } from '../people/people.schema';
import type { RubricCriterion } from '../programs/programs.contract';

/**
 * R5: one committee member's scores for one applicant (an ambassador in review). Submitted once and then
 * fixed: a reviewer sees the others' scores only after submitting, so changing afterwards would defeat
 * blind scoring. A member who must decide without scoring records an abstention (no scores) instead.
 */
export const applicationReview = pgTable(
  'application_review',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    abstained: boolean('abstained').notNull().default(false),
    /** Criterion id → score 1–5; empty when abstained. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** The rubric as it was when scored, so later rubric edits don't change past scores. */
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull(),
    /** Weighted mean on the 1–5 scale; null when abstained. */
    weightedScore: real('weighted_score'),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('application_review_uq').on(t.ambassadorId, t.reviewerId),
    index('application_review_workspace_idx').on(t.workspaceId),
  ],
);
