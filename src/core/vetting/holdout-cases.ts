// A held-out labelled set for the V2–V5 detectors, written after they were built and never used to tune
// them: realistic comments in several languages, follower profiles, growth series and pod patterns
// (written for Troupe from patterns commonly seen on Instagram and TikTok; no third-party data).
// `isSpam` follows PRODUCT V2: generic praise that could sit under any post counts with bot and promo text.
import type { FollowerSampleEntry } from './input';

export interface HoldoutComment {
  /** Comments on the same post share an id; bot texts pasted across posts are the duplicates case. */
  postId: string;
  text: string;
  isSpam: boolean;
  author: string;
  authorFollowers?: number;
}

export const holdoutComments: HoldoutComment[] = [
  // Genuine, specific — including short praise that names something in the post
  {
    postId: 'h1',
    author: 'lina.bakes',
    text: 'The crumb on that sourdough!! How long was the cold proof?',
    isSpam: false,
  },
  { postId: 'h1', author: 'tom_k', text: 'Love the colour of that dress on you', isSpam: false },
  { postId: 'h1', author: 'sara.m', text: 'Finally someone shows the texture up close 🙌', isSpam: false },
  { postId: 'h1', author: 'jmarquez', text: 'Ok but where are the earrings from?', isSpam: false },
  {
    postId: 'h1',
    author: 'kat_runs',
    text: 'That view at the top was worth the climb, right?',
    isSpam: false,
  },
  {
    postId: 'h2',
    author: 'dani_b',
    text: 'Tried the overnight oats with peanut butter, 10/10',
    isSpam: false,
  },
  {
    postId: 'h2',
    author: 'mia.liu',
    text: 'Your skin looks so calm since you switched cleansers',
    isSpam: false,
  },
  { postId: 'h2', author: 'r.okafor', text: 'Does it leave a white cast on darker skin?', isSpam: false },
  { postId: 'h2', author: 'ellie_w', text: 'Saving this for my next grocery run', isSpam: false },
  { postId: 'h2', author: 'jo.hikes', text: 'The dog photobombing at 0:12 😂', isSpam: false },
  { postId: 'h3', author: 'noor.a', text: 'Happy birthday Nora!! 🎂 hope it was a good one', isSpam: false },
  { postId: 'h3', author: 'ben_t', text: 'Same, my hair hated that shampoo too', isSpam: false },
  { postId: 'h3', author: 'luisa.f', text: 'Can you do a tutorial for hooded eyes?', isSpam: false },
  { postId: 'h3', author: 'maxine', text: 'I ordered it after your story, arrives Friday', isSpam: false },
  { postId: 'h3', author: 'priya.k', text: 'Link to the pan please? Mine always sticks', isSpam: false },
  { postId: 'h4', author: 'chloe.r', text: 'Cute! Is the bag big enough for a laptop?', isSpam: false },
  { postId: 'h4', author: 'ahmed_s', text: 'Great breakdown of the costs, very helpful', isSpam: false },
  { postId: 'h4', author: 'vera', text: 'You made me want to repaint my kitchen green', isSpam: false },
  { postId: 'h4', author: 'gabi.santos', text: 'Que receita boa! Vou fazer no domingo', isSpam: false },
  { postId: 'h4', author: 'lea.m', text: 'Trop belle cette lumière, c’était où ?', isSpam: false },
  { postId: 'h5', author: 'jonas.k', text: 'Wie lange hält die Farbe bei dir?', isSpam: false },
  { postId: 'h5', author: 'marco_r', text: 'Che bel posto, sembra la Liguria', isSpam: false },
  { postId: 'h5', author: 'yuki.t', text: 'このレシピ、今夜作ってみます！', isSpam: false },
  { postId: 'h5', author: 'ana.lopez', text: '¿El protector deja la piel grasa?', isSpam: false },
  { postId: 'h5', author: 'oksana', text: 'Дуже гарно вийшло, а який це об’єктив?', isSpam: false },
  {
    postId: 'h6',
    author: 'tobi',
    text: 'Congrats on the launch, you worked so hard for this',
    isSpam: false,
  },
  { postId: 'h6', author: 'meg', text: 'This reminded me to call my grandma ❤️', isSpam: false },
  { postId: 'h6', author: 'hana', text: 'Wait is this the same serum from your March video?', isSpam: false },
  { postId: 'h6', author: 'diego', text: 'The before and after is actually wild', isSpam: false },
  { postId: 'h6', author: 'kim.p', text: 'What app do you edit with?', isSpam: false },
  // Generic praise and emoji-only, which fit under any post
  { postId: 'h1', author: 'glamour.vibes22', text: 'Beautiful 😍😍', isSpam: true },
  { postId: 'h1', author: 'fitlife_daily_88', text: '🔥🔥🔥🔥', isSpam: true },
  { postId: 'h2', author: 'ok.jenna', text: '😍', isSpam: true },
  { postId: 'h2', author: 'the.best.pics', text: 'Amazing post!', isSpam: true },
  { postId: 'h3', author: 'ttravelgram', text: 'Wow so nice', isSpam: true },
  { postId: 'h3', author: 'ayo_ade', text: '👏👏', isSpam: true },
  { postId: 'h4', author: 'ilovefashion', text: 'So pretty!!', isSpam: true },
  { postId: 'h4', author: 'mark.88', text: 'Love it ❤️', isSpam: true },
  { postId: 'h5', author: 'sunny_days', text: 'Gorgeous as always 💕', isSpam: true },
  { postId: 'h5', author: 'happy.vibes.only', text: '💯💯💯', isSpam: true },
  { postId: 'h6', author: 'motivation.daily', text: 'Nice one', isSpam: true },
  { postId: 'h6', author: 'xoxo_beauty', text: 'Perfect 👌', isSpam: true },
  // Promotion, obfuscated links and "check my page"
  { postId: 'h1', author: 'grow.with.max', text: 'Check my page for more tips like this 🙏', isSpam: true },
  { postId: 'h2', author: 'kiki_art', text: 'Follow for follow? 💕', isSpam: true },
  { postId: 'h3', author: 'fashionnova.deals', text: 'l1nk in b!o for 70% off 🛍️', isSpam: true },
  {
    postId: 'h4',
    author: 'beats_by_jr',
    text: 'new song out now, check out my latest reel 🎶',
    isSpam: true,
  },
  { postId: 'h5', author: 'skinhelp', text: 'visit glowfix . shop for the same results', isSpam: true },
  { postId: 'h6', author: 'igboost', text: 'Want 10k real followers? Go to boostgram.net', isSpam: true },
  { postId: 'h2', author: 'cams_4u', text: 'hot pics on my profile 🔞', isSpam: true },
  { postId: 'h4', author: 'sub2me', text: 'Sub to my channel pls, I sub back', isSpam: true },
  // Scam, crypto and DM bait
  {
    postId: 'h1',
    author: 'sophia_fx_trader',
    text: 'I made $12k last month thanks to @bestforexmentor, DM him',
    isSpam: true,
  },
  {
    postId: 'h2',
    author: 'jane.invests',
    text: 'Bitcoin mining changed my life, ask me how 🙏',
    isSpam: true,
  },
  {
    postId: 'h3',
    author: 'brand.scouts',
    text: 'Hi dear! DM @brandscout.agency for a paid collab 💕',
    isSpam: true,
  },
  {
    postId: 'h5',
    author: 'giveaway.central',
    text: 'Congratulations 🎉 you are one of our giveaway winners, message us to claim',
    isSpam: true,
  },
  {
    postId: 'h6',
    author: 'mr.wealth',
    text: 'Stop working 9-5, earn $300 daily from your phone',
    isSpam: true,
  },
  {
    postId: 'h4',
    author: 'usdt.helpdesk',
    text: 'Recover your lost crypto, contact our team on telegram',
    isSpam: true,
  },
  // The same script pasted under several posts
  {
    postId: 'h1',
    author: 'bella.boutique',
    text: 'Your feed is gorgeous, we would love to work with you!',
    isSpam: true,
  },
  {
    postId: 'h3',
    author: 'bella.boutique',
    text: 'Your feed is gorgeous, we would love to work with you!',
    isSpam: true,
  },
  {
    postId: 'h6',
    author: 'bella.boutique',
    text: 'Your feed is gorgeous, we would love to work with you!',
    isSpam: true,
  },
  { postId: 'h2', author: 'user_27718', text: 'This is exactly what I was looking for', isSpam: true },
  { postId: 'h5', author: 'user_99102', text: 'This is exactly what I was looking for', isSpam: true },
  // Genuine text from accounts with bait-like names, and a real fan with no followers yet
  {
    postId: 'h3',
    author: 'promo_code_queen',
    text: 'Did the discount code work for anyone else? Mine says expired',
    isSpam: false,
  },
  {
    postId: 'h5',
    author: 'trading.cards.ben',
    text: 'Haha the cat stealing the spotlight again',
    isSpam: false,
  },
];

