import { describe, expect, it } from 'vitest';
import { isSameMailbox, mailboxKey } from './same-person-email';

describe('mailboxKey', () => {
  const cases: Array<{ input: string | null; expected: string | null }> = [
    { input: ' Jane.Doe+promo@GoogleMail.com ', expected: 'janedoe@gmail.com' },
    { input: 'j.ane@gmail.com', expected: 'jane@gmail.com' },
    { input: 'Omar+shop@Example.com', expected: 'omar@example.com' },
    { input: 'o.mar@example.com', expected: 'o.mar@example.com' },
    { input: '+tag@example.com', expected: '+tag@example.com' },
    { input: 'not-an-email', expected: null },
    { input: '@example.com', expected: null },
    { input: 'jane@', expected: null },
    { input: null, expected: null },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.input)} → ${JSON.stringify(c.expected)}`, () => {
      expect(mailboxKey(c.input)).toBe(c.expected);
    });
  }
});

describe('isSameMailbox', () => {
  const cases: Array<{ a: string | null; b: string | null; expected: boolean }> = [
    { a: 'JANE@example.com ', b: 'jane@example.com', expected: true },
    { a: 'jane+1@example.com', b: 'jane@example.com', expected: true },
    { a: 'jane@example.com', b: 'jane@example.org', expected: false },
    { a: null, b: null, expected: false },
    { a: 'garbage', b: 'garbage', expected: false },
  ];
  for (const c of cases) {
    it(`${c.a} vs ${c.b} → ${c.expected}`, () => {
      expect(isSameMailbox(c.a, c.b)).toBe(c.expected);
    });
  }
});
