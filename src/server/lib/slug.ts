import { randomBytes } from 'node:crypto';

/** Lower-case, ASCII, dash-separated, at most 48 characters: "Glow & Co. Ambassadors" → "glow-co-ambassadors". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'untitled';
}

/** A slug with a short random suffix, for when the plain one is taken. */
export function slugWithSuffix(text: string): string {
  return `${slugify(text).slice(0, 42)}-${randomBytes(3).toString('hex')}`;
}
