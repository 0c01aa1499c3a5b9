import { describe, expect, it } from 'vitest';
import { checkAlignment } from './alignment';
import { checkConflicts } from './conflicts';
import { checkConsistency } from './consistency';
import { checkEngagement } from './engagement';
import { checkFollowers, judgeFollower } from './followers';
import { checkGrowth } from './growth';
import { creatorInputJsonSchema, parseCreatorInput, type VettingPersona } from './input';
import { checkPods, detectPodGroups } from './pods';
import { makeCreator, makePost, testNow } from './test-factories';

function dailyHistory(values: number[]) {
  return values.map((followers, day) => ({
    date: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    followers,
  }));
}

describe('input schema', () => {
  const cases: Array<{ name: string; value: unknown; error?: RegExp }> = [
    { name: 'minimal creator', value: { platform: 'tiktok', handle: 'ana', followers: 1200 } },
    {
      name: 'extra fields kept',
      value: { platform: 'other', handle: 'ana', followers: 5, source: 'modash' },
    },
    {
      name: 'missing followers',
      value: { platform: 'tiktok', handle: 'ana' },
      error: /followers is required/,
    },
    {
      name: 'unknown platform',
      value: { platform: 'myspace', handle: 'a', followers: 1 },
      error: /platform/,
    },
    {
      name: 'share as a percentage',
      value: { platform: 'youtube', handle: 'a', followers: 1, audience: { countries: { US: 42 } } },
      error: /between 0 and 1/,
    },
    {
      name: 'bad post date',
      value: { platform: 'youtube', handle: 'a', followers: 1, posts: [{ id: 'p', postedAt: 'yesterday' }] },
      error: /postedAt/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseCreatorInput(c.value);
      expect(result.success).toBe(!c.error);
      if (c.error && !result.success)
        expect(result.error.issues.map((i) => i.message).join(' ')).toMatch(c.error);
    });
  }
  it('publishes as JSON Schema', () => {
    const schema = creatorInputJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties.followers).toBeTypeOf('object');
    expect(schema.required).toEqual(['platform', 'handle', 'followers']);
  });
});

describe('checkEngagement', () => {
  const cases: Array<{ name: string; followers: number; likes: number; code: string | null; avg: number }> = [
    { name: 'micro in band', followers: 20_000, likes: 800, code: null, avg: 4 },
    { name: 'micro below band', followers: 20_000, likes: 400, code: 'engagement.below-band', avg: 2 },
    { name: 'micro under 1 %', followers: 20_000, likes: 100, code: 'engagement.red-flag', avg: 0.5 },
    { name: 'nano needs 6 %', followers: 5_000, likes: 200, code: 'engagement.below-band', avg: 4 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const posts = [
        makePost('p1', 1, { likes: c.likes }),
        makePost('p2', 5, { likes: c.likes }),
        makePost('old', 120, { likes: 0 }),
      ];
      const result = checkEngagement(makeCreator({ followers: c.followers, posts }), { now: testNow });
      expect(result.figures.averageRatePct).toBe(c.avg);
      expect(result.figures.postsInWindow).toBe(2);
      expect(result.flags[0]?.code ?? null).toBe(c.code);
    });
  }
  it('reports a views-based rate for video', () => {
    const posts = [makePost('r1', 1, { likes: 900, comments: 100, views: 20_000, format: 'reel' })];
    expect(checkEngagement(makeCreator({ posts }), { now: testNow }).figures.averageViewRatePct).toBe(5);
  });
});

