// better-auth: staff users, sessions (HttpOnly, SameSite=Lax cookies), password hashing.
// Ambassadors are not better-auth users: they sign in to the portal with links (modules/portal).
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../../db/client';
import type { Logger } from '../../lib/logger';
import { installIdleAuthStorage } from './async-storage';
import { account, session, user, verification } from './auth.schema';

export interface AuthOptions {
  db: Db;
  logger: Logger;
  baseUrl: string;
  secret: string;
}

/** Creates the better-auth instance mounted at /api/auth. */
export function createAuth(options: AuthOptions) {
  const { db } = options;
  installIdleAuthStorage();
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
  });
}

export type Auth = ReturnType<typeof createAuth>;
