// Splits a caption into plain-text segments at the edges of highlighted spans (comments, rule matches),
// so the page renders the caption as text nodes with <mark>s and never as HTML. Pure.

export interface Mark {
  start: number;
  end: number;
  /** What the highlight belongs to (a comment id, a rule id). */
  id: string;
}

export interface Segment {
  text: string;
  start: number;
  /** The ids of every mark covering this segment. */
  marks: string[];
}

/**
 * @example segmentCaption('Hi #ad', [{ start: 3, end: 6, id: 'd' }])
 * // → [{ text: 'Hi ', start: 0, marks: [] }, { text: '#ad', start: 3, marks: ['d'] }]
 */
export function segmentCaption(caption: string, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= caption.length && m.start < m.end);
  const edges = new Set([0, caption.length]);
  for (const m of valid) {
    edges.add(m.start);
    edges.add(m.end);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end <= start) continue;
    segments.push({
      text: caption.slice(start, end),
      start,
      marks: valid.filter((m) => m.start <= start && m.end >= end).map((m) => m.id),
    });
  }
  return segments;
}

/** A short window of the caption around a span: up to `context` characters on each side. */
export function excerpt(caption: string, span: { start: number; end: number }, context = 24) {
  const from = Math.max(0, span.start - context);
  const to = Math.min(caption.length, span.end + context);
  return {
    before: `${from > 0 ? '…' : ''}${caption.slice(from, span.start)}`,
    match: caption.slice(span.start, span.end),
    after: `${caption.slice(span.end, to)}${to < caption.length ? '…' : ''}`,
  };
}
