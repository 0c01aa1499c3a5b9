import { describe, expect, it } from 'vitest';
import { checkComments, classifyComment } from './comments';
import { makeCreator, makePost } from './test-factories';

describe('classifyComment', () => {
  const cases: Array<{ text: string; authorFollowers?: number; expected: string[] }> = [
    { text: 'Nice pic!!', expected: ['generic-praise'] },
    { text: '😍😍😍', expected: ['emoji-only'] },
    { text: 'Obsessed with this colour on you 😍', expected: [] },
    { text: 'love how you layered the serum before SPF — did it pill?', expected: [] },
    { text: 'Check out my channel 🙏', expected: ['promo'] },
    { text: 'visit shopdeals.xyz now', expected: ['link'] },
    { text: 'Earn $400 a day with bitcoin', expected: ['scam-bait'] },
    { text: 'DM @glowbrand to collab!', expected: ['scam-bait'] },
    { text: 'Can you dm me the name of that serum?', expected: [] },
    { text: 'This coat is an investment piece', expected: [] },
    { text: 'Such a vibe', authorFollowers: 0, expected: ['zero-follower-author'] },
    { text: 'xqzt', expected: ['non-word'] },
    { text: 'ngl', expected: [] },
    // Adversarial pairs: emoji-only praise fits any post, short praise that names something does not.
    { text: '🔥🔥', expected: ['emoji-only'] },
    { text: 'That colour 🔥 where is it from?', expected: [] },
    { text: '👏👏👏', expected: ['emoji-only'] },
    { text: 'Bravo on finishing the marathon! 👏', expected: [] },
    { text: 'So pretty!!', expected: ['generic-praise'] },
    { text: 'So pretty, is that the new palette?', expected: [] },
    // Words in other scripts are words, however short.
    { text: 'このレシピ、今夜作ってみます！', expected: [] },
    { text: 'Дякую!', expected: [] },
    // Spellings made to slip past filters, and bait with a handle in between.
    { text: 'l1nk in b!o for 70% off', expected: ['promo'] },
    { text: 'Sub to my channel pls, I sub back', expected: ['promo'] },
    { text: 'Hi dear! DM @brandscout.agency for a paid collab', expected: ['scam-bait'] },
  ];
  for (const c of cases) {
    it(`"${c.text}" → ${c.expected.join(', ') || 'genuine'}`, () => {
      expect(classifyComment(c.text, { authorFollowers: c.authorFollowers })).toEqual(c.expected);
    });
  }
});

describe('checkComments', () => {
  it('lists every sample, counts a repeat within one post once and leaves out the creator’s replies', () => {
    const creator = makeCreator({
      posts: [
        makePost('p1', 2, {
          commentSamples: [
            { author: 'bot_1', text: 'Great content, keep going with it!' },
            { author: 'maya', text: 'Where is the jacket from?' },
            { author: 'nora.glow', text: 'Thank you!' },
          ],
        }),
        makePost('p2', 1, {
          commentSamples: [
            { author: 'bot_2', text: 'Amazing, we would love to feature your page' },
            { author: 'bot_3', text: 'Amazing, we would love to feature your page' },
          ],
        }),
      ],
    });
    const result = checkComments(creator);
    expect(result.items).toHaveLength(5);
    expect(result.items.map((i) => i.isSpam)).toEqual([true, false, false, false, false]);
    expect(result.figures.creatorReplies).toBe(1);
    expect(result.spamShare).toBe(0.25);
  });

  it('flags 50 % spam or more as critical with the comments as evidence', () => {
    const creator = makeCreator({
      posts: [
        makePost('p1', 3, {
          commentSamples: [
            { author: 'a', text: 'Follow me back' },
            { author: 'b', text: 'Tried it, my skin is calmer' },
          ],
        }),
        makePost('p2', 2, {
          commentSamples: [
            { author: 'c', text: 'Pay me to promote it: earn $200 a day' },
            { author: 'd', text: '🔥🔥' },
          ],
        }),
      ],
    });
    const result = checkComments(creator);
    expect(result.spamShare).toBe(0.75);
    expect(result.flags[0]).toMatchObject({ code: 'comments.mostly-spam', severity: 'critical' });
    expect(result.flags[0]!.evidence.comments!.map((c) => `${c.postId}#${c.index}`)).toEqual([
      'p1#0',
      'p2#0',
      'p2#1',
    ]);
  });

  it('marks a sentence pasted on two posts as duplicate', () => {
    const creator = makeCreator({
      posts: [
        makePost('p1', 3, { commentSamples: [{ author: 'x1', text: 'This is what I needed today' }] }),
        makePost('p2', 2, { commentSamples: [{ author: 'x2', text: 'This is what I needed today' }] }),
      ],
    });
    expect(checkComments(creator).items.map((i) => i.reasons)).toEqual([['duplicate'], ['duplicate']]);
  });
});
