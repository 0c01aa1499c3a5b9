// A deterministic, realistic-sized creator for the vetting benchmark (DESIGN.md: a full report for 90 days
// of posts with 50 comments each in under 5 ms of CPU). Used by bench/ and the vetting tests.
import { seededRandom } from '../seeded-random';
import type { CreatorInput } from './input';

// Genuine comments are built from parts so that, as in real life, almost no two are the same text.
const openers = [
  'Love how',
  'Honestly',
  'Okay so',
  'Wait,',
  'Not gonna lie',
  'Ahh',
  'So',
  'Tried it:',
  'Question:',
  'Update:',
];
const middles = [
  'you layered the serum before SPF',
  'the linen shirt works with those trainers',
  'my kids asked for seconds of this recipe',
  'the lighting in the second slide looks',
  'this routine fixed my dry patches',
  'the cleanser behaves on sensitive skin',
  'you plan the week on Sundays',
  'the colour grading on this reel turned out',
  'your tip about patch testing saved me',
  'the trail at sunrise looks from up there',
  'the budget breakdown compares to last month',
  'you store the leftovers',
];
const closers = [
  'did it pill?',
  'where is it from?',
  'thank you!',
  'need this',
  'what lens?',
  'adding it to my list',
  'so helpful',
  'any dupes?',
];
const spam = [
  'Nice pic!',
  '😍😍😍',
  'Great post 🔥',
  'Check out my page for daily motivation!!',
  'DM @glowpromo_official to collab 💕',
  'Earn $500 a day with crypto, message me',
  'so beautiful',
  'follow me back',
];

/**
 * A micro creator (24K followers) with a post a day for 90 days, 50 comment samples per post (about a
 * fifth spam), 90 days of follower history and a 100-profile follower sample.
 */
export function makeBenchCreator(seed = 42): CreatorInput {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const start = Date.UTC(2025, 0, 1);
  const followers = 24_000;
  const posts: NonNullable<CreatorInput['posts']> = [];
  for (let day = 0; day < 90; day++) {
    const commentSamples = [];
    for (let i = 0; i < 50; i++) {
      const isSpam = random() < 0.2;
      commentSamples.push({
        author: isSpam
          ? `user${Math.floor(random() * 90_000) + 10_000}`
          : `fan_${Math.floor(random() * 800)}`,
        text: isSpam
          ? pick(spam)
          : `${pick(openers)} ${pick(middles)} after ${1 + Math.floor(random() * 52)} weeks, ${pick(closers)}`,
        authorFollowers: isSpam ? Math.floor(random() * 3) : 100 + Math.floor(random() * 3000),
      });
    }
    posts.push({
      id: `post_${day}`,
      postedAt: new Date(start + day * 86_400_000 + 17 * 3_600_000).toISOString(),
      format: day % 3 === 0 ? 'reel' : 'feed',
      caption: `Day ${day} of my skincare routine #skincare`,
      likes: 700 + Math.floor(random() * 400),
      comments: 40 + Math.floor(random() * 40),
      ...(day % 3 === 0 ? { views: 9_000 + Math.floor(random() * 6_000) } : {}),
      isSponsored: day % 15 === 0,
      ...(day % 15 === 0 ? { brands: [pick(['Glossier', 'The Ordinary', 'CeraVe'])] } : {}),
      commentSamples,
    });
  }
  const followerHistory = [];
  for (let day = 0; day < 90; day++) {
    followerHistory.push({
      date: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
      followers: followers - (89 - day) * 20 - Math.floor(random() * 10),
    });
  }
  const followerSample = [];
  for (let i = 0; i < 100; i++) {
    const isFake = random() < 0.15;
    followerSample.push(
      isFake
        ? {
            username: `user${Math.floor(random() * 9_000_000)}`,
            followers: 3,
            following: 2_400,
            posts: 0,
            hasProfilePicture: false,
            isPrivate: false,
            biographyLength: 0,
          }
        : {
            username: pick(['maya.k', 'jon_bakes', 'lena.reads', 'theo_runs', 'sam.skin']) + i,
            followers: 300 + i * 7,
            following: 400,
            posts: 50 + i,
            hasProfilePicture: true,
            isPrivate: false,
            biographyLength: 40,
          },
    );
  }
  return {
    platform: 'instagram',
    handle: 'glow.with.nora',
    followers,
    following: 610,
    followerHistory,
    audience: {
      countries: { US: 0.52, CA: 0.11, GB: 0.09, DE: 0.04 },
      ages: { '18-24': 0.34, '25-34': 0.41, '35-44': 0.15 },
      genders: { female: 0.82, male: 0.16, other: 0.02 },
      interests: { 'Beauty & skincare': 0.6, Fitness: 0.2, Travel: 0.2 },
    },
    followerSample,
    posts,
  };
}
