import { randomBytes } from 'node:crypto';
import { slugify } from '../../core/text/slug';

/** A slug with a short random suffix, for when the plain one is taken. */
export function slugWithSuffix(text: string): string {
  return `${slugify(text).slice(0, 42)}-${randomBytes(3).toString('hex')}`;
}