describe('judgeFollower', () => {
  const cases: Array<{ name: string; entry: Parameters<typeof judgeFollower>[0]; isFake: boolean }> = [
    {
      name: 'bot farm',
      entry: { username: 'user83746251', followers: 2, following: 4200, posts: 0, hasProfilePicture: false },
      isFake: true,
    },
    {
      name: 'mass follower',
      entry: { username: 'dave_k', followers: 3, following: 2300, posts: 0, hasProfilePicture: true },
      isFake: true,
    },
    {
      name: 'random letters, no picture',
      entry: { username: 'xkqzvbnt', hasProfilePicture: false, posts: 4 },
      isFake: true,
    },
    {
      name: 'birth year in handle',
      entry: { username: 'anna_1994', followers: 230, following: 410, posts: 41, biographyLength: 0 },
      isFake: false,
    },
    {
      name: 'private lurker with a picture',
      entry: { username: 'priya.s', isPrivate: true, posts: 0, hasProfilePicture: true },
      isFake: false,
    },
    {
      name: 'private lurker without a bio (most real people leave it empty)',
      entry: { username: 'marta.k', isPrivate: true, posts: 0, hasProfilePicture: true, biographyLength: 0 },
      isFake: false,
    },
    {
      name: 'no picture and no bio, but posts and a normal follow ratio',
      entry: {
        username: 'tom',
        followers: 5,
        following: 20,
        posts: 1,
        hasProfilePicture: false,
        biographyLength: 0,
      },
      isFake: false,
    },
    {
      name: 'active person',
      entry: {
        username: 'maya.kwon',
        followers: 412,
        following: 380,
        posts: 96,
        hasProfilePicture: true,
        biographyLength: 50,
      },
      isFake: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(judgeFollower(c.entry).score >= 3).toBe(c.isFake));
  }
  it('gives a fake share with per-follower items', () => {
    const followerSample = [
      { username: 'user83746251', followers: 2, following: 4200, posts: 0, hasProfilePicture: false },
      { username: 'maya.kwon', posts: 96, hasProfilePicture: true },
    ];
    const result = checkFollowers(makeCreator({ followerSample }));
    expect(result.fakeShare).toBe(0.5);
    expect(result.items[0]).toMatchObject({ username: 'user83746251', isLikelyFake: true });
    // Two profiles are too few to call it critical.
    expect(result.flags[0]).toMatchObject({
      code: 'followers.fake',
      severity: 'warning',
      evidence: { followers: ['user83746251'] },
    });
  });
});

describe('checkGrowth', () => {
  const steady = Array.from({ length: 30 }, (_, d) => 20_000 + d * 20);
  const spiked = [...steady.slice(0, 15), ...Array.from({ length: 15 }, (_, d) => 23_300 + d * 5)];
  const viralPosts = [
    makePost('v', 0, { postedAt: '2025-01-15T18:00:00Z', likes: 30_000 }),
    ...[1, 5, 9, 20].map((d) =>
      makePost(`n${d}`, 0, { postedAt: `2025-01-${String(d).padStart(2, '0')}T18:00:00Z`, likes: 700 }),
    ),
  ];
  const cases: Array<{
    name: string;
    history: number[];
    posts?: ReturnType<typeof makePost>[];
    codes: string[];
  }> = [
    { name: 'organic growth', history: steady, codes: [] },
    { name: 'bought followers: spike then flat', history: spiked, codes: ['growth.spike-then-flat'] },
    {
      name: 'viral post with matching engagement',
      history: spiked,
      posts: viralPosts,
      codes: ['growth.viral-spike'],
    },
    {
      name: 'a seasonal dip of under 2 % is noise, not a decline',
      history: [
        ...steady.slice(0, 10),
        ...Array.from({ length: 10 }, (_, d) => 20_180 - d * 30),
        19_950,
        20_100,
      ],
      codes: [],
    },
    {
      name: 'sustained decline',
      history: [20_000, 19_700, 19_300, 18_900, 18_500, 17_800],
      codes: ['growth.sustained-decline', 'growth.sharp-drop'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = checkGrowth(makeCreator({ followerHistory: dailyHistory(c.history), posts: c.posts }));
      expect(result.flags.map((f) => f.code)).toEqual(c.codes);
    });
  }
  it('names the spike dates', () => {
    const flag = checkGrowth(makeCreator({ followerHistory: dailyHistory(spiked) })).flags[0]!;
    expect(flag.evidence.dates).toEqual(['2025-01-15', '2025-01-16']);
  });
});

