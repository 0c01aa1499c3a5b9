import { describe, expect, it } from 'vitest';
import { fieldsIn, firstNameOf, formatCommission, formatFee, renderMerge, unknownFieldsIn } from './merge';

describe('renderMerge', () => {
  const cases = [
    {
      name: 'fills every field',
      text: 'Hi {{firstName}}, loved {{recentPost}} on {{platform}}.',
      values: { firstName: 'Jane', recentPost: 'your serum routine', platform: 'Instagram' },
      expected: { text: 'Hi Jane, loved your serum routine on Instagram.', unfilled: [] },
    },
    {
      name: 'keeps an unfilled field and reports it',
      text: 'Hi {{firstName}}, loved {{recentPost}}.',
      values: { firstName: 'Jane' },
      expected: { text: 'Hi Jane, loved {{recentPost}}.', unfilled: ['recentPost'] },
    },
    {
      name: 'treats a blank value as unfilled',
      text: '{{recentPost}}',
      values: { recentPost: '   ' },
      expected: { text: '{{recentPost}}', unfilled: ['recentPost'] },
    },
    {
      name: 'fills a repeated field everywhere and reports an unfilled one once',
      text: '{{name}} / {{name}} / {{offer.fee}} / {{offer.fee}}',
      values: { name: 'Jane Doe' },
      expected: { text: 'Jane Doe / Jane Doe / {{offer.fee}} / {{offer.fee}}', unfilled: ['offer.fee'] },
    },
    {
      name: 'accepts whitespace inside the braces',
      text: 'Hi {{ firstName }} from {{  brandName}}',
      values: { firstName: 'Jane', brandName: 'Glow' },
      expected: { text: 'Hi Jane from Glow', unfilled: [] },
    },
    {
      name: 'leaves unknown fields untouched and does not report them as unfilled',
      text: 'Hi {{frstName}}',
      values: { firstName: 'Jane' },
      expected: { text: 'Hi {{frstName}}', unfilled: [] },
    },
    {
      name: 'fills offer fields',
      text: '{{offer.product}} + {{offer.fee}} + {{offer.commission}}',
      values: { 'offer.product': 'Serum', 'offer.fee': '€150.00', 'offer.commission': '10%' },
      expected: { text: 'Serum + €150.00 + 10%', unfilled: [] },
    },
    {
      name: 'does not re-expand braces inside a value',
      text: 'Loved {{recentPost}}',
      values: { recentPost: 'the {{name}} post' },
      expected: { text: 'Loved the {{name}} post', unfilled: [] },
    },
  ];
  it.each(cases)('$name', ({ text, values, expected }) => {
    expect(renderMerge(text, values)).toEqual(expected);
  });
});

describe('unknownFieldsIn', () => {
  it.each([
    { text: 'Hi {{firstName}} {{ recentPost }}', expected: [] },
    { text: 'Hi {{frstName}} and {{offer.price}} and {{frstName}}', expected: ['frstName', 'offer.price'] },
    { text: 'Empty {{}} braces', expected: [''] },
    { text: 'No fields at all', expected: [] },
  ])('$text → $expected', ({ text, expected }) => {
    expect(unknownFieldsIn(text)).toEqual(expected);
  });

  it('lists each field once in order of use', () => {
    expect(fieldsIn('{{b}} {{a}} {{ b }}')).toEqual(['b', 'a']);
  });
});

describe('formatting helpers', () => {
  it.each([
    { name: 'Jane Doe', expected: 'Jane' },
    { name: '  Ana  ', expected: 'Ana' },
    { name: '', expected: '' },
  ])('firstNameOf($name)', ({ name, expected }) => {
    expect(firstNameOf(name)).toBe(expected);
  });

  it.each([
    { minor: 15000, currency: 'EUR', expected: '€150.00' },
    { minor: 999, currency: 'USD', expected: '$9.99' },
    { minor: null, currency: 'USD', expected: '' },
  ])('formatFee($minor, $currency)', ({ minor, currency, expected }) => {
    expect(formatFee(minor, currency)).toBe(expected);
  });

  it.each([
    { percent: 10, expected: '10%' },
    { percent: 12.5, expected: '12.5%' },
    { percent: null, expected: '' },
  ])('formatCommission($percent)', ({ percent, expected }) => {
    expect(formatCommission(percent)).toBe(expected);
  });
});
