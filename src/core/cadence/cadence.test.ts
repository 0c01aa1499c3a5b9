import { describe, expect, it } from 'vitest';
import { computeCadence, daysInMonth, daysLeftInMonth, isMonth, monthBounds, type PublishedPiece } from '.';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const piece = (ambassadorId: string, format: string, day: string): PublishedPiece => ({
  ambassadorId,
  format,
  publishedAt: at(day),
});

describe('months', () => {
  it.each([
    ['2026-02', 28],
    ['2028-02', 29],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %i days', (month, days) => expect(daysInMonth(month)).toBe(days));

  it.each([
    ['2026-11', true],
    ['2026-13', false],
    ['2026-1', false],
    ['26-11', false],
  ])('isMonth(%s) is %s', (value, ok) => expect(isMonth(value)).toBe(ok));

  it('bounds a month in UTC, the next month exclusive', () => {
    expect(monthBounds('2026-12')).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it.each([
    ['2026-11-30', 0],
    ['2026-11-25', 5],
    ['2026-02-01', 27],
  ])('on %s, %i days are left', (day, left) => expect(daysLeftInMonth(at(day))).toBe(left));
});

// One requirement for every case: 4 feed posts and 2 reels a month (November has 30 days).
const requirement = [
  { format: 'feed', perMonth: 4 },
  { format: 'reel', perMonth: 2 },
];

describe('one ambassador, one format line', () => {
  it.each([
    // today, delivered feed posts, expected by now, status
    {
      name: 'day 7: no feed post due yet (4×7/30 rounds down to 0)',
      today: '2026-11-07',
      feed: 0,
      expected: 0,
      status: 'on_track',
    },
    {
      name: 'day 8: one feed post due (4×8/30 = 1.07)',
      today: '2026-11-08',
      feed: 0,
      expected: 1,
      status: 'behind',
    },
    { name: 'day 8 with one post: on track', today: '2026-11-08', feed: 1, expected: 1, status: 'on_track' },
    { name: 'day 15: two due, one delivered', today: '2026-11-15', feed: 1, expected: 2, status: 'behind' },
    { name: 'last day: all four due', today: '2026-11-30', feed: 3, expected: 4, status: 'behind' },
    { name: 'all four delivered early', today: '2026-11-03', feed: 4, expected: 0, status: 'met' },
    { name: 'more than asked is met', today: '2026-11-20', feed: 6, expected: 2, status: 'met' },
    { name: 'a past month: everything was due', today: '2026-12-02', feed: 3, expected: 4, status: 'behind' },
    { name: 'a future month: nothing is due', today: '2026-10-20', feed: 0, expected: 0, status: 'on_track' },
  ])('$name', ({ today, feed, expected, status }) => {
    const published = Array.from({ length: feed }, (_, i) =>
      piece('amb_a', 'feed', `2026-11-0${1 + (i % 3)}`),
    );
    const report = computeCadence({
      month: '2026-11',
      today: at(today),
      requirement: [{ format: 'feed', perMonth: 4 }],
      ambassadorIds: ['amb_a'],
      published,
    });
    expect(report.ambassadors[0]!.formats[0]).toMatchObject({
      format: 'feed',
      required: 4,
      delivered: feed,
      expectedByNow: expected,
      status,
    });
  });
});

describe('a cohort', () => {
  const report = computeCadence({
    month: '2026-11',
    today: at('2026-11-20'),
    requirement,
    ambassadorIds: ['amb_a', 'amb_b', 'amb_c'],
    published: [
      // a: everything
      ...['01', '05', '09', '12'].map((d) => piece('amb_a', 'feed', `2026-11-${d}`)),
      piece('amb_a', 'reel', '2026-11-03'),
      piece('amb_a', 'reel', '2026-11-18'),
      // b: on track for feed (2 of 2 due), behind on reels (0 of 1 due), plus a story nobody asked for
      piece('amb_b', 'feed', '2026-11-02'),
      piece('amb_b', 'feed', '2026-11-10'),
      piece('amb_b', 'story', '2026-11-11'),
      // c: nothing this month; last month's and someone else's posts do not count
      piece('amb_c', 'feed', '2026-10-31'),
      piece('amb_x', 'feed', '2026-11-10'),
    ],
  });

  it('rates each ambassador by their worst format', () => {
    expect(report.ambassadors.map((a) => [a.ambassadorId, a.status, a.delivered, a.remaining])).toEqual([
      ['amb_a', 'met', 6, 0],
      ['amb_b', 'behind', 3, 4],
      ['amb_c', 'behind', 0, 6],
    ]);
  });

  it('lists formats delivered but not required with required 0', () => {
    const b = report.ambassadors[1]!;
    expect(b.formats.map((f) => [f.format, f.required, f.delivered, f.expectedByNow, f.status])).toEqual([
      ['feed', 4, 2, 2, 'on_track'],
      ['reel', 2, 0, 1, 'behind'],
      ['story', 0, 1, 0, 'met'],
    ]);
  });

  it('adds up the cohort per format', () => {
    expect(report.cohort.map((f) => [f.format, f.required, f.delivered, f.expectedByNow])).toEqual([
      ['feed', 12, 6, 6],
      ['reel', 6, 2, 3],
      ['story', 0, 1, 0],
    ]);
  });

  it('lists who is behind, most remaining first', () => {
    expect(report.behind.map((a) => a.ambassadorId)).toEqual(['amb_c', 'amb_b']);
    expect(report).toMatchObject({ period: 'current', daysInMonth: 30, elapsedDays: 20 });
  });

  it('with no requirement, nobody is behind', () => {
    const none = computeCadence({
      month: '2026-11',
      today: at('2026-11-30'),
      requirement: [],
      ambassadorIds: ['amb_a'],
      published: [],
    });
    expect(none.ambassadors[0]).toMatchObject({ status: 'met', required: 0, formats: [] });
    expect(none.behind).toEqual([]);
  });
});