describe('pods', () => {
  const ring = ['ana', 'bea', 'cleo', 'dora'];
  function ringMember(handle: string) {
    return makeCreator({
      handle,
      posts: [1, 2, 3, 4].map((n) =>
        makePost(`${handle}-${n}`, n, {
          commentSamples: [
            ...ring.filter((h) => h !== handle).map((author) => ({ author, text: `Yes ${handle}!` })),
            { author: `fan_${handle}_${n}`, text: 'Where is this?' },
          ],
        }),
      ),
    });
  }
  it('flags three or more regulars on one creator', () => {
    const result = checkPods(ringMember('ana'));
    expect(result.figures.regulars.map((r) => r.author)).toEqual(['bea', 'cleo', 'dora']);
    expect(result.flags[0]).toMatchObject({ code: 'pods.recurring-commenters', severity: 'warning' });
  });
  it('one loyal fan is information only', () => {
    const posts = [1, 2, 3, 4].map((n) =>
      makePost(`p${n}`, n, {
        commentSamples: [
          { author: 'mum', text: 'Proud of you' },
          { author: `f${n}`, text: 'Cool trail' },
        ],
      }),
    );
    expect(checkPods(makeCreator({ posts })).flags.map((f) => f.severity)).toEqual(['info']);
  });
  it('finds the ring across a pool and leaves strangers out', () => {
    const stranger = makeCreator({
      handle: 'eve',
      posts: [makePost('e1', 1, { commentSamples: [{ author: 'ana', text: 'Nice' }] })],
    });
    const groups = detectPodGroups([...ring.map(ringMember), stranger]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toEqual(ring);
    expect(groups[0]!.mutualPairs).toHaveLength(6);
  });
});

describe('checkAlignment', () => {
  const persona: VettingPersona = {
    countries: ['US', 'CA'],
    ageBands: ['25-34', '35-44'],
    niches: ['skincare'],
    followerMin: 5_000,
    followerMax: 50_000,
    minEngagementRate: 3,
    platforms: ['instagram'],
  };
  const cases: Array<{
    name: string;
    creator: Parameters<typeof checkAlignment>[0];
    rate: number;
    codes: string[];
  }> = [
    {
      name: 'aligned audience',
      creator: makeCreator({
        audience: {
          countries: { US: 0.6, CA: 0.1, GB: 0.3 },
          ages: { '25-34': 0.5, '18-24': 0.3, '35-44': 0.2 },
          interests: { 'Skincare & beauty': 0.7, Travel: 0.3 },
        },
      }),
      rate: 4,
      codes: [],
    },
    {
      name: 'audience abroad, too young, off-niche, wrong platform',
      creator: makeCreator({
        platform: 'tiktok',
        followers: 80_000,
        audience: {
          countries: { BR: 0.9, US: 0.1 },
          ages: { '13-17': 0.6, '25-34': 0.4 },
          interests: { Gaming: 1 },
        },
      }),
      rate: 2,
      codes: [
        'alignment.countries',
        'alignment.ages',
        'alignment.interests',
        'alignment.follower-range',
        'alignment.platform',
        'alignment.min-engagement',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(checkAlignment(c.creator, persona, c.rate).flags.map((f) => f.code)).toEqual(c.codes),
    );
  }
  it('severity follows the share in target countries', () => {
    const result = checkAlignment(
      makeCreator({ audience: { countries: { BR: 0.9, US: 0.1 } } }),
      persona,
      null,
    );
    expect(result.figures.countryShare).toBe(0.1);
    expect(result.flags[0]!.severity).toBe('critical');
  });
});

describe('checkConflicts', () => {
  const posts = [
    makePost('recent', 10, { isSponsored: true, brands: ['GLOSSIER'] }),
    makePost('caption', 20, { isSponsored: true, caption: 'Loving my @theordinary haul #ad' }),
    makePost('old', 200, { brands: ['Glossier'] }),
    makePost('other', 5, { brands: ['Nike'] }),
  ];
  it('flags competitors in the window and notes older ones', () => {
    const result = checkConflicts(makeCreator({ posts }), {
      competitors: ['glossier', 'The Ordinary'],
      exclusivityDays: 60,
      now: testNow,
    });
    expect(result.flags.map((f) => [f.code, f.evidence.posts])).toEqual([
      ['conflicts.competitor-in-window', ['recent', 'caption']],
      ['conflicts.competitor-before-window', ['old']],
    ]);
  });
});

describe('checkConsistency', () => {
  const cases: Array<{ name: string; days: number[]; codes: string[]; gap: number | null }> = [
    { name: 'twice a week', days: Array.from({ length: 26 }, (_, i) => i * 3.5), codes: [], gap: 3 },
    {
      name: 'long gap',
      days: [1, 3, 5, 40, 44, 47, 50, 52, 55, 58, 60, 62, 64, 66, 68],
      codes: ['consistency.long-gap'],
      gap: 35,
    },
    { name: 'low cadence', days: [5, 20, 35, 50, 65, 80], codes: ['consistency.low-cadence'], gap: 15 },
    { name: 'inactive', days: [100, 120], codes: ['consistency.inactive'], gap: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const posts = c.days.map((d, i) => makePost(`p${i}`, d));
      const result = checkConsistency(makeCreator({ posts }), { now: testNow });
      expect(result.flags.map((f) => f.code)).toEqual(c.codes);
      expect(result.figures.longestGap?.days ?? null).toBe(c.gap);
    });
  }
});
