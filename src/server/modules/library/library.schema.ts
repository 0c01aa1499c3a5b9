import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { submission } from '../content/content.schema';
import { ambassador } from '../people/people.schema';
import { contentFormats, platforms, usageChannels } from '../programs/programs.contract';
import { program } from '../programs/programs.schema';

/** A metrics snapshot of a published post (B5), entered by hand, imported by CSV or from a connector. */
export const postMetrics = pgTable(
  'post_metrics',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submission.id, { onDelete: 'cascade' }),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    likes: integer('likes'),
    comments: integer('comments'),
    shares: integer('shares'),
    saves: integer('saves'),
    views: integer('views'),
    reach: integer('reach'),
    source: text('source', { enum: ['manual', 'csv', 'connector'] }).notNull(),
    createdAt: createdAtColumn(),
  },
  // One snapshot per post and moment: importing the same export twice updates instead of doubling.
  (t) => [uniqueIndex('post_metrics_submission_captured_uq').on(t.submissionId, t.capturedAt)],
);

/** A UGC asset (B7): an approved and published submission the brand may reuse within its rights. */
export const asset = pgTable(
  'asset',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    submissionId: text('submission_id')
      .notNull()
      .unique()
      .references(() => submission.id, { onDelete: 'cascade' }),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: platforms }).notNull(),
    format: text('format', { enum: contentFormats }).notNull(),
    /** Products the piece shows (from the brief's product names found in the caption, editable). */
    products: jsonb('products').$type<string[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('asset_workspace_published_idx').on(t.workspaceId, t.publishedAt),
    index('asset_ambassador_idx').on(t.ambassadorId),
  ],
);

/** A usage right on an asset: one channel from `startsOn` to `endsOn` (null: no end). */
export const usageRight = pgTable(
  'usage_right',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    assetId: text('asset_id')
      .notNull()
      .references(() => asset.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: usageChannels }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** `program`: from the program's default usage rights (agreement); `asset`: granted for this piece. */
    grantedBy: text('granted_by', { enum: ['program', 'asset'] }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('usage_right_asset_channel_uq').on(t.assetId, t.channel)],
);

/** A post found by social listening (B8), matched to an ambassador by handle and to a submission by URL. */
export const listenedPost = pgTable(
  'listened_post',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    platform: text('platform', { enum: platforms }).notNull(),
    handle: text('handle').notNull(),
    url: text('url').notNull(),
    caption: text('caption').notNull().default(''),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    ambassadorId: text('ambassador_id').references(() => ambassador.id, { onDelete: 'set null' }),
    submissionId: text('submission_id').references(() => submission.id, { onDelete: 'set null' }),
    /** How the submission was matched: `url`, `caption`, or null when not matched. */
    matchedBy: text('matched_by', { enum: ['url', 'caption'] }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('listened_post_url_uq').on(t.workspaceId, t.url)],
);

/** A cadence reminder sent to an ambassador for one month (B6), so each is sent once. */
export const cadenceReminder = pgTable(
  'cadence_reminder',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    outboxMessageId: text('outbox_message_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('cadence_reminder_uq').on(t.ambassadorId, t.month)],
);
