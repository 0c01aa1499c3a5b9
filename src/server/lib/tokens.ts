// Secrets that travel in links and cookies: random, and stored only as their SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';

/** A new random token (32 bytes, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The hash stored in place of a token, so a database leak does not leak live links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
