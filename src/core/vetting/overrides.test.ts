import { describe, expect, it } from 'vitest';
import type { Flag, Severity } from './flags';
import { applyOverrides, type FlagOverride, hasFlagKey, keyedFlags } from './overrides';
import { severityDeductions, type VettingReport, vetCreator } from './report';
import { makeCreator, testNow } from './test-factories';

const flag = (code: string, severity: Severity): Flag => ({
  code,
  severity,
  message: `${code} (${severity})`,
  evidence: {},
});

/** A real engine report whose flags are replaced by the given ones, stored the way the API stores it (JSON). */
function reportWith(bySection: Partial<Record<keyof VettingReport['sections'], Flag[]>>): VettingReport {
  const report = vetCreator(makeCreator(), { now: testNow });
  for (const section of Object.keys(report.sections) as Array<keyof VettingReport['sections']>) {
    report.sections[section].flags = bySection[section] ?? [];
  }
  report.flags = Object.values(report.sections).flatMap((s) => s.flags);
  const deducted = report.flags.reduce((sum, f) => sum + severityDeductions[f.severity], 0);
  report.score = Math.max(0, 100 - deducted);
  report.verdict = report.flags.filter((f) => f.severity === 'critical').length >= 2 ? 'reject' : 'review';
  return JSON.parse(JSON.stringify(report)) as VettingReport;
}

const override = (flagKey: string): FlagOverride => ({
  flagKey,
  reason: 'Checked by hand',
  by: 'Ana Reviewer',
  at: '2025-04-02T10:00:00.000Z',
});

const spamAndSpike = () =>
  reportWith({
    comments: [flag('comments.mostly-spam', 'critical')],
    growth: [flag('growth.spike-then-flat', 'critical'), flag('growth.decline', 'warning')],
    pods: [flag('pods.recurring-commenters', 'warning'), flag('pods.recurring-commenters', 'warning')],
    consistency: [flag('consistency.note', 'info')],
  });

describe('keyedFlags', () => {
  it('keys each flag by section, code and its count among same-code flags of that section', () => {
    expect(keyedFlags(spamAndSpike()).map((k) => k.key)).toEqual([
      'comments:comments.mostly-spam:0',
      'growth:growth.spike-then-flat:0',
      'growth:growth.decline:0',
      'pods:pods.recurring-commenters:0',
      'pods:pods.recurring-commenters:1',
      'consistency:consistency.note:0',
    ]);
    expect(hasFlagKey(spamAndSpike(), 'pods:pods.recurring-commenters:1')).toBe(true);
    expect(hasFlagKey(spamAndSpike(), 'pods:pods.recurring-commenters:2')).toBe(false);
  });
});

describe('applyOverrides', () => {
  // Original: 2 criticals (70) + 3 warnings (30) → score 0, reject.
  const cases: Array<{ name: string; keys: string[]; score: number; verdict: string; overridden: string[] }> =
    [
      { name: 'no overrides keeps the engine score', keys: [], score: 0, verdict: 'reject', overridden: [] },
      {
        name: 'one critical set aside: one critical and three warnings remain',
        keys: ['comments:comments.mostly-spam:0'],
        score: 35,
        verdict: 'reject',
        overridden: ['comments:comments.mostly-spam:0'],
      },
      {
        name: 'both criticals set aside: three warnings remain',
        keys: ['comments:comments.mostly-spam:0', 'growth:growth.spike-then-flat:0'],
        score: 70,
        verdict: 'recommend',
        overridden: ['comments:comments.mostly-spam:0', 'growth:growth.spike-then-flat:0'],
      },
      {
        name: 'only the second of two same-code flags',
        keys: ['pods:pods.recurring-commenters:1'],
        score: 10,
        verdict: 'reject',
        overridden: ['pods:pods.recurring-commenters:1'],
      },
      {
        name: 'an info flag costs nothing, so setting it aside changes no score',
        keys: ['consistency:consistency.note:0'],
        score: 0,
        verdict: 'reject',
        overridden: ['consistency:consistency.note:0'],
      },
      {
        name: 'a key naming no flag is ignored',
        keys: ['growth:growth.spike-then-flat:7'],
        score: 0,
        verdict: 'reject',
        overridden: [],
      },
      {
        name: 'everything set aside',
        keys: keyedFlags(spamAndSpike()).map((k) => k.key),
        score: 100,
        verdict: 'recommend',
        overridden: keyedFlags(spamAndSpike()).map((k) => k.key),
      },
    ];
  for (const c of cases) {
    it(c.name, () => {
      const reviewed = applyOverrides(spamAndSpike(), c.keys.map(override));
      expect({ score: reviewed.score, verdict: reviewed.verdict }).toEqual({
        score: c.score,
        verdict: c.verdict,
      });
      expect({ score: reviewed.originalScore, verdict: reviewed.originalVerdict }).toEqual({
        score: 0,
        verdict: 'reject',
      });
      expect(reviewed.flags.filter((f) => f.overridden).map((f) => f.key)).toEqual(c.overridden);
      const sectionFlags = Object.values(reviewed.sections).flatMap((s) => s.flags as typeof reviewed.flags);
      expect(sectionFlags.filter((f) => f.overridden).map((f) => f.key)).toEqual(c.overridden);
    });
  }

  it('marks the flag with the reason, who and when, and leaves the stored report untouched', () => {
    const stored = spamAndSpike();
    const before = JSON.stringify(stored);
    const reviewed = applyOverrides(stored, [override('growth:growth.spike-then-flat:0')]);
    expect(reviewed.flags.find((f) => f.code === 'growth.spike-then-flat')).toMatchObject({
      key: 'growth:growth.spike-then-flat:0',
      section: 'growth',
      severity: 'critical',
      overridden: { reason: 'Checked by hand', by: 'Ana Reviewer', at: '2025-04-02T10:00:00.000Z' },
    });
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('keys the top-level flags of a real engine report in its own order', () => {
    const report = vetCreator(
      makeCreator({ followers: 20_000, following: 90_000, followerSample: [{ username: 'user0192837465' }] }),
      { now: testNow },
    );
    const reviewed = applyOverrides(JSON.parse(JSON.stringify(report)), []);
    expect(reviewed.flags.map((f) => f.code)).toEqual(report.flags.map((f) => f.code));
    expect(reviewed.flags.every((f) => hasFlagKey(report, f.key))).toBe(true);
    expect(reviewed.score).toBe(report.score);
  });
});
