import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { ambassador } from '../people/people.schema';
import { program } from '../programs/programs.schema';

/** A tracked short link (T1): `/l/<slug>` redirects to `destination` with the program's UTM parameters. */
export const link = pgTable(
  'link',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id')
      .notNull()
      .references(() => ambassador.id, { onDelete: 'cascade' }),
    /** Globally unique (the redirect has no workspace in its URL); case-sensitive. */
    slug: text('slug').notNull().unique(),
    destination: text('destination').notNull(),
    /** Optional campaign label: becomes utm_campaign when set. */
    campaign: text('campaign'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('link_ambassador_idx').on(t.ambassadorId), index('link_program_idx').on(t.programId)],
);

/** One served redirect. The IP is never stored: `visitorHash` is a salted hash of IP + user agent. */
export const click = pgTable(
  'click',
  {
    /** The click id carried to the store as `tclid` (see core/attribution clickIdParam). */
    id: text('id').primaryKey(),
    // No foreign key to workspace: the link's cascades already remove these rows, and each key is a check
    // per inserted row on the redirect's hot path.
    workspaceId: text('workspace_id').notNull(),
    linkId: text('link_id')
      .notNull()
      .references(() => link.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id').notNull(),
    programId: text('program_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    isBot: boolean('is_bot').notNull(),
    isUnique: boolean('is_unique').notNull(),
    device: text('device'),
    os: text('os'),
    browser: text('browser'),
    referrerDomain: text('referrer_domain'),
    visitorHash: text('visitor_hash').notNull(),
    country: text('country'),
  },
  // One secondary index only: every insert pays for each index, and the redirect is the hot path. Charts
  // read click_daily; attribution and leak checks look clicks up by id.
  (t) => [index('click_link_at_idx').on(t.linkId, t.at)],
);

/** Daily click counts per link, kept up to date as clicks are flushed, so charts never scan `click`. */
export const clickDaily = pgTable(
  'click_daily',
  {
    // No foreign key to workspace: the link's cascades already remove these rows, and each key is a check
    // per inserted row on the redirect's hot path.
    workspaceId: text('workspace_id').notNull(),
    linkId: text('link_id')
      .notNull()
      .references(() => link.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id').notNull(),
    programId: text('program_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
    botClicks: integer('bot_clicks').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.day] }),
    index('click_daily_program_day_idx').on(t.programId, t.day),
    index('click_daily_ambassador_day_idx').on(t.ambassadorId, t.day),
    index('click_daily_workspace_idx').on(t.workspaceId, sql`${t.day} desc`),
  ],
);
