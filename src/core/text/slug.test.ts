import { describe, expect, it } from 'vitest';
import { campaignSuggestion, slugify, slugWords } from './slug';

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

describe('slugWords', () => {
  it.each([
    ['Spring Launch', 48, 'spring-launch'],
    ['--', 48, ''],
    ['abc def', 4, 'abc'],
  ])('%s (max %i) → %s', (text, max, slug) => {
    expect(slugWords(text, max)).toBe(slug);
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
    ['Été 2026', 'ete-2026'],
    ['Sp', null],
    ['Sale 春', null],
    ['セール 2026', null],
  ])('%s → %s', (label, suggestion) => {
    expect(campaignSuggestion(label)).toBe(suggestion);
  });

  it.each([
    ['spring launch', ['Spring Launch'], 'Spring Launch'],
    ['Spring Launch', ['Spring Launch', 'spring-launch'], null],
    ['spring-launch', ['Spring Launch'], 'Spring Launch'],
    ['Summer', ['Spring Launch'], 'summer'],
  ])('%s with other links %j → %s', (label, existing, suggestion) => {
    expect(campaignSuggestion(label, existing)).toBe(suggestion);
  });
});
