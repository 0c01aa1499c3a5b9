import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

function describeParts(text: string) {
  return linkify(text).map((part) =>
    isValidElement<{ href: string; rel: string }>(part)
      ? { href: part.props.href, rel: part.props.rel }
      : part,
  );
}

describe('linkify', () => {
  it('turns http(s) URLs into links and keeps the rest as text', () => {
    expect(describeParts('Sign in: https://troupe.example/api/auth/verify?token=abc&x=1\n\nThanks')).toEqual([
      'Sign in: ',
      { href: 'https://troupe.example/api/auth/verify?token=abc&x=1', rel: 'noopener noreferrer' },
      '\n\nThanks',
    ]);
  });

  it('leaves trailing punctuation outside the link', () => {
    expect(describeParts('See http://a.example/x.')).toEqual([
      'See ',
      { href: 'http://a.example/x', rel: 'noopener noreferrer' },
      '.',
    ]);
  });

  it('never links other schemes and never interprets markup', () => {
    expect(describeParts('javascript:alert(1) <b>bold</b>')).toEqual(['javascript:alert(1) <b>bold</b>']);
  });
});
