// What changed between two versions of a brief (B1), field by field, for the ambassador's "What changed"
// box and the manager's version history. Pure: lists are compared as sets of trimmed, case-insensitive
// items (so re-ordering is not a change); text and single values are compared as written.

/** The parts of a brief's content the diff reads (the server's BriefContent satisfies it). */
export interface DiffableBrief {
  title: string;
  summary: string;
  mustInclude: {
    productNames: readonly string[];
    mentions: readonly string[];
    keyClaims: readonly string[];
    legalLines: readonly string[];
    trackingLinkOrCode: boolean;
  };
  mustAvoid: { competitors: readonly string[]; themes: readonly string[]; words: readonly string[] };
  disclosure: { markers: readonly string[]; instagramWithinFirstCharacters: number | null };
  formats: readonly string[];
  startsOn: string | null;
  endsOn: string | null;
  freedomNotes: string;
}

export type BriefChange =
  | { field: string; label: string; kind: 'list'; added: string[]; removed: string[] }
  | { field: string; label: string; kind: 'text'; before: string; after: string };

type ListField = { field: string; label: string; get: (b: DiffableBrief) => readonly string[] };
type TextField = { field: string; label: string; get: (b: DiffableBrief) => string };

const textFields: TextField[] = [
  { field: 'title', label: 'Title', get: (b) => b.title },
  { field: 'summary', label: 'Summary', get: (b) => b.summary },
  {
    field: 'mustInclude.trackingLinkOrCode',
    label: 'Tracking link or code',
    get: (b) => (b.mustInclude.trackingLinkOrCode ? 'required' : 'not required'),
  },
  {
    field: 'disclosure.instagramWithinFirstCharacters',
    label: 'Instagram disclosure within',
    get: (b) =>
      b.disclosure.instagramWithinFirstCharacters === null
        ? 'the default (125 characters)'
        : `${b.disclosure.instagramWithinFirstCharacters} characters`,
  },
  { field: 'startsOn', label: 'Starts on', get: (b) => b.startsOn ?? '' },
  { field: 'endsOn', label: 'Ends on', get: (b) => b.endsOn ?? '' },
  { field: 'freedomNotes', label: 'Creative freedom', get: (b) => b.freedomNotes },
];

const listFields: ListField[] = [
  { field: 'mustInclude.productNames', label: 'Product names', get: (b) => b.mustInclude.productNames },
  { field: 'mustInclude.mentions', label: 'Mentions', get: (b) => b.mustInclude.mentions },
  { field: 'mustInclude.keyClaims', label: 'Key claims', get: (b) => b.mustInclude.keyClaims },
  { field: 'mustInclude.legalLines', label: 'Legal lines', get: (b) => b.mustInclude.legalLines },
  { field: 'mustAvoid.competitors', label: 'Competitors to avoid', get: (b) => b.mustAvoid.competitors },
  { field: 'mustAvoid.themes', label: 'Themes to avoid', get: (b) => b.mustAvoid.themes },
  { field: 'mustAvoid.words', label: 'Words to avoid', get: (b) => b.mustAvoid.words },
  { field: 'disclosure.markers', label: 'Disclosure markers', get: (b) => b.disclosure.markers },
  { field: 'formats', label: 'Formats', get: (b) => b.formats },
];

const key = (item: string) => item.trim().toLocaleLowerCase();

/** Items of `a` that `b` lacks (compared trimmed and case-insensitively), in `a`'s order, once each. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b.map(key));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of a) {
    const k = key(item);
    if (inB.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(item.trim());
  }
  return out;
}

/**
 * The changes from `before` to `after`, text fields first, then lists; empty when nothing changed.
 * @example diffBriefs(v1, v2) // [{ field: 'mustAvoid.words', kind: 'list', added: ['cure'], removed: [] }]
 */
export function diffBriefs(before: DiffableBrief, after: DiffableBrief): BriefChange[] {
  const changes: BriefChange[] = [];
  for (const f of textFields) {
    const a = f.get(before).trim();
    const b = f.get(after).trim();
    if (a !== b) changes.push({ field: f.field, label: f.label, kind: 'text', before: a, after: b });
  }
  for (const f of listFields) {
    const added = missingFrom(f.get(after), f.get(before));
    const removed = missingFrom(f.get(before), f.get(after));
    if (added.length + removed.length > 0)
      changes.push({ field: f.field, label: f.label, kind: 'list', added, removed });
  }
  return changes;
}