export type HoldoutFollower = FollowerSampleEntry & { isFake: boolean };

export const holdoutFollowers: HoldoutFollower[] = [
  // Real but inactive or private: lurkers who never post are still people
  {
    username: 'marta.k',
    followers: 88,
    following: 210,
    posts: 0,
    hasProfilePicture: true,
    isPrivate: true,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'dave_1987',
    followers: 45,
    following: 160,
    posts: 2,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'lisa.reads',
    followers: 312,
    following: 480,
    posts: 57,
    hasProfilePicture: true,
    biographyLength: 64,
    isFake: false,
  },
  {
    username: 'grandma_rose',
    followers: 12,
    following: 40,
    posts: 0,
    hasProfilePicture: false,
    isPrivate: true,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'j.chen',
    followers: 540,
    following: 610,
    posts: 130,
    hasProfilePicture: true,
    biographyLength: 30,
    isFake: false,
  },
  {
    username: 'pete_runs_2019',
    followers: 201,
    following: 350,
    posts: 44,
    hasProfilePicture: true,
    biographyLength: 12,
    isFake: false,
  },
  {
    username: 'anna_m',
    followers: 73,
    following: 95,
    posts: 9,
    hasProfilePicture: false,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'coffee.and.code',
    followers: 1890,
    following: 900,
    posts: 402,
    hasProfilePicture: true,
    biographyLength: 120,
    isFake: false,
  },
  {
    username: 'sofia.2001',
    followers: 260,
    following: 700,
    posts: 18,
    hasProfilePicture: true,
    isPrivate: true,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'mike_b',
    followers: 30,
    following: 1100,
    posts: 4,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'kateryna.ph',
    followers: 2400,
    following: 300,
    posts: 600,
    hasProfilePicture: true,
    biographyLength: 80,
    isFake: false,
  },
  {
    username: 'tom',
    followers: 5,
    following: 20,
    posts: 1,
    hasProfilePicture: false,
    biographyLength: 0,
    isFake: false,
  },
  {
    username: 'the_real_hannah',
    followers: 120,
    following: 400,
    posts: 0,
    hasProfilePicture: true,
    biographyLength: 25,
    isFake: false,
  },
  {
    username: 'nguyen.linh',
    followers: 610,
    following: 580,
    posts: 71,
    hasProfilePicture: true,
    isFake: false,
  },
  {
    username: 'rob.builds',
    followers: 90,
    following: 130,
    posts: 3,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: false,
  },
  // Bot-like: farms, follow-for-follow accounts, sold accounts
  {
    username: 'user4829301122',
    followers: 1,
    following: 5300,
    posts: 0,
    hasProfilePicture: false,
    biographyLength: 0,
    isFake: true,
  },
  {
    username: 'emily_smith83920',
    followers: 8,
    following: 3100,
    posts: 0,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: true,
  },
  { username: 'qwxzrtpl', followers: 0, following: 900, posts: 0, hasProfilePicture: false, isFake: true },
  {
    username: 'f4f.gainz.daily',
    followers: 150,
    following: 7500,
    posts: 2,
    hasProfilePicture: true,
    biographyLength: 40,
    isFake: true,
  },
  {
    username: 'hot.deals.4u.2931',
    followers: 22,
    following: 4800,
    posts: 1,
    hasProfilePicture: true,
    biographyLength: 18,
    isFake: true,
  },
  {
    username: 'natasha77281920',
    followers: 3,
    following: 2000,
    posts: 0,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: true,
  },
  {
    username: 'bkjdhgfsd',
    followers: 2,
    following: 50,
    posts: 0,
    hasProfilePicture: false,
    biographyLength: 0,
    isFake: true,
  },
  {
    username: 'john.doe.5518273',
    followers: 0,
    following: 1500,
    posts: 0,
    hasProfilePicture: false,
    isFake: true,
  },
  {
    username: 'viewsbooster',
    followers: 40,
    following: 6200,
    posts: 0,
    hasProfilePicture: true,
    biographyLength: 0,
    isFake: true,
  },
  {
    username: 'lucy_xq7p9',
    followers: 4,
    following: 1800,
    posts: 0,
    hasProfilePicture: false,
    biographyLength: 0,
    isFake: true,
  },
  {
    username: 'mmmwvbxcz_',
    followers: 11,
    following: 2600,
    posts: 1,
    hasProfilePicture: false,
    isFake: true,
  },
  {
    username: 'cryptoqueen_8273',
    followers: 60,
    following: 7100,
    posts: 6,
    hasProfilePicture: true,
    biographyLength: 50,
    isFake: true,
  },
];

