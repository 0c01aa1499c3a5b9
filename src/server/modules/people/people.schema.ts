import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { stages } from '../../../core/pipeline/stages';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { platforms } from '../programs/programs.contract';
import { program, tier } from '../programs/programs.schema';

export const creator = pgTable(
  'creator',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    country: text('country'),
    notes: text('notes').notNull().default(''),
    tags: jsonb('tags').$type<string[]>().notNull(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('creator_workspace_name_idx').on(t.workspaceId, t.name),
    uniqueIndex('creator_workspace_email_uq').on(t.workspaceId, sql`lower(${t.email})`),
    index('creator_email_idx').on(sql`lower(${t.email})`),
  ],
);

export const socialAccount = pgTable(
  'social_account',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    creatorId: text('creator_id')
      .notNull()
      .references(() => creator.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: platforms }).notNull(),
    handle: text('handle').notNull(),
    followers: integer('followers'),
    url: text('url'),
  },
  (t) => [
    index('social_account_creator_idx').on(t.creatorId),
    uniqueIndex('social_account_handle_uq').on(t.workspaceId, t.platform, sql`lower(${t.handle})`),
  ],
);

export const ambassador = pgTable(
  'ambassador',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    creatorId: text('creator_id')
      .notNull()
      .references(() => creator.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: stages }).notNull(),
    tierId: text('tier_id').references(() => tier.id, { onDelete: 'set null' }),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('ambassador_program_creator_uq').on(t.programId, t.creatorId),
    index('ambassador_workspace_idx').on(t.workspaceId),
    index('ambassador_program_stage_idx').on(t.programId, t.stage),
    index('ambassador_creator_idx').on(t.creatorId),
  ],
);
