import { describe, expect, it } from 'vitest';
import { checkAnswers, isHttpUrl, type QuestionSpec } from './answers';

const questions: QuestionSpec[] = [
  { id: 'niche', label: 'Your niche', type: 'choice', required: true, options: ['Running', 'Cycling'] },
  { id: 'portfolio', label: 'Best post', type: 'url', required: true, options: [] },
  { id: 'posts', label: 'Posts per month', type: 'number', required: false, options: [] },
  { id: 'why', label: 'Why us?', type: 'text', required: false, options: [] },
];

const valid = { niche: 'Running', portfolio: 'https://instagram.com/p/abc' };

describe('checkAnswers', () => {
  const cases: Array<{
    name: string;
    answers: Record<string, unknown>;
    problems?: Array<[field: string, message: RegExp]>;
    values?: Record<string, string | number | null>;
  }> = [
    {
      name: 'required answers only; optional ones are kept as null',
      answers: valid,
      values: { niche: 'Running', portfolio: 'https://instagram.com/p/abc', posts: null, why: null },
    },
    {
      name: 'every answer, trimmed; a numeric string becomes a number',
      answers: { ...valid, portfolio: '  http://my.blog/post  ', posts: ' 12 ', why: '  I run daily. ' },
      values: { niche: 'Running', portfolio: 'http://my.blog/post', posts: 12, why: 'I run daily.' },
    },
    { name: 'a number stays a number', answers: { ...valid, posts: 3.5 }, values: { posts: 3.5 } },
    {
      name: 'missing required answers name each field',
      answers: {},
      problems: [
        ['answers.niche', /is required/],
        ['answers.portfolio', /is required/],
      ],
    },
    {
      name: 'blank text counts as missing',
      answers: { niche: '   ', portfolio: '' },
      problems: [
        ['answers.niche', /is required/],
        ['answers.portfolio', /is required/],
      ],
    },
    {
      name: 'a URL without a scheme',
      answers: { ...valid, portfolio: 'instagram.com/me' },
      problems: [['answers.portfolio', /http\(s\) address/]],
    },
    {
      name: 'a javascript: URL',
      answers: { ...valid, portfolio: 'javascript:alert(1)' },
      problems: [['answers.portfolio', /http\(s\) address/]],
    },
    {
      name: 'an ftp URL',
      answers: { ...valid, portfolio: 'ftp://files.example.com/x' },
      problems: [['answers.portfolio', /http\(s\) address/]],
    },
    {
      name: 'a choice that is not an option',
      answers: { ...valid, niche: 'running' },
      problems: [['answers.niche', /one of: Running, Cycling/]],
    },
    {
      name: 'a number that is text',
      answers: { ...valid, posts: 'a dozen' },
      problems: [['answers.posts', /must be a number/]],
    },
    {
      name: 'an infinite number',
      answers: { ...valid, posts: Number.POSITIVE_INFINITY },
      problems: [['answers.posts', /must be a number/]],
    },
    {
      name: 'a number given to a text question',
      answers: { ...valid, why: 42 },
      problems: [['answers.why', /must be text/]],
    },
    {
      name: 'text that is too long',
      answers: { ...valid, why: 'x'.repeat(2001) },
      problems: [['answers.why', /at most 2000/]],
    },
    {
      name: 'an unknown question id',
      answers: { ...valid, shoeSize: '42' },
      problems: [['answers.shoeSize', /not a question on this form/]],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = checkAnswers(questions, c.answers);
      if (c.problems) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.map((p) => p.field)).toEqual(c.problems.map(([field]) => field));
        for (const [i, [, message]] of c.problems.entries())
          expect(result.problems[i]?.message).toMatch(message);
      } else {
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const byId = Object.fromEntries(result.answers.map((a) => [a.questionId, a.value]));
        expect(byId).toMatchObject(c.values ?? {});
      }
    });
  }

  it('snapshots the label and type of each question, in form order', () => {
    const result = checkAnswers(questions, valid);
    expect(result.ok && result.answers.map((a) => [a.questionId, a.label, a.type])).toEqual([
      ['niche', 'Your niche', 'choice'],
      ['portfolio', 'Best post', 'url'],
      ['posts', 'Posts per month', 'number'],
      ['why', 'Why us?', 'text'],
    ]);
  });

  it('accepts anything on a form without questions only when nothing is answered', () => {
    expect(checkAnswers([], {})).toEqual({ ok: true, answers: [] });
    expect(checkAnswers([], { x: 'y' }).ok).toBe(false);
  });
});

describe('isHttpUrl', () => {
  const cases: Array<[string, boolean]> = [
    ['https://example.com', true],
    ['http://sub.example.co.uk/path?q=1', true],
    ['https://localhost', false],
    ['https://10.0.0.1', false],
    ['mailto:me@example.com', false],
    ['data:text/html,hi', false],
    ['example.com', false],
    ['', false],
  ];
  for (const [value, expected] of cases) {
    it(`${value || '(empty)'} → ${expected}`, () => expect(isHttpUrl(value)).toBe(expected));
  }
});
