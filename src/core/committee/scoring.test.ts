import { describe, expect, it } from 'vitest';
import {
  aggregateReviews,
  type Criterion,
  criterionSpreads,
  spreadOf,
  validateScoreSheet,
  weightedScore,
} from './scoring';

const rubric: Criterion[] = [
  { id: 'audience_fit', label: 'Audience fit', weight: 3 },
  { id: 'content_quality', label: 'Content quality', weight: 1 },
];

describe('validateScoreSheet', () => {
  it.each([
    ['a complete sheet', { audience_fit: 4, content_quality: 2 }, []],
    [
      'a missing criterion',
      { audience_fit: 4 },
      [{ field: 'scores.content_quality', message: 'is required: score “Content quality” from 1 to 5' }],
    ],
    [
      'a zero',
      { audience_fit: 0, content_quality: 2 },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'a six',
      { audience_fit: 6, content_quality: 2 },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'a fraction',
      { audience_fit: 3.5, content_quality: 2 },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'a string',
      { audience_fit: '4', content_quality: 2 },
      [{ field: 'scores.audience_fit', message: 'must be a whole number from 1 to 5' }],
    ],
    [
      'an unknown criterion',
      { audience_fit: 4, content_quality: 2, reach: 5 },
      [{ field: 'scores.reach', message: 'is not a criterion of this program’s rubric' }],
    ],
    [
      'nothing at all',
      {},
      [
        { field: 'scores.audience_fit', message: 'is required: score “Audience fit” from 1 to 5' },
        { field: 'scores.content_quality', message: 'is required: score “Content quality” from 1 to 5' },
      ],
    ],
  ] as const)('%s', (_, scores, expected) => {
    expect(validateScoreSheet(rubric, scores as Record<string, unknown>)).toEqual(expected);
  });
});

describe('weightedScore', () => {
  it.each([
    ['equal scores', { audience_fit: 4, content_quality: 4 }, 4],
    ['the heavier criterion pulls the mean', { audience_fit: 5, content_quality: 1 }, 4],
    ['the lighter one pulls less', { audience_fit: 1, content_quality: 5 }, 2],
    ['all lowest', { audience_fit: 1, content_quality: 1 }, 1],
  ] as const)('%s', (_, scores, expected) => {
    expect(weightedScore(rubric, scores)).toBeCloseTo(expected, 10);
  });

  it('is 0 for an empty rubric', () => {
    expect(weightedScore([], {})).toBe(0);
  });
});

describe('spreadOf', () => {
  it.each([
    ['no values', [], null],
    ['one value', [3], { count: 1, mean: 3, min: 3, max: 3, stdDev: 0 }],
    ['two values', [2, 4], { count: 2, mean: 3, min: 2, max: 4, stdDev: 1 }],
    ['a textbook set', [2, 4, 4, 4, 5, 5, 7, 9], { count: 8, mean: 5, min: 2, max: 9, stdDev: 2 }],
    ['rounds to two decimals', [1, 2, 2], { count: 3, mean: 1.67, min: 1, max: 2, stdDev: 0.47 }],
  ] as const)('%s', (_, values, expected) => {
    expect(spreadOf(values)).toEqual(expected);
  });
});

describe('aggregateReviews and criterionSpreads', () => {
  const reviews = [
    { rubric, scores: { audience_fit: 5, content_quality: 1 } }, // weighted 4
    { rubric, scores: { audience_fit: 1, content_quality: 5 } }, // weighted 2
  ];

  it('aggregates the weighted scores of the reviewers', () => {
    expect(aggregateReviews(reviews)).toEqual({ count: 2, mean: 3, min: 2, max: 4, stdDev: 1 });
    expect(aggregateReviews([])).toBeNull();
  });

  it('spreads each criterion, current rubric first, then criteria only older snapshots had', () => {
    const older = {
      rubric: [{ id: 'reach', label: 'Reach', weight: 1 }],
      scores: { reach: 3 },
    };
    expect(criterionSpreads(rubric, [...reviews, older])).toEqual([
      { id: 'audience_fit', label: 'Audience fit', count: 2, mean: 3, min: 1, max: 5, stdDev: 2 },
      { id: 'content_quality', label: 'Content quality', count: 2, mean: 3, min: 1, max: 5, stdDev: 2 },
      { id: 'reach', label: 'Reach', count: 1, mean: 3, min: 3, max: 3, stdDev: 0 },
    ]);
  });

  it('leaves out criteria nobody scored', () => {
    expect(criterionSpreads(rubric, [])).toEqual([]);
  });
});