export interface HoldoutGrowth {
  name: string;
  /** Daily follower counts from 2025-01-01. */
  history: number[];
  /** Posts as [day index, likes]; a day with far more likes than usual is a viral post. */
  posts?: Array<[number, number]>;
  isBought: boolean;
  isDeclining: boolean;
}

function series(days: number, at: (day: number) => number): number[] {
  return Array.from({ length: days }, (_, d) => Math.round(at(d)));
}

// A deterministic wobble (unfollows, weekends) so that daily series look like real ones.
const wobble = (d: number, size: number) =>
  Math.round(Math.sin(d * 2.3) * size + Math.cos(d * 0.7) * size * 0.5);
const everyThirdDay = (likes: number, days = 60) =>
  Array.from(
    { length: Math.floor(days / 3) },
    (_, i) => [i * 3, likes + ((i * 37) % 120)] as [number, number],
  );

export const holdoutGrowth: HoldoutGrowth[] = [
  {
    name: 'steady organic growth with daily wobble',
    history: series(60, (d) => 15_000 + d * 25 + wobble(d, 15)),
    posts: everyThirdDay(600),
    isBought: false,
    isDeclining: false,
  },
  {
    name: 'bought 4,000 followers overnight, then flat',
    history: series(60, (d) => 12_000 + d * 10 + (d >= 30 ? 4_000 : 0) + wobble(d, 6)),
    posts: everyThirdDay(450),
    isBought: true,
    isDeclining: false,
  },
  {
    name: 'bought over three days, then flat and slowly shed',
    history: series(
      60,
      (d) => 8_000 + d * 6 + (d >= 20 ? Math.min(d - 19, 3) * 1_500 : 0) - (d > 23 ? (d - 23) * 8 : 0),
    ),
    posts: everyThirdDay(300),
    isBought: true,
    isDeclining: false,
  },
  {
    name: 'viral reel with matching engagement lifts followers',
    history: series(60, (d) => 20_000 + d * 30 + (d >= 31 ? 5_000 + (d - 31) * 40 : 0) + wobble(d, 12)),
    posts: [...everyThirdDay(800).filter(([d]) => d !== 30), [30, 45_000]],
    isBought: false,
    isDeclining: false,
  },
  {
    name: 'slow decline of an account that stopped posting',
    history: series(60, (d) => 30_000 - d * 45 + wobble(d, 10)),
    isBought: false,
    isDeclining: true,
  },
  {
    name: 'seasonal summer dip and recovery',
    history: series(
      60,
      (d) => 18_000 + (d < 20 ? d * 15 : d < 35 ? 300 - (d - 20) * 12 : 120 + (d - 35) * 20),
    ),
    posts: everyThirdDay(500),
    isBought: false,
    isDeclining: false,
  },
  {
    name: 'flat account with noisy daily counts',
    history: series(60, (d) => 9_500 + wobble(d, 20)),
    posts: everyThirdDay(200),
    isBought: false,
    isDeclining: false,
  },
  {
    name: 'purge of bots by the platform: sharp drop',
    history: series(60, (d) => 40_000 + d * 20 - (d >= 40 ? 6_000 : 0)),
    posts: everyThirdDay(900),
    isBought: false,
    isDeclining: true,
  },
  {
    name: 'weekly snapshots, bought spike between two of them',
    history: series(60, (d) => 10_000 + d * 12 + (d >= 28 ? 2_500 : 0)).filter((_, d) => d % 7 === 0),
    isBought: true,
    isDeclining: false,
  },
];

