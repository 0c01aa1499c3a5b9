import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import type {
  ApplicationForm,
  CadenceItem,
  KpiTargets,
  Persona,
  RubricCriterion,
  UsageRights,
} from './programs.contract';
import { defaultApplicationForm, objectives, programStatuses } from './programs.contract';

export const program = pgTable(
  'program',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    objective: text('objective', { enum: objectives }).notNull(),
    why: text('why').notNull().default(''),
    status: text('status', { enum: programStatuses }).notNull().default('draft'),
    kpiTargets: jsonb('kpi_targets').$type<KpiTargets>().notNull(),
    budgetMinor: integer('budget_minor'),
    currency: text('currency').notNull().default('USD'),
    persona: jsonb('persona').$type<Persona>().notNull(),
    capacity: integer('capacity'),
    cadence: jsonb('cadence').$type<CadenceItem[]>().notNull(),
    exclusivityDays: integer('exclusivity_days'),
    competitors: jsonb('competitors').$type<string[]>().notNull(),
    defaultUsageRights: jsonb('default_usage_rights').$type<UsageRights>().notNull(),
    applicationForm: jsonb('application_form')
      .$type<ApplicationForm>()
      .notNull()
      .default({ ...defaultApplicationForm, questions: [] }),
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull().default([]),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('program_workspace_idx').on(t.workspaceId)],
);

export const tier = pgTable(
  'tier',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    followerMin: integer('follower_min'),
    followerMax: integer('follower_max'),
    rank: integer('rank').notNull(),
  },
  (t) => [index('tier_program_idx').on(t.programId)],
);
