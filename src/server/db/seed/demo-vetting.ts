// Demo vetting reports: one creator who passes and one whose report shows every kind of evidence (spam
// comments from a ring of bots, a bought-follower spike, fake followers, a competitor deal), both run
// against the demo program so the report page has something to show on first start.
import type { CreatorInput } from '../../../core/vetting/input';
import { labelledComments, labelledFollowers } from '../../../core/vetting/labelled-cases';
import { makeBenchCreator } from '../../../core/vetting/perf';
import type { WorkspaceScope } from '../../lib/scope';
import { vetOne } from '../../modules/vetting/vetting.service';
import type { Db } from '../client';

const dayMs = 86_400_000;

/**
 * A creator the engine flags, built from its own labelled cases. Dates count back from `now`, so "the last
 * 90 days" holds whenever it is vetted. Also the spammy creator of the vetting tests.
 */
export function makeSpammyCreator(now = new Date(), handle = 'spammy.glow'): CreatorInput {
  const spam = labelledComments.filter((c) => c.isSpam && !c.authorFollowers);
  const genuine = labelledComments.filter((c) => !c.isSpam);
  const posts = Array.from({ length: 16 }, (_, i) => ({
    id: `post_${String(i + 1).padStart(2, '0')}`,
    postedAt: new Date(now.getTime() - (2 + i * 4) * dayMs).toISOString(),
    format: i % 3 === 0 ? ('reel' as const) : ('feed' as const),
    caption: `Morning skincare routine, day ${i + 1} #skincare`,
    likes: 520 + ((i * 37) % 160),
    comments: 30 + i,
    isSponsored: i === 1,
    ...(i === 1 ? { brands: ['Glossier'] } : {}),
    commentSamples: [
      ...Array.from({ length: 6 }, (_, j) => ({
        author: `bot_ring_${j}`,
        text: spam[(i * 6 + j) % spam.length]!.text,
        authorFollowers: 3,
      })),
      { author: `real_fan_${i}`, text: genuine[i % genuine.length]!.text, authorFollowers: 420 },
    ],
  }));
  const followerHistory = Array.from({ length: 80 }, (_, i) => ({
    date: new Date(now.getTime() - (80 - i) * dayMs).toISOString().slice(0, 10),
    followers: 14_000 + i * 15 + (i >= 40 ? 9_000 : 0),
  }));
  return {
    platform: 'instagram',
    handle,
    followers: 23_500,
    following: 900,
    followerHistory,
    audience: {
      countries: { US: 0.31, IN: 0.28, BR: 0.17, GB: 0.08 },
      ages: { '13-17': 0.22, '18-24': 0.41, '25-34': 0.24, '35-44': 0.08 },
      genders: { female: 0.58, male: 0.4, other: 0.02 },
    },
    followerSample: labelledFollowers.map(({ isFake: _isFake, ...entry }) => entry),
    posts,
  };
}

/** The benchmark creator (a healthy micro creator), moved so its last post was yesterday. */
function makeHealthyCreator(now: Date, handle: string): CreatorInput {
  const bench = makeBenchCreator(11);
  const shift = now.getTime() - dayMs - Date.parse(bench.posts!.at(-1)!.postedAt);
  const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  // Half the comment samples keep the report readable; the other half add nothing a demo needs.
  const posts = bench.posts!.slice(-45).map((p) => ({
    ...p,
    postedAt: moved(p.postedAt),
    commentSamples: (p.commentSamples ?? []).slice(0, 12),
  }));
  return {
    ...bench,
    handle,
    posts,
    followerHistory: bench.followerHistory!.map((h) => ({
      ...h,
      date: moved(`${h.date}T00:00:00.000Z`).slice(0, 10),
    })),
  };
}

/** Vets two demo creators against the demo program (audited on their timelines like any run). */
export async function seedDemoVetting(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  creators: Array<{ id: string; socialAccounts: Array<{ platform: string; handle: string }> }>,
): Promise<void> {
  const withInstagram = creators.filter((c) => c.socialAccounts.some((a) => a.platform === 'instagram'));
  const [healthy, spammy] = withInstagram;
  const now = new Date();
  const handleOf = (c: (typeof creators)[number]) =>
    c.socialAccounts.find((a) => a.platform === 'instagram')!.handle;
  if (healthy) {
    await vetOne(db, scope, {
      input: makeHealthyCreator(now, handleOf(healthy)),
      programId,
      creatorId: healthy.id,
    });
  }
  if (spammy) {
    await vetOne(db, scope, {
      input: makeSpammyCreator(now, handleOf(spammy)),
      programId,
      creatorId: spammy.id,
    });
  }
}
