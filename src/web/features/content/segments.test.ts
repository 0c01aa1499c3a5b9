import { describe, expect, it } from 'vitest';
import { excerpt, segmentCaption } from './segments';

describe('segmentCaption', () => {
  it.each([
    ['no marks', 'Hello', [], [['Hello', []]]],
    [
      'one mark',
      'Hi #ad now',
      [{ start: 3, end: 6, id: 'a' }],
      [
        ['Hi ', []],
        ['#ad', ['a']],
        [' now', []],
      ],
    ],
    [
      'overlapping marks',
      'abcdef',
      [
        { start: 0, end: 4, id: 'a' },
        { start: 2, end: 6, id: 'b' },
      ],
      [
        ['ab', ['a']],
        ['cd', ['a', 'b']],
        ['ef', ['b']],
      ],
    ],
    ['a mark outside the caption is ignored', 'abc', [{ start: 2, end: 9, id: 'x' }], [['abc', []]]],
    ['an empty mark is ignored', 'abc', [{ start: 1, end: 1, id: 'x' }], [['abc', []]]],
    [
      'markup stays text',
      '<script>x</script>',
      [{ start: 0, end: 8, id: 's' }],
      [
        ['<script>', ['s']],
        ['x</script>', []],
      ],
    ],
  ])('%s', (_name, caption, marks, expected) => {
    expect(segmentCaption(caption, marks).map((s) => [s.text, s.marks])).toEqual(expected);
  });
});

describe('excerpt', () => {
  it('shows the span with a little context on each side', () => {
    const caption = `${'a'.repeat(30)}#ad${'b'.repeat(30)}`;
    expect(excerpt(caption, { start: 30, end: 33 }, 5)).toEqual({
      before: '…aaaaa',
      match: '#ad',
      after: 'bbbbb…',
    });
    expect(excerpt('#ad hi', { start: 0, end: 3 })).toEqual({ before: '', match: '#ad', after: ' hi' });
  });
});
