import { describe, expect, it } from 'vitest';
import { makeBenchCreator } from './perf';
import { scoreFlags, vetCreator, vetPool } from './report';
import { makeCreator, makePost, testNow } from './test-factories';

describe('scoreFlags', () => {
  const flag = (severity: 'critical' | 'warning' | 'info') => ({
    code: 'x',
    severity,
    message: '',
    evidence: {},
  });
  const cases: Array<{
    name: string;
    severities: ('critical' | 'warning' | 'info')[];
    score: number;
    verdict: string;
  }> = [
    { name: 'clean', severities: ['info'], score: 100, verdict: 'recommend' },
    { name: 'two warnings', severities: ['warning', 'warning'], score: 80, verdict: 'recommend' },
    { name: 'one critical caps at review', severities: ['critical'], score: 65, verdict: 'review' },
    { name: 'two criticals reject', severities: ['critical', 'critical'], score: 30, verdict: 'reject' },
    { name: 'many warnings reject', severities: Array(7).fill('warning'), score: 30, verdict: 'reject' },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(scoreFlags(c.severities.map(flag))).toEqual({ score: c.score, verdict: c.verdict }),
    );
  }
});

describe('vetCreator', () => {
  it('rejects a creator with spam comments and a competitor deal, critical flags first', () => {
    const posts = Array.from({ length: 12 }, (_, i) =>
      makePost(`p${i}`, i * 5, {
        likes: 60,
        brands: i === 0 ? ['Glossier'] : [],
        commentSamples: [
          { author: `u${i}`, text: 'Nice pic 😍' },
          { author: `v${i}`, text: 'follow me back' },
        ],
      }),
    );
    const report = vetCreator(makeCreator({ posts }), { competitors: ['glossier'], now: testNow });
    expect(report.verdict).toBe('reject');
    expect(report.flags.slice(0, 3).map((f) => f.code)).toEqual([
      'engagement.red-flag',
      'comments.mostly-spam',
      'conflicts.competitor-in-window',
    ]);
    expect(report.sections.comments.items).toHaveLength(24);
  });

  it('recommends the benchmark creator and reports its time (not asserted; see npm run bench)', () => {
    const input = makeBenchCreator();
    const report = vetCreator(input, { now: new Date('2025-04-01T00:00:00Z') });
    const runs = 50;
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) vetCreator(input);
    const cpu = process.cpuUsage(start);
    console.log(`vetting: ${((cpu.user + cpu.system) / 1000 / runs).toFixed(2)} ms CPU per report`);
    expect(report.sections.comments.items).toHaveLength(4500);
    expect(report.verdict).not.toBe('reject');
  });
});

describe('vetPool', () => {
  it('adds a pool pod flag to each member of a commenting ring', () => {
    const ring = ['ana', 'bea', 'cleo'];
    const pool = ring.map((handle) =>
      makeCreator({
        handle,
        posts: [
          makePost(`${handle}1`, 1, {
            commentSamples: ring
              .filter((h) => h !== handle)
              .map((author) => ({ author, text: 'Yes queen, this routine is gold' })),
          }),
        ],
      }),
    );
    const result = vetPool(pool, { now: testNow });
    expect(result.podGroups.map((g) => g.members)).toEqual([ring]);
    expect(result.reports.every((r) => r.flags.some((f) => f.code === 'pods.pool-group'))).toBe(true);
  });
});
