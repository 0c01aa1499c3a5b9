import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AttributionRules } from '../../../core/attribution';
import { workspaceIdColumn } from '../../db/columns';
import { program } from '../programs/programs.schema';

/** The UTM parameters appended to every tracked link of a program (T1). `{handle}` etc. are filled per link. */
export interface UtmTemplate {
  source: string;
  medium: string;
  campaign: string;
  /** Empty: the ambassador's handle. */
  content: string;
}

/**
 * A program's tracking settings (T1, T2, T4, T3 pixel): one row per program, created with defaults on first
 * read. Kept apart from `program` so the program editor's PUT stays as it is.
 */
export const trackingSettings = pgTable('tracking_settings', {
  programId: text('program_id')
    .primaryKey()
    .references(() => program.id, { onDelete: 'cascade' }),
  workspaceId: workspaceIdColumn(),
  /** Hosts a tracked link may send people to (and the pixel may report from); subdomains included. */
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
  utmTemplate: jsonb('utm_template').$type<UtmTemplate>().notNull(),
  attributionRules: jsonb('attribution_rules').$type<AttributionRules>().notNull(),
  /** Discount code pattern such as `{HANDLE}{PERCENT}`; see the codes module. */
  codePattern: text('code_pattern').notNull().default('{HANDLE}{PERCENT}'),
  /** Percent off for `{PERCENT}` and the code's description. */
  codePercent: text('code_percent').notNull().default('15'),
  codeDescription: text('code_description').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
