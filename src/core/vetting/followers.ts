// V5 fake or inactive followers, estimated from a sample of follower profiles. Each profile trait adds
// weight; a profile at or above the threshold is likely fake. One weak trait alone (no bio, say) never is.
import { capEvidence, type DetectorResult, type Flag } from './flags';
import type { CreatorInput, FollowerSampleEntry } from './input';

export const followerFakeReasons = [
  'no-profile-picture',
  'no-posts',
  'private-without-posts',
  'follows-far-more-than-followed',
  'no-followers',
  'digit-heavy-username',
  'random-username',
  'empty-bio',
] as const;
export type FollowerFakeReason = (typeof followerFakeReasons)[number];

/** Weight of each trait; a sum of `fakeThreshold` or more marks the profile likely fake. */
export const followerReasonWeights: Record<FollowerFakeReason, number> = {
  'no-profile-picture': 2,
  'no-posts': 1.5,
  'private-without-posts': 0.5,
  'follows-far-more-than-followed': 2,
  'no-followers': 1,
  'digit-heavy-username': 1.5,
  'random-username': 1.5,
  'empty-bio': 0.5,
};
export const fakeThreshold = 3;

/** Assumptions: real audiences carry some dead weight; a quarter is suspicious, half is bought. */
export const warnFakeShare = 0.25;
export const criticalFakeShare = 0.5;
/** Below this many sampled profiles the share is too noisy to be critical. */
export const minSampleForCritical = 20;

// A fixed bound keeps the check pure; years in handles are birth years or recent years (summer2024).
const latestPlausibleYear = 2030;

// Trailing digits that read as a birth year (anna_1994) are common among real people.
function isDigitHeavy(username: string): boolean {
  const digits = username.replace(/\D/g, '');
  if (digits.length === 0) return false;
  const trailing = /(\d+)$/.exec(username)?.[1] ?? '';
  const trailingYear =
    trailing.length === 4 && Number(trailing) >= 1950 && Number(trailing) <= latestPlausibleYear;
  if (trailing.length >= 5) return true;
  if (trailing.length === 4 && !trailingYear) return true;
  return digits.length >= 4 && digits.length / username.length > 0.3 && !trailingYear;
}

function isRandomLooking(username: string): boolean {
  const letters = username.toLowerCase().replace(/[^a-z]/g, ' ');
  return letters.split(' ').some((chunk) => /[bcdfghjklmnpqrstvwxz]{5,}/.test(chunk));
}

/** The traits that make a follower profile look fake, and their summed weight. */
export function judgeFollower(entry: FollowerSampleEntry): { reasons: FollowerFakeReason[]; score: number } {
  const reasons: FollowerFakeReason[] = [];
  if (entry.hasProfilePicture === false) reasons.push('no-profile-picture');
  if (entry.posts === 0) {
    reasons.push('no-posts');
    if (entry.isPrivate === true) reasons.push('private-without-posts');
  }
  if (
    entry.following !== undefined &&
    entry.following > 1000 &&
    entry.following / Math.max(entry.followers ?? 0, 1) > 10
  ) {
    reasons.push('follows-far-more-than-followed');
  }
  if (entry.followers === 0) reasons.push('no-followers');
  if (isDigitHeavy(entry.username)) reasons.push('digit-heavy-username');
  if (isRandomLooking(entry.username)) reasons.push('random-username');
  if (entry.biographyLength === 0) reasons.push('empty-bio');
  const score = reasons.reduce((sum, reason) => sum + followerReasonWeights[reason], 0);
  return { reasons, score };
}

export interface FollowerItem {
  username: string;
  isLikelyFake: boolean;
  score: number;
  reasons: FollowerFakeReason[];
}

export interface FollowerFigures {
  sampled: number;
  likelyFake: number;
  fakeShare: number | null;
  byReason: Record<FollowerFakeReason, number>;
}

export interface FakeFollowerResult extends DetectorResult<FollowerFigures> {
  items: FollowerItem[];
  fakeShare: number | null;
}

export function checkFollowers(input: CreatorInput): FakeFollowerResult {
  const byReason = Object.fromEntries(followerFakeReasons.map((r) => [r, 0])) as Record<
    FollowerFakeReason,
    number
  >;
  const items: FollowerItem[] = (input.followerSample ?? []).map((entry) => {
    const { reasons, score } = judgeFollower(entry);
    for (const reason of reasons) byReason[reason]++;
    return { username: entry.username, isLikelyFake: score >= fakeThreshold, score, reasons };
  });
  const fake = items.filter((item) => item.isLikelyFake);
  const fakeShare = items.length > 0 ? Math.round((fake.length / items.length) * 1000) / 1000 : null;

  const flags: Flag[] = [];
  if (fakeShare === null) {
    flags.push({
      code: 'followers.no-data',
      severity: 'info',
      message: 'No follower sample was given; fake followers were not estimated.',
      evidence: {},
    });
  } else if (fakeShare >= warnFakeShare) {
    const isCritical = fakeShare >= criticalFakeShare && items.length >= minSampleForCritical;
    const { shown, omitted } = capEvidence(fake.map((item) => item.username));
    flags.push({
      code: isCritical ? 'followers.mostly-fake' : 'followers.fake',
      severity: isCritical ? 'critical' : 'warning',
      message:
        `${fake.length} of ${items.length} sampled followers (${Math.round(fakeShare * 100)} %) look fake or inactive` +
        (fakeShare >= criticalFakeShare && !isCritical
          ? ` (a sample under ${minSampleForCritical} is too small to call it critical)`
          : '') +
        '.',
      evidence: { followers: shown, omitted },
    });
  }
  return {
    figures: { sampled: items.length, likelyFake: fake.length, fakeShare, byReason },
    flags,
    items,
    fakeShare,
  };
}
