// V4 engagement pods (seed 004: "the same people commenting on each post, and vice-versa"): regulars on
// one creator's posts, and groups of creators in a pool who comment on each other or share commenters.
import { capEvidence, type DetectorResult, type Flag } from './flags';
import type { CreatorInput } from './input';

/** An author on at least this share of the posts that have comment samples is a regular… */
export const regularPostShare = 0.7;
/** …counted only when at least this many posts have samples. */
export const minPostsWithSamples = 4;
/** One or two loyal fans are normal; this many regulars look like a pod. */
export const podRegularsForWarning = 3;

function normalizeHandle(handle: string): string {
  const trimmed = handle.trim();
  return (trimmed.charCodeAt(0) === 0x40 ? trimmed.slice(1) : trimmed).toLowerCase();
}

export interface PodFigures {
  postsWithSamples: number;
  regulars: { author: string; posts: number; share: number }[];
}

export function checkPods(input: CreatorInput): DetectorResult<PodFigures> {
  const creator = normalizeHandle(input.handle);
  // `lastPost` is the number of the last post an author was counted on, so one post counts once.
  const postsByAuthor = new Map<string, { author: string; posts: string[]; lastPost: number }>();
  let postsWithSamples = 0;
  for (const post of input.posts ?? []) {
    const samples = post.commentSamples ?? [];
    if (samples.length === 0) continue;
    postsWithSamples++;
    for (const sample of samples) {
      const key = normalizeHandle(sample.author);
      if (key === creator) continue;
      const entry = postsByAuthor.get(key);
      if (!entry) {
        postsByAuthor.set(key, { author: sample.author, posts: [post.id], lastPost: postsWithSamples });
      } else if (entry.lastPost !== postsWithSamples) {
        entry.posts.push(post.id);
        entry.lastPost = postsWithSamples;
      }
    }
  }

  const flags: Flag[] = [];
  const regulars: PodFigures['regulars'] = [];
  const regularPosts = new Set<string>();
  if (postsWithSamples >= minPostsWithSamples) {
    for (const entry of postsByAuthor.values()) {
      const share = entry.posts.length / postsWithSamples;
      if (share >= regularPostShare) {
        regulars.push({
          author: entry.author,
          posts: entry.posts.length,
          share: Math.round(share * 100) / 100,
        });
        for (const id of entry.posts) regularPosts.add(id);
      }
    }
    regulars.sort((a, b) => b.posts - a.posts || a.author.localeCompare(b.author));
  }
  if (regulars.length > 0) {
    const isPod = regulars.length >= podRegularsForWarning;
    const accounts = capEvidence(regulars.map((r) => r.author));
    flags.push({
      code: isPod ? 'pods.recurring-commenters' : 'pods.loyal-commenters',
      severity: isPod ? 'warning' : 'info',
      message:
        `${regulars.length} account${regulars.length === 1 ? '' : 's'} commented on at least ` +
        `${Math.round(regularPostShare * 100)} % of the ${postsWithSamples} posts with comment samples` +
        (isPod ? ', the pattern of an engagement pod.' : ' (loyal fans are normal).'),
      evidence: {
        accounts: accounts.shown,
        posts: [...regularPosts].slice(0, 25),
        omitted: accounts.omitted,
      },
    });
  }
  return { figures: { postsWithSamples, regulars }, flags };
}

/** Creators sharing at least this many commenters… */
export const minSharedCommenters = 5;
/** …amounting to at least this Jaccard overlap of their commenter sets, are linked. */
export const minCommenterOverlap = 0.3;
/** Two friends commenting on each other is normal; a pod is a ring of at least this many. */
export const minPodGroupSize = 3;

export interface PodGroup {
  members: string[];
  /** Pairs of members who each commented on the other's posts. */
  mutualPairs: [string, string][];
  /** Accounts (outside the group) that commented on two or more members. */
  sharedCommenters: string[];
}

/**
 * Groups of creators in a pool who comment on each other (handles appear among each other's comment
 * authors) or whose commenters overlap heavily. Groups are connected components of those links.
 * @example detectPodGroups(pool).map((g) => g.members) // [['ana', 'bea', 'cleo']]
 */
export function detectPodGroups(pool: readonly CreatorInput[]): PodGroup[] {
  const handles = pool.map((c) => normalizeHandle(c.handle));
  const index = new Map(handles.map((h, i) => [h, i]));
  const commenters = pool.map((creator, i) => {
    const set = new Set<string>();
    for (const post of creator.posts ?? []) {
      for (const sample of post.commentSamples ?? []) {
        const author = normalizeHandle(sample.author);
        if (author !== handles[i]) set.add(author);
      }
    }
    return set;
  });

  const parent = pool.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };

  const mutualPairs: [number, number][] = [];
  for (let a = 0; a < pool.length; a++) {
    for (const author of commenters[a]!) {
      const b = index.get(author);
      if (b === undefined || b <= a) continue;
      if (commenters[b]!.has(handles[a]!)) {
        mutualPairs.push([a, b]);
        union(a, b);
      }
    }
  }
  // Commenter overlap: count shared authors per pair through an inverted index (pools can be large).
  const creatorsByAuthor = new Map<string, number[]>();
  commenters.forEach((set, i) => {
    for (const author of set) {
      if (index.has(author)) continue;
      const list = creatorsByAuthor.get(author) ?? [];
      list.push(i);
      creatorsByAuthor.set(author, list);
    }
  });
  const sharedCounts = new Map<string, number>();
  for (const list of creatorsByAuthor.values()) {
    if (list.length < 2 || list.length > 50) continue; // an account on 50+ creators is a public bot, not a ring
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = `${list[x]}:${list[y]}`;
        sharedCounts.set(key, (sharedCounts.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, shared] of sharedCounts) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const unionSize = commenters[a]!.size + commenters[b]!.size - shared;
    if (shared >= minSharedCommenters && shared / unionSize >= minCommenterOverlap) union(a, b);
  }

  const components = new Map<number, number[]>();
  pool.forEach((_, i) => {
    const root = find(i);
    const list = components.get(root) ?? [];
    list.push(i);
    components.set(root, list);
  });

  const groups: PodGroup[] = [];
  for (const members of components.values()) {
    if (members.length < minPodGroupSize) continue;
    const memberSet = new Set(members);
    const shared: string[] = [];
    for (const [author, list] of creatorsByAuthor) {
      if (list.filter((i) => memberSet.has(i)).length >= 2) shared.push(author);
    }
    groups.push({
      members: members.map((i) => pool[i]!.handle),
      mutualPairs: mutualPairs
        .filter(([a]) => memberSet.has(a))
        .map(([a, b]) => [pool[a]!.handle, pool[b]!.handle] as [string, string]),
      sharedCommenters: shared.sort(),
    });
  }
  return groups;
}
