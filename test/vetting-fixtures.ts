// A creator the vetting engine should flag, built from the engine's own labelled cases: mostly spam
// comments from the same bot accounts on every post, a bought-follower spike, fake followers in the
// sample and a sponsored post for a competitor. Dates are relative to `now`, so "the last 90 days" holds.
import { labelledComments, labelledFollowers } from '../src/core/vetting/labelled-cases';

const day = 86_400_000;

export function makeSpammyCreator(now = new Date(), handle = 'spammy.glow') {
  const spam = labelledComments.filter((c) => c.isSpam && !c.authorFollowers);
  const genuine = labelledComments.filter((c) => !c.isSpam);
  const posts = Array.from({ length: 16 }, (_, i) => {
    const commentSamples = [
      ...Array.from({ length: 6 }, (_, j) => ({
        author: `bot_ring_${j}`,
        text: spam[(i * 6 + j) % spam.length]!.text,
        authorFollowers: 3,
      })),
      { author: `real_fan_${i}`, text: genuine[i % genuine.length]!.text, authorFollowers: 420 },
    ];
    return {
      id: `post_${String(i + 1).padStart(2, '0')}`,
      postedAt: new Date(now.getTime() - (2 + i * 4) * day).toISOString(),
      format: i % 3 === 0 ? ('reel' as const) : ('feed' as const),
      caption: `Morning skincare routine, day ${i + 1} #skincare`,
      likes: 520 + ((i * 37) % 160),
      comments: 30 + i,
      isSponsored: i === 1,
      ...(i === 1 ? { brands: ['Glossier'] } : {}),
      commentSamples,
    };
  });
  const followerHistory = Array.from({ length: 80 }, (_, i) => ({
    date: new Date(now.getTime() - (80 - i) * day).toISOString().slice(0, 10),
    followers: 14_000 + i * 15 + (i >= 40 ? 9_000 : 0),
  }));
  return {
    platform: 'instagram' as const,
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
