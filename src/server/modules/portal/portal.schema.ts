// Ambassador principals are separate from staff users: a portal link grants a portal session for one
// creator record in one workspace, and nothing else. Only hashes of tokens are stored.
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAtColumn, workspaceIdColumn } from '../../db/columns';
import { creator } from '../people/people.schema';

/** What links and sessions both are: a hashed token granting one creator record until it expires. */
const grantColumns = () => ({
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  workspaceId: workspaceIdColumn(),
  creatorId: text('creator_id')
    .notNull()
    .references(() => creator.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A one-time sign-in link emailed to an ambassador. */
export const portalLink = pgTable(
  'portal_link',
  {
    ...grantColumns(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('portal_link_creator_idx').on(t.creatorId)],
);

/** A signed-in ambassador's session (cookie `troupe_portal`). */
export const portalSession = pgTable(
  'portal_session',
  {
    ...grantColumns(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('portal_session_creator_idx').on(t.creatorId)],
);
