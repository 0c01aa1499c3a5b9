// Demo briefs and listening (B1, B8): Glow Circle's standing brief in two versions (the second tightened
// the claims after legal review, 12 days ago), and a listening import of posts mentioning the brand —
// three by active ambassadors (matched by handle, whatever the case or @) and one by a stranger.
import { stringify } from 'csv-stringify/sync';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
import type { BriefContentInput } from '../../modules/briefs/briefs.contract';
import { brief, briefVersion } from '../../modules/briefs/briefs.schema';
import { createBrief, publishBriefVersion } from '../../modules/briefs/briefs.service';
import { importListening } from '../../modules/listening/listening.service';
import { listAmbassadors } from '../../modules/people/ambassadors.service';

const dayMs = 86_400_000;

const version1: BriefContentInput = {
  title: 'Glow Circle: your everyday routine',
  summary:
    'Show how the Barrier Repair Serum fits into a real morning or evening routine. We want results over weeks, not a one-off unboxing: texture, how your skin feels, what changed.',
  mustInclude: {
    productNames: ['Barrier Repair Serum'],
    mentions: ['@glowandco'],
    keyClaims: ['Fragrance-free and made for sensitive skin', 'Visibly calmer skin in 4 weeks'],
    legalLines: [],
    trackingLinkOrCode: true,
  },
  mustAvoid: {
    competitors: [],
    themes: ['Before/after photos edited with filters', 'Medical advice or diagnoses'],
    words: ['cure', 'miracle'],
  },
  disclosure: { markers: [], instagramWithinFirstCharacters: null },
  formats: ['reel', 'story', 'feed'],
  startsOn: null,
  endsOn: null,
  freedomNotes:
    'Film where you actually do your routine, in your own words. Music, setting and tone are yours. Tell us if something did not work for you: honest posts perform best.',
};

const version2: BriefContentInput = {
  ...version1,
  mustInclude: {
    ...version1.mustInclude,
    mentions: ['@glowandco', '#GlowCircle'],
    keyClaims: [
      'Fragrance-free and made for sensitive skin',
      'Skin feels calmer within 4 weeks of daily use',
    ],
  },
  mustAvoid: { ...version1.mustAvoid, words: ['cure', 'miracle', 'heals', 'eczema'] },
};

export async function seedDemoBriefs(db: Db, scope: WorkspaceScope, programId: string) {
  const created = await createBrief(db, scope, programId, { campaign: null, content: version1 });
  await publishBriefVersion(db, scope, programId, created.id, {
    content: version2,
    changeNote:
      'After legal review: the 4-week claim now says “feels calmer … with daily use”, medical words are off limits, and please tag #GlowCircle so we can find your posts.',
  });
  // Back-date the history so the page reads like a program that has been running for a while.
  const now = Date.now();
  await db
    .update(briefVersion)
    .set({ createdAt: new Date(now - 74 * dayMs) })
    .where(and(eq(briefVersion.briefId, created.id), eq(briefVersion.version, 1)));
  await db
    .update(briefVersion)
    .set({ createdAt: new Date(now - 12 * dayMs) })
    .where(and(eq(briefVersion.briefId, created.id), eq(briefVersion.version, 2)));
  await db
    .update(brief)
    .set({ createdAt: new Date(now - 74 * dayMs), updatedAt: new Date(now - 12 * dayMs) })
    .where(eq(brief.id, created.id));

  const active = (await listAmbassadors(db, scope, programId)).filter(
    (a) => a.stage === 'active' && a.creator.handle && a.creator.platform === 'instagram',
  );
  const captions = [
    'Week 3 with the Barrier Repair Serum and my cheeks have stopped stinging after cleansing #ad @glowandco #GlowCircle',
    'Evening routine, no filter: serum, moisturiser, done. Code in bio #sponsored @glowandco',
    'Honest review after a month of the Barrier Repair Serum #ad @glowandco',
  ];
  const day = (n: number) => new Date(now - n * dayMs).toISOString().slice(0, 10);
  const rows = active.slice(0, 3).map((a, i) => [
    i === 0 ? 'Instagram' : 'instagram',
    // Listening tools write handles their own way: with @, in capitals.
    i === 1 ? `@${a.creator.handle!.toUpperCase()}` : a.creator.handle!,
    `https://www.instagram.com/p/GlowDemo${i + 1}/?utm_source=ig_web_copy_link`,
    captions[i]!,
    day(9 - i * 3),
  ]);
  rows.push([
    'TikTok',
    'skincare.sam',
    'https://www.tiktok.com/@skincare.sam/video/7301122334455',
    'Trying the Glow & Co. serum everyone is talking about @glowandco',
    day(2),
  ]);
  const csv = stringify([['Network', 'Author', 'Link', 'Text', 'Date'], ...rows]);
  await importListening(db, scope, csv, 'csv', { onError: 'abort', dryRun: false });
}
