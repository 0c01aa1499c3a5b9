import { describe, expect, it } from 'vitest';
import { segmentsOf } from './highlight';

describe('segmentsOf', () => {
  const cases = [
    { name: 'no span', caption: 'Hello', span: undefined, expected: [{ text: 'Hello', isMarked: false }] },
    {
      name: 'a span in the middle',
      caption: 'Hi #ad there',
      span: { start: 3, end: 6 },
      expected: [
        { text: 'Hi ', isMarked: false },
        { text: '#ad', isMarked: true },
        { text: ' there', isMarked: false },
      ],
    },
    {
      name: 'a span at the start',
      caption: '#ad hi',
      span: { start: 0, end: 3 },
      expected: [
        { text: '#ad', isMarked: true },
        { text: ' hi', isMarked: false },
      ],
    },
    {
      name: 'a span past the end is clamped',
      caption: 'abc',
      span: { start: 2, end: 99 },
      expected: [
        { text: 'ab', isMarked: false },
        { text: 'c', isMarked: true },
      ],
    },
    {
      name: 'markup stays text',
      caption: '<script>x</script>',
      span: { start: 0, end: 8 },
      expected: [
        { text: '<script>', isMarked: true },
        { text: 'x</script>', isMarked: false },
      ],
    },
  ];
  for (const c of cases) it(c.name, () => expect(segmentsOf(c.caption, c.span)).toEqual(c.expected));
});
