// Precision and recall of each detector on two labelled sets: the cases written while building the rules
// (labelled-cases.ts) and a held-out set written afterwards (holdout-cases.ts). The table printed here is
// what the docs quote.
import { afterAll, describe, expect, it } from 'vitest';
import { checkComments, classifyComment } from './comments';
import { fakeThreshold, judgeFollower } from './followers';
import { checkGrowth } from './growth';
import { holdoutComments, holdoutFollowers, holdoutGrowth, holdoutPods } from './holdout-cases';
import type { CreatorInput } from './input';
import { labelledComments, labelledFollowers } from './labelled-cases';
import { checkPods } from './pods';

interface Scored {
  predicted: boolean;
  actual: boolean;
  label: string;
}

interface Measure {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  total: number;
  misses: string[];
}

function measure(cases: Scored[]): Measure {
  const tp = cases.filter((c) => c.predicted && c.actual).length;
  const fp = cases.filter((c) => c.predicted && !c.actual).length;
  const fn = cases.filter((c) => !c.predicted && c.actual).length;
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tp,
    fp,
    fn,
    total: cases.length,
    misses: cases.filter((c) => c.predicted !== c.actual).map((c) => c.label),
  };
}

const rows: string[] = [];
function record(detector: string, set: string, m: Measure): Measure {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(6);
  rows.push(
    `${detector.padEnd(22)} ${set.padEnd(9)} ${String(m.total).padStart(5)} ${pct(m.precision)} ${pct(m.recall)}  tp ${m.tp} fp ${m.fp} fn ${m.fn}` +
      (m.misses.length > 0 ? `  misses: ${m.misses.join(' | ')}` : ''),
  );
  return m;
}

afterAll(() => {
  console.log(['detector               set       cases   prec    rec', ...rows].join('\n'));
});

function dayIso(day: number): string {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

// Floors sit just under what the rules reach; a rule change that costs accuracy fails here. The sets are
// small, so one miss moves a figure by several points.
describe('V2 comment quality', () => {
  it('labelled set: precision and recall of at least 0.85', () => {
    const m = record(
      'V2 comments',
      'labelled',
      measure(
        labelledComments.map((c) => ({
          predicted:
            classifyComment(c.text, { author: c.author, authorFollowers: c.authorFollowers }).length > 0,
          actual: c.isSpam,
          label: c.text,
        })),
      ),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out set, through checkComments (duplicates across posts included)', () => {
    const postIds = [...new Set(holdoutComments.map((c) => c.postId))];
    const creator: CreatorInput = {
      platform: 'instagram',
      handle: 'nora.glow',
      followers: 20_000,
      posts: postIds.map((id, i) => ({
        id,
        postedAt: `2025-03-${String(i + 1).padStart(2, '0')}T18:00:00Z`,
        commentSamples: holdoutComments
          .filter((c) => c.postId === id)
          .map(({ author, text, authorFollowers }) => ({ author, text, authorFollowers })),
      })),
    };
    const items = checkComments(creator).items;
    const m = record(
      'V2 comments',
      'held-out',
      measure(
        items.map((item) => {
          const labelled = holdoutComments.filter((c) => c.postId === item.postId)[item.index]!;
          return { predicted: item.isSpam, actual: labelled.isSpam, label: labelled.text };
        }),
      ),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('V5 fake followers', () => {
  const judge = (f: Parameters<typeof judgeFollower>[0] & { isFake: boolean; username: string }) => ({
    predicted: judgeFollower(f).score >= fakeThreshold,
    actual: f.isFake,
    label: `${f.username} (${judgeFollower(f).reasons.join(',')})`,
  });

  it('labelled set: precision and recall of at least 0.85', () => {
    const m = record('V5 followers', 'labelled', measure(labelledFollowers.map(judge)));
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out set', () => {
    const m = record('V5 followers', 'held-out', measure(holdoutFollowers.map(judge)));
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('V3 growth and V4 pods (held-out set only: the labelled cases are the detector tests)', () => {
  const grown = holdoutGrowth.map((g) => {
    const input: CreatorInput = {
      platform: 'instagram',
      handle: 'nora.glow',
      followers: g.history.at(-1) ?? 0,
      followerHistory: g.history.map((followers, day) => ({ date: dayIso(day), followers })),
      posts: (g.posts ?? []).map(([day, likes]) => ({
        id: `d${day}`,
        postedAt: `${dayIso(day)}T18:00:00Z`,
        likes,
        comments: 20,
      })),
    };
    // Weekly series keep their own spacing: one point every seventh day.
    if (g.name.startsWith('weekly')) {
      input.followerHistory = g.history.map((followers, i) => ({ date: dayIso(i * 7), followers }));
    }
    return { g, codes: checkGrowth(input).flags.map((f) => f.code) };
  });

  it('bought-follower spikes (spike-then-flat or unexplained spike)', () => {
    const m = record(
      'V3 bought spike',
      'held-out',
      measure(
        grown.map(({ g, codes }) => ({
          predicted: codes.includes('growth.spike-then-flat') || codes.includes('growth.spike'),
          actual: g.isBought,
          label: `${g.name} [${codes.join(',')}]`,
        })),
      ),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.75);
    expect(m.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('declining audiences (sustained decline or sharp drop)', () => {
    const m = record(
      'V3 decline',
      'held-out',
      measure(
        grown.map(({ g, codes }) => ({
          predicted: codes.includes('growth.sustained-decline') || codes.includes('growth.sharp-drop'),
          actual: g.isDeclining,
          label: `${g.name} [${codes.join(',')}]`,
        })),
      ),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.6);
    expect(m.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('engagement pods (three or more regulars)', () => {
    const m = record(
      'V4 pods',
      'held-out',
      measure(
        holdoutPods.map((c) => {
          const codes = checkPods({
            platform: 'instagram',
            handle: 'nora.glow',
            followers: 20_000,
            posts: c.postsAuthors.map((authors, i) => ({
              id: `p${i}`,
              postedAt: `2025-03-${String(i + 1).padStart(2, '0')}T18:00:00Z`,
              commentSamples: authors.map((author) => ({ author, text: 'so good' })),
            })),
          }).flags.map((f) => f.code);
          return {
            predicted: codes.includes('pods.recurring-commenters'),
            actual: c.isPod,
            label: `${c.name} [${codes.join(',')}]`,
          };
        }),
      ),
    );
    expect(m.precision).toBeGreaterThanOrEqual(0.75);
    expect(m.recall).toBeGreaterThanOrEqual(0.75);
  });
});
