import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { user } from '../auth/auth.schema';
import { outboxMessage } from '../outbox/outbox.schema';
import { ambassador, creator } from '../people/people.schema';
import { program } from '../programs/programs.schema';

/** R4: the offer a template carries (fee + commission + product), filled into `{{offer.*}}` fields. */
export interface OutreachOffer {
  feeMinor: number | null;
  currency: string;
  commissionPercent: number | null;
  product: string;
}

/** R4: a reusable outreach email with merge fields such as `{{firstName}}` and `{{recentPost}}`. */
export const outreachTemplate = pgTable(
  'outreach_template',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    programId: text('program_id').references(() => program.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    offer: jsonb('offer').$type<OutreachOffer>().notNull(),
    /** Send a follow-up this many days after an unanswered message (null: no follow-up). */
    followUpDays: integer('follow_up_days'),
    followUpBody: text('follow_up_body').notNull().default(''),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_template_workspace_idx').on(t.workspaceId)],
);

/** R4: one message sent to one creator, exactly as rendered, with its reply (recorded by hand). */
export const outreachMessage = pgTable(
  'outreach_message',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceIdColumn(),
    templateId: text('template_id').references(() => outreachTemplate.id, { onDelete: 'set null' }),
    creatorId: text('creator_id')
      .notNull()
      .references(() => creator.id, { onDelete: 'cascade' }),
    programId: text('program_id').references(() => program.id, { onDelete: 'set null' }),
    ambassadorId: text('ambassador_id').references(() => ambassador.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['initial', 'follow_up'] }).notNull(),
    /** The first message of the thread (null for the first message itself). */
    threadId: text('thread_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    outboxMessageId: text('outbox_message_id').references(() => outboxMessage.id, { onDelete: 'set null' }),
    sentBy: text('sent_by').references(() => user.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    replyNote: text('reply_note').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('outreach_message_workspace_idx').on(t.workspaceId, t.sentAt),
    index('outreach_message_template_idx').on(t.templateId),
    index('outreach_message_creator_idx').on(t.creatorId),
  ],
);
