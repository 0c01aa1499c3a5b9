import { describe, expect, it } from 'vitest';
import { formatCount, formatRelative, majorToMinor, minorDigits, minorToMajor } from './format';

describe('money in minor units', () => {
  it.each([
    ['USD', 12000.5, 1200050],
    ['JPY', 5000, 5000],
    ['BHD', 1.234, 1234],
  ])('%s %d → %d minor units and back', (currency, major, minor) => {
    expect(majorToMinor(major, currency)).toBe(minor);
    expect(minorToMajor(minor, currency)).toBe(major);
  });

  it('assumes two decimals for an unknown currency', () => {
    expect(minorDigits('??')).toBe(2);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  it('says "just now" under a minute, then counts units', () => {
    expect(formatRelative('2026-01-10T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-01-10T11:57:00Z', now)).toMatch(/3 minutes ago/);
    expect(formatRelative('2026-01-09T12:00:00Z', now)).toMatch(/yesterday|1 day ago/);
  });
});

describe('formatCount', () => {
  it.each([
    [0, 'order', undefined, '0 orders'],
    [1, 'order', undefined, '1 order'],
    [1200, 'pixel order', undefined, '1,200 pixel orders'],
    [2, 'reply', 'replies', '2 replies'],
  ])('%d %s', (n, singular, plural, expected) => {
    expect(formatCount(n, singular, plural)).toBe(expected);
  });
});
