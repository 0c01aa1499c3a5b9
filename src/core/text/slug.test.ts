import { describe, expect, it } from 'vitest';
import { campaignSuggestion, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Glow & Co. Ambassadors', 'glow-co-ambassadors'],
    ['Crème Brûlée', 'creme-brulee'],
    ['  --  ', 'untitled'],
    ['a'.repeat(60), 'a'.repeat(48)],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('campaignSuggestion', () => {
  it.each([
    ['Black Friday 2026!', 'black-friday-2026'],
    ['Spring Launch', 'spring-launch'],
    ['spring-launch', null],
    ['spring_launch', null],
    ['summer.2026', null],
    ['', null],
    ['!!!', null],
    ['Été', 'ete'],
  ])('%s → %s', (label, suggestion) => {
    expect(campaignSuggestion(label)).toBe(suggestion);
  });
});
