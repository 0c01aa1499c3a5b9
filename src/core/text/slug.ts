// Slugs: lower-case ASCII words joined by dashes. Used for workspace and program addresses and to suggest
// a tidy utm_campaign for a link's campaign label.

/** The text with accents dropped ("Crème" → "Creme"). */
function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Lower-case, ASCII, dash-separated, at most `maxLength` characters (accents dropped, anything else a dash);
 * empty when nothing is left.
 * @example slugWords('Glow & Co. Ambassadors') // 'glow-co-ambassadors'
 */
export function slugWords(text: string, maxLength = 48): string {
  return withoutAccents(text)
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

/** Letters outside a–z once accents are dropped: a slug would lose them ("セール 2026" → "2026"). */
const nonLatinLetter = /(?![a-zA-Z])\p{L}/u;

/**
 * The campaign label to offer instead of one as typed, or null when it is fine. Analytics tools compare
 * utm_campaign exactly, so "Spring Launch" and "spring-launch" would count as two campaigns:
 * - a label the program's other links spell differently (same words) → their spelling;
 * - otherwise a label that is not lower-case words joined by `-`, `_` or `.` → its slug, unless the slug
 *   would drop letters (non-Latin text is left alone) or the label is shorter than 3 characters (still
 *   being typed).
 * @example campaignSuggestion('Black Friday 2026!') // 'black-friday-2026'
 * @example campaignSuggestion('spring launch', ['Spring Launch']) // 'Spring Launch'
 */
export function campaignSuggestion(label: string, existing: readonly string[] = []): string | null {
  const trimmed = label.trim();
  const words = slugWords(trimmed, 100);
  if (words === '') return null;
  const sameWords = existing.find((e) => e !== trimmed && slugWords(e, 100) === words);
  if (sameWords !== undefined) return existing.includes(trimmed) ? null : sameWords;
  if (trimmed.length < 3 || /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(trimmed)) return null;
  return nonLatinLetter.test(withoutAccents(trimmed)) ? null : words;
}
