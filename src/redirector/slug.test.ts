import { describe, expect, it } from 'vitest';
import { newClickId, slugOf } from './redirector';

describe('slugOf', () => {
  it.each([
    ['/l/abc123', 'abc123'],
    ['/l/Ab_c-9?utm=1', 'Ab_c-9'],
    ['/l/abc#top', 'abc'],
    ['/l/abc?x#y', 'abc'],
    [`/l/${'a'.repeat(64)}`, 'a'.repeat(64)],
    [`/l/${'a'.repeat(65)}`, null],
    ['/l/', null],
    ['/l/?x=1', null],
    ['/l/bad.slug', null],
    ['/l/bad%2F', null],
    ['/l/a/b', null],
    ['/l/ab c', null],
    ['/l/é', null],
  ])('%s → %s', (url, slug) => {
    expect(slugOf(url)).toBe(slug);
  });
});

describe('newClickId', () => {
  it('is URL-safe (the Location takes it unencoded) and grows with time', () => {
    const a = newClickId(1_700_000_000_000);
    const b = newClickId(1_700_000_000_001);
    expect(a).toMatch(/^clk_[0-9a-z]{19}$/);
    expect(encodeURIComponent(b)).toBe(b);
    expect(a.slice(0, 13) < b.slice(0, 13)).toBe(true);
  });
});
