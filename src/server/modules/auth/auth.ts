// better-auth: users, sessions (HttpOnly, SameSite=Lax cookies), password hashing, magic links.
// Staff sign in with email + password; ambassadors sign in with a magic link sent to their email.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Logger } from '../../lib/logger';
import type { Mailer } from '../outbox/outbox.service';
import { creator } from '../people/people.schema';
import { workspace } from '../workspaces/workspaces.schema';
import { account, session, user, verification } from './auth.schema';

export interface AuthOptions {
  db: Db;
  logger: Logger;
  mailer: Mailer;
  baseUrl: string;
  secret: string;
}

/** Creates the better-auth instance mounted at /api/auth. */
export function createAuth(options: AuthOptions) {
  const { db, mailer } = options;
  return betterAuth({
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.baseUrl],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Login throttling is Troupe's own (http/login-throttle.ts), keyed by address and by email.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // better-auth's own messages go through Troupe's JSON logs (and stay quiet when LOG_LEVEL=silent).
    logger: {
      log: (level, message, ...args) => options.logger[level]({ args }, message),
    },
    advanced: { defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' } },
    plugins: [
      magicLink({
        expiresIn: 60 * 30,
        sendMagicLink: async ({ email, url }) => {
          // Only people who are creators in some workspace get a link; the response is the same either
          // way, so the sign-in form does not reveal who is an ambassador.
          const workspaces = await db
            .selectDistinct({ id: workspace.id, name: workspace.name })
            .from(creator)
            .innerJoin(workspace, eq(workspace.id, creator.workspaceId))
            .where(sql`lower(${creator.email}) = ${email.toLowerCase()}`);
          if (workspaces.length === 0) return;
          const names = workspaces.map((w) => w.name).join(', ');
          await mailer.send(db, {
            workspaceIds: workspaces.map((w) => w.id),
            to: email,
            kind: 'portal.magic_link',
            subject: 'Your sign-in link for the Troupe ambassador portal',
            text: `Hi,\n\nUse this link to sign in to your ambassador portal (${names}):\n\n${url}\n\nThe link works once and expires in 30 minutes. If you did not ask for it, ignore this email.\n`,
          });
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
