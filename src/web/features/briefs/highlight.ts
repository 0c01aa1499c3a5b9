// Splits a caption into plain and highlighted segments for a rule's span, so the page renders the
// caption as text (never HTML) with the span marked.

export interface CaptionSegment {
  text: string;
  isMarked: boolean;
}

/**
 * The caption cut around `span` (clamped to the caption); without a span, one plain segment.
 * @example segmentsOf('Hi #ad', { start: 3, end: 6 }) // [{text:'Hi ', isMarked:false}, {text:'#ad', isMarked:true}]
 */
export function segmentsOf(caption: string, span?: { start: number; end: number }): CaptionSegment[] {
  if (!span) return [{ text: caption, isMarked: false }];
  const start = Math.max(0, Math.min(span.start, caption.length));
  const end = Math.max(start, Math.min(span.end, caption.length));
  return [
    { text: caption.slice(0, start), isMarked: false },
    { text: caption.slice(start, end), isMarked: true },
    { text: caption.slice(end), isMarked: false },
  ].filter((s) => s.text !== '');
}