export interface HoldoutPodCase {
  name: string;
  /** Authors per post: each inner list is one post's commenters. */
  postsAuthors: string[][];
  isPod: boolean;
}

const strangers = (post: number, n: number) => Array.from({ length: n }, (_, i) => `fan_${post}_${i}`);

export const holdoutPods: HoldoutPodCase[] = [
  {
    name: 'a ring of five on every post',
    postsAuthors: [0, 1, 2, 3, 4, 5].map((p) => [
      'ring_a',
      'ring_b',
      'ring_c',
      'ring_d',
      'ring_e',
      ...strangers(p, 6),
    ]),
    isPod: true,
  },
  {
    name: 'a pod of four on most posts, missing some',
    postsAuthors: [0, 1, 2, 3, 4, 5, 6, 7].map((p) => [
      ...['pa', 'pb', 'pc', 'pd'].filter((_, i) => (p + i) % 5 !== 0),
      ...strangers(p, 4),
    ]),
    isPod: true,
  },
  {
    name: 'organic: mum and a best friend on most posts',
    postsAuthors: [0, 1, 2, 3, 4, 5].map((p) => [
      'mum',
      ...(p % 3 === 0 ? [] : ['bestie']),
      ...strangers(p, 8),
    ]),
    isPod: false,
  },
  {
    name: 'organic: a loyal community where regulars rotate',
    postsAuthors: [0, 1, 2, 3, 4, 5, 6, 7].map((p) => [
      `reg_${p % 4}`,
      `reg_${(p + 1) % 4}`,
      `reg_${(p + 2) % 5}`,
      ...strangers(p, 10),
    ]),
    isPod: false,
  },
  {
    name: 'organic: new commenters every time',
    postsAuthors: [0, 1, 2, 3, 4].map((p) => strangers(p, 12)),
    isPod: false,
  },
  {
    name: 'too few posts to tell',
    postsAuthors: [0, 1, 2].map((p) => ['x', 'y', 'z', ...strangers(p, 3)]),
    isPod: false,
  },
];
