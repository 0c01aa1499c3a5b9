// Small builders for the vetting tests: a creator with only the fields a case cares about.
import type { CreatorInput, Post } from './input';

export function makeCreator(overrides: Partial<CreatorInput> = {}): CreatorInput {
  return { platform: 'instagram', handle: 'nora.glow', followers: 20_000, ...overrides };
}

/** A post `daysAgo` days before 2025-04-01 (the tests' "now"). */
export function makePost(id: string, daysAgo: number, overrides: Partial<Post> = {}): Post {
  return { id, postedAt: new Date(Date.UTC(2025, 3, 1) - daysAgo * 86_400_000).toISOString(), ...overrides };
}

export const testNow = new Date(Date.UTC(2025, 3, 1));
