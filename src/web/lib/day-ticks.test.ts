import { describe, expect, it } from 'vitest';
import { dayTicks } from './day-ticks';

const local = (s: string) => new Date(s).getTime();
const days = (ticks: number[]) =>
  ticks.map((t) => {
    const d = new Date(t);
    expect([d.getHours(), d.getMinutes()]).toEqual([0, 0]);
    return `${d.getMonth() + 1}-${d.getDate()}`;
  });

describe('dayTicks', () => {
  it.each([
    ['2026-03-01T10:00', '2026-03-05T09:00', ['3-2', '3-3', '3-4', '3-5']],
    ['2026-03-01T00:00', '2026-03-06T12:00', ['3-1', '3-2', '3-3', '3-4', '3-5', '3-6']],
    ['2026-03-01T00:00', '2026-03-08T00:00', ['3-1', '3-3', '3-5', '3-7']],
    ['2026-03-01T00:00', '2026-03-31T00:00', ['3-1', '3-8', '3-15', '3-22', '3-29']],
    ['2026-01-01T00:00', '2026-12-31T00:00', ['1-1', '3-3', '5-3', '7-3', '9-2', '11-2']],
  ])('%s to %s', (from, to, expected) => {
    expect(days(dayTicks(local(from), local(to)))).toEqual(expected);
  });

  it('counts calendar days across a clock change (at most maxTicks)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // 2026-03-08 is 23 hours long there.
      expect(local('2026-03-09T00:00') - local('2026-03-08T00:00')).toBe(23 * 3_600_000);
      const ticks = dayTicks(local('2026-03-05T00:00'), local('2026-03-11T00:00'));
      expect(days(ticks)).toEqual(['3-5', '3-7', '3-9', '3-11']);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps spans over a year to maxTicks', () => {
    expect(dayTicks(local('2020-01-01T00:00'), local('2026-01-01T00:00')).length).toBeLessThanOrEqual(6);
  });

  it('gives the first time alone when the span has no midnight', () => {
    const at = local('2026-03-01T10:00');
    expect(dayTicks(at, local('2026-03-01T18:00'))).toEqual([at]);
  });
});
