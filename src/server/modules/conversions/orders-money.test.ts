import { describe, expect, it } from 'vitest';
import { fromMinorUnits, toMinorUnits } from './orders-money';

describe('toMinorUnits', () => {
  it.each([
    ['49.90', 'USD', 4990],
    ['49.9', 'usd', 4990],
    ['49', 'USD', 4900],
    ['0.10', 'USD', 10],
    ['1200', 'JPY', 1200],
    ['1.500', 'KWD', 1500],
    [12.5, 'EUR', 1250],
    ['12.345', 'USD', null],
    ['1.5', 'JPY', null],
    ['-1', 'USD', null],
    ['abc', 'USD', null],
    ['', 'USD', null],
  ] as const)('%s %s → %s', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toBe(expected);
  });

  it('drops the minus of a WooCommerce refund total when asked', () => {
    expect(toMinorUnits('-11.85', 'EUR', true)).toBe(1185);
  });

  it('formats back', () => {
    expect(fromMinorUnits(4990, 'USD')).toBe('49.90');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(1200, 'JPY')).toBe('1200');
  });
});
