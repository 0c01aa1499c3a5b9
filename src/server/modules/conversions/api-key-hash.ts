// API keys for `POST /api/v1/conversions`: only the SHA-256 of a key is stored, looked up by that hash.
import { hashToken } from '../../lib/tokens';

/** The prefix every Troupe API key starts with, so a leaked key is recognisable in logs and scanners. */
export const apiKeyPrefix = 'trp_';

/**
 * The hash stored in `api_key.token_hash` for a key (hex SHA-256 of the whole key as shown once).
 * @example hashApiKey('trp_abc…') // '9f2c…'
 */
export function hashApiKey(token: string): string {
  return hashToken(token.trim());
}
