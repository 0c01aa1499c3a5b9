// A caption shown as text (never HTML) with highlighted spans; optionally reports the text the reader
// selects, as offsets into the caption, so a reviewer can anchor a comment to it.
import { Box, Tooltip } from '@mantine/core';
import { useRef } from 'react';
import { type Mark, segmentCaption } from './segments';

export interface CaptionSelection {
  start: number;
  end: number;
  quote: string;
}

/** Offset of a DOM point inside `root`, counted in the caption's UTF-16 units (the text nodes are the caption). */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

export function CaptionText(props: {
  caption: string;
  marks?: Mark[];
  /** Text shown on hover of a mark, by mark id. */
  notes?: Record<string, string>;
  activeMark?: string | null;
  onSelectSpan?: (selection: CaptionSelection | null) => void;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const segments = segmentCaption(props.caption, props.marks ?? []);

  const readSelection = () => {
    if (!props.onSelectSpan || !ref.current) return;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!ref.current.contains(range.startContainer) || !ref.current.contains(range.endContainer)) return;
    const start = offsetIn(ref.current, range.startContainer, range.startOffset);
    const end = offsetIn(ref.current, range.endContainer, range.endOffset);
    if (end <= start) return;
    props.onSelectSpan({ start, end, quote: props.caption.slice(start, end) });
  };

  return (
    <Box
      ref={ref}
      data-testid="caption-text"
      aria-label={props.label ?? 'Caption'}
      onMouseUp={readSelection}
      onKeyUp={readSelection}
      p="sm"
      bg="var(--mantine-color-gray-0)"
      style={{
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        borderRadius: 'var(--mantine-radius-md)',
        border: '1px solid var(--mantine-color-gray-3)',
        fontSize: 'var(--mantine-font-size-sm)',
        lineHeight: 1.6,
        cursor: props.onSelectSpan ? 'text' : undefined,
      }}
    >
      {segments.map((segment) => {
        if (segment.marks.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const active = props.activeMark ? segment.marks.includes(props.activeMark) : false;
        const note = segment.marks
          .map((id) => props.notes?.[id])
          .filter(Boolean)
          .join(' · ');
        const mark = (
          <mark
            key={segment.start}
            data-marks={segment.marks.join(' ')}
            style={{
              background: active ? 'var(--mantine-color-yellow-4)' : 'var(--mantine-color-yellow-2)',
              borderBottom: '2px solid var(--mantine-color-yellow-7)',
              padding: 0,
            }}
          >
            {segment.text}
          </mark>
        );
        return note ? (
          <Tooltip key={segment.start} label={note} multiline maw={320} withinPortal>
            {mark}
          </Tooltip>
        ) : (
          mark
        );
      })}
    </Box>
  );
}
