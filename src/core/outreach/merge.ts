// Outreach merge fields (PRODUCT R4): which `{{fields}}` a template may use and how one recipient's values
// fill them. A field left empty stays in the text as `{{field}}` and is reported, so a send can be refused.

/** Every field a template may use; `recentPost` is the personal line the sender writes for each person. */
export const mergeFields = [
  'firstName',
  'name',
  'handle',
  'platform',
  'recentPost',
  'programName',
  'brandName',
  'offer.fee',
  'offer.commission',
  'offer.product',
] as const;

export type MergeField = (typeof mergeFields)[number];
export type MergeValues = Partial<Record<MergeField, string | null | undefined>>;

/** What each field is filled with, for the editor's cheat sheet. */
export const mergeFieldHelp: Record<MergeField, string> = {
  firstName: 'First word of the creator’s name',
  name: 'The creator’s full name',
  handle: 'Their handle, e.g. @janeglows',
  platform: 'Instagram, TikTok or YouTube',
  recentPost: 'A line you write about one of their recent posts (required for each person)',
  programName: 'The program you invite them to',
  brandName: 'Your workspace’s name',
  'offer.fee': 'The fee, e.g. €150.00',
  'offer.commission': 'The commission, e.g. 10%',
  'offer.product': 'The product you offer',
};

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isMergeField(name: string): name is MergeField {
  return (mergeFields as readonly string[]).includes(name);
}

/** The distinct field names a text uses, in order of first use (known or not). */
export function fieldsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(placeholder)) seen.add(match[1] ?? '');
  return [...seen];
}

/** The field names in `text` that are not merge fields (a typo such as `{{frstName}}`). */
export function unknownFieldsIn(text: string): string[] {
  return fieldsIn(text).filter((f) => !isMergeField(f));
}

export interface Rendered {
  text: string;
  /** Fields used by the text that have no value for this recipient, in order of first use. */
  unfilled: MergeField[];
}

/**
 * Fills the merge fields of `text` with `values`. Fields with no (or only blank) value stay as
 * `{{field}}` and are listed in `unfilled`; unknown fields are left untouched (templates are checked for
 * them when saved).
 * @example renderMerge('Hi {{ firstName }}!', { firstName: 'Jane' }) // { text: 'Hi Jane!', unfilled: [] }
 */
export function renderMerge(text: string, values: MergeValues): Rendered {
  const unfilled: MergeField[] = [];
  const out = text.replace(placeholder, (whole, raw: string) => {
    if (!isMergeField(raw)) return whole;
    const value = values[raw]?.trim();
    if (value) return value;
    if (!unfilled.includes(raw)) unfilled.push(raw);
    return `{{${raw}}}`;
  });
  return { text: out, unfilled };
}

/** The first word of a name, for `{{firstName}}` ("Jane Doe" → "Jane"). */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** A fee in minor units as text, e.g. 15000 EUR → "€150.00" (empty when there is no fee). */
export function formatFee(feeMinor: number | null, currency: string): string {
  if (feeMinor === null) return '';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(feeMinor / 100);
  } catch {
    return `${(feeMinor / 100).toFixed(2)} ${currency}`;
  }
}

/** A commission percentage as text, e.g. 12.5 → "12.5%" (empty when there is none). */
export function formatCommission(percent: number | null): string {
  return percent === null ? '' : `${percent}%`;
}
