// Slugs: lower-case ASCII words joined by dashes. Used for workspace and program addresses and to suggest
// a tidy utm_campaign for a link's campaign label.

/**
 * Lower-case, ASCII, dash-separated, at most `maxLength` characters (accents dropped, anything else a dash);
 * empty when nothing is left.
 * @example slugWords('Glow & Co. Ambassadors') // 'glow-co-ambassadors'
 */
export function slugWords(text: string, maxLength = 48): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/** A slug of `text`, or "untitled" when nothing is left of it. */
export function slugify(text: string): string {
  return slugWords(text) || 'untitled';
}

/**
 * A tidier utm_campaign for a campaign label as typed, or null when the label is tidy already (or has no
 * letters or digits). Analytics tools compare these values exactly, so "Black Friday" and "black-friday"
 * would be two campaigns.
 * @example campaignSuggestion('Black Friday 2026!') // 'black-friday-2026'
 */
export function campaignSuggestion(label: string): string | null {
  const trimmed = label.trim();
  const slug = slugWords(trimmed, 100);
  return slug === '' || slug === trimmed || /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(trimmed) ? null : slug;
}
