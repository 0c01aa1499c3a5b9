import { describe, expect, it } from 'vitest';
import { defaultConnectionName } from './kinds';

describe('defaultConnectionName', () => {
  it.each([
    ['api', [], 'Conversions API'],
    ['api', ['Glow Shopify'], 'Conversions API'],
    ['api', ['Conversions API'], 'Conversions API 2'],
    ['api', ['conversions api ', 'Conversions API 2'], 'Conversions API 3'],
    ['api', ['Conversions API 2'], 'Conversions API'],
    ['pixel', ['Conversions API', 'Conversion pixel'], 'Conversion pixel 2'],
  ] as const)('%s with %j taken → %s', (kind, taken, expected) => {
    expect(defaultConnectionName(kind, taken)).toBe(expected);
  });
});
