// The auth secret and the visitor-hash salt derived from it. Kept apart from the composition root so that a
// redirector running as its own process (`troupe serve --only redirector`) salts visitor hashes exactly like
// the app without loading the app.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './env';
import type { Logger } from './logger';

/**
 * The auth secret: AUTH_SECRET if set, else one generated once and kept in the data directory,
 * so sessions survive restarts of an embedded install without any configuration.
 */
export function authSecret(env: Env, logger: Logger): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = join(env.TROUPE_DATA_DIR, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (env.DATABASE_URL)
    logger.warn(
      'AUTH_SECRET is not set; generated one in the data directory. Set it when running several servers.',
    );
  mkdirSync(env.TROUPE_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The secret salt of visitor hashes, derived from the auth secret (which itself never reaches a click).
 * Every process must derive it alike, or one visitor hashes differently in each.
 */
export function clickSalt(secret: string): string {
  return createHash('sha256').update(`troupe click salt\0${secret}`).digest('hex');
}
