// Demo publication, cadence and library (B5–B7): the active ambassadors' posts of last month and this
// month, published with their URLs (so each became a library asset with the program's rights) and metrics
// snapshots over their first week; a few pieces approved but still waiting for a URL; one asset whose
// paid-social right expires soon and one whose right has expired; and this month, some ambassadors behind.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { monthBounds, monthOf } from '../../../core/cadence';
import { seededRandom } from '../../../core/seeded-random';
import type { Services } from '../../http/context';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { recordAudits } from '../../modules/audit/audit.service';
import { brief, briefVersion } from '../../modules/briefs/briefs.schema';
import { mediaFile, submission, submissionRound } from '../../modules/content/content.schema';
import { replaceAssetRights } from '../../modules/library/assets.service';
import { postMetrics } from '../../modules/library/library.schema';
import { createAssetForSubmission } from '../../modules/library/publication.service';
import { addDays, dayOf } from '../../modules/library/usage-rights';
import { listAmbassadors } from '../../modules/people/ambassadors.service';
import type { Db } from '../client';
import { insertBrief } from './library-fixture';

const products = ['Vitamin C Glow Serum', 'Daily SPF 50', 'Overnight Repair Cream'];

const captions: Record<'feed' | 'story', string[]> = {
  feed: [
    '#ad Three weeks in with the Vitamin C Glow Serum and my skin has never looked this awake ☀️ Two drops, morning only. @glowcircle',
    '#ad Beach day non-negotiable: Daily SPF 50 — no white cast, no grease, reapplied twice. Code in bio! @glowcircle',
    'Paid partnership with @glowcircle — my honest night routine: cleanse, Overnight Repair Cream, sleep. That is it.',
    '#ad Swapped my old serum for the Vitamin C Glow Serum. Week one vs week four in the carousel 👉 @glowcircle',
    '#ad Daily SPF 50 under makeup test: 8 hours, zero pilling. Sensitive skin approved. @glowcircle',
  ],
  story: [
    '#ad Morning shelf tour — the Vitamin C Glow Serum lives front and centre now',
    '#ad Quick reminder to reapply your Daily SPF 50 ☀️ link in my highlights',
    '#ad Night shift: Overnight Repair Cream and lights out 🌙',
    '#ad Poll: serum before or after SPF? (Answer: serum first!)',
  ],
};

/** A small PNG with a soft vertical gradient, so library thumbnails show something warm. */
function gradientPng(
  width: number,
  height: number,
  from: [number, number, number],
  to: [number, number, number],
) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const t = y / (height - 1);
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const palettes: Array<[[number, number, number], [number, number, number]]> = [
  [
    [255, 214, 165],
    [255, 173, 173],
  ],
  [
    [202, 255, 191],
    [155, 246, 255],
  ],
  [
    [189, 178, 255],
    [255, 198, 255],
  ],
  [
    [253, 255, 182],
    [255, 214, 165],
  ],
];

function postUrl(platform: string, handle: string, n: number, random: () => number): string {
  const code = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  if (platform === 'tiktok')
    return `https://www.tiktok.com/@${handle}/video/73${String(Math.floor(random() * 1e9)).padStart(9, '0')}${String(n).padStart(8, '0')}`;
  if (platform === 'youtube') return `https://www.youtube.com/shorts/${code}-${n}`;
  return `https://www.instagram.com/p/${code}-${n}/`;
}

/** The program's brief naming the library's products, or a new campaign brief for them. */
async function briefForProducts(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
): Promise<{ id: string; version: number }> {
  const briefs = await db
    .select({ id: brief.id, version: brief.currentVersion, content: briefVersion.content })
    .from(brief)
    .innerJoin(
      briefVersion,
      and(eq(briefVersion.briefId, brief.id), eq(briefVersion.version, brief.currentVersion)),
    )
    .where(
      and(eq(brief.workspaceId, scope.workspaceId), eq(brief.programId, programId), isNull(brief.archivedAt)),
    )
    .orderBy(desc(brief.updatedAt));
  const withProducts = briefs.find((b) =>
    b.content.mustInclude.productNames.some((p) => products.includes(p)),
  );
  if (withProducts) return { id: withProducts.id, version: withProducts.version };
  // A campaign brief of its own, so the program's standing brief (if any) stays the one drafts are checked on.
  return { id: await insertBrief(db, scope.workspaceId, programId, products, 'Autumn glow'), version: 1 };
}

/**
 * Seeds the library demo. Media files are written only when the data directory exists (an embedded
 * install, or a configured one); otherwise the pieces have no files and the library shows placeholders.
 * Rows are written in bulk in one transaction (the demo seeds on first start, so it must be quick).
 */
export async function seedDemoLibrary(
  services: Services,
  scope: WorkspaceScope,
  programId: string,
  now = new Date(),
) {
  const { db } = services.database;
  const { storage } = services;
  const withMedia = existsSync(services.env.TROUPE_DATA_DIR);
  const random = seededRandom(20261121);
  const active = (await listAmbassadors(db, scope, programId)).filter(
    (a) => a.stage === 'active' && a.creator.handle,
  );
  if (active.length === 0) return;
  const { id: briefId, version: briefVersionNumber } = await briefForProducts(db, scope, programId);
  const thisMonth = monthOf(now);
  const lastMonth = monthOf(new Date(monthBounds(thisMonth).start.getTime() - 86_400_000));
  const today = now.getUTCDate();
  const ws = scope.workspaceId;

  type Piece = {
    a: (typeof active)[number];
    format: 'feed' | 'story';
    publishedAt: Date;
    publish: boolean;
    submissionId: string;
    roundId: string;
    platform: 'instagram' | 'tiktok' | 'youtube' | 'other';
  };
  const pieces: Piece[] = [];
  const plan = (a: Piece['a'], format: Piece['format'], publishedAt: Date, publish = true) =>
    pieces.push({
      a,
      format,
      publishedAt,
      publish,
      submissionId: newId('submission'),
      roundId: newId('submissionRound'),
      platform: (a.creator.platform ?? 'instagram') as Piece['platform'],
    });
  const at = (month: string, day: number, hour: number) =>
    new Date(monthBounds(month).start.getTime() + (day - 1) * 86_400_000 + hour * 3_600_000);

  // Last month: most delivered the cadence (2 feed posts, 4 stories); every fourth fell short.
  for (const [i, a] of active.entries()) {
    const short = i % 4 === 3;
    for (let k = 0; k < (short ? 1 : 2); k++)
      plan(a, 'feed', at(lastMonth, 4 + k * 12 + (i % 3), 10 + (i % 8)));
    for (let k = 0; k < (short ? 2 : 4); k++) plan(a, 'story', at(lastMonth, 2 + k * 7 + (i % 4), 18));
  }
  // This month, up to yesterday: on track or ahead; the last three have posted nothing yet (behind once
  // a piece is due).
  const daysSoFar = Math.max(0, today - 1);
  for (const [i, a] of active.entries()) {
    if (i >= active.length - 3) continue;
    const pace = i % 3 === 0 ? 1.2 : 1;
    const feeds = Math.min(2, Math.floor((2 * daysSoFar * pace) / 30 + 0.5));
    const stories = Math.min(4, Math.floor((4 * daysSoFar * pace) / 30 + 0.5));
    for (let k = 0; k < feeds; k++)
      plan(a, 'feed', at(thisMonth, 1 + Math.floor((k * daysSoFar) / feeds), 11));
    for (let k = 0; k < stories; k++)
      plan(a, 'story', at(thisMonth, 1 + Math.floor((k * daysSoFar) / stories), 19));
  }
  // Approved this week, waiting for the ambassador to post and share the link.
  for (const a of active.slice(0, 2)) plan(a, 'feed', new Date(now.getTime() - 86_400_000), false);

  const media = pieces.map((p, n) => {
    if (!withMedia) return null;
    const id = newId('mediaFile');
    const palette = palettes[n % palettes.length]!;
    const bytes = gradientPng(40, 50, palette[0], palette[1]);
    return {
      id,
      bytes,
      storageKey: `${ws}/${id}.png`,
      originalName: `${p.a.creator.handle}-${p.format}-${n + 1}.png`,
    };
  });
  for (const m of media) if (m) await storage.put(m.storageKey, m.bytes, 'image/png');

  const metricsRows: Array<typeof postMetrics.$inferInsert> = [];
  const reachOf = new Map<string, number>();
  for (const p of pieces.filter((x) => x.publish)) {
    // Metrics over the first week, as far as it has happened: views and likes grow, then level off.
    const followers = p.a.creator.followers ?? 5000;
    const reach = Math.round(followers * (p.format === 'story' ? 0.18 : 0.35) * (0.6 + random()));
    reachOf.set(p.submissionId, reach);
    const snapshots = [1, 3, 7]
      .map((d) => new Date(p.publishedAt.getTime() + d * 86_400_000))
      .filter((t) => t.getTime() <= now.getTime());
    const growth = [0.55, 0.85, 1];
    snapshots.forEach((capturedAt, i) => {
      const views = Math.round(reach * 1.4 * growth[i]!);
      metricsRows.push({
        id: newId('postMetrics'),
        workspaceId: ws,
        submissionId: p.submissionId,
        capturedAt,
        views,
        reach: Math.round(reach * growth[i]!),
        likes: Math.round(views * (0.05 + random() * 0.05)),
        comments: Math.round(views * (0.004 + random() * 0.006)),
        shares: p.format === 'feed' ? Math.round(views * 0.004) : null,
        saves: p.format === 'feed' ? Math.round(views * 0.006) : null,
        source: i === snapshots.length - 1 && i > 0 ? 'csv' : 'manual',
      });
    });
  }

  const assets = await db.transaction(async (tx) => {
    await tx.insert(submission).values(
      pieces.map((p) => ({
        id: p.submissionId,
        workspaceId: ws,
        programId,
        ambassadorId: p.a.id,
        creatorId: p.a.creatorId,
        briefId,
        platform: p.platform,
        format: p.format,
        status: p.publish ? ('published' as const) : ('approved' as const),
        currentRound: 1,
        postUrl: p.publish ? postUrl(p.platform, p.a.creator.handle!, pieces.indexOf(p) + 1, random) : null,
        publishedAt: p.publish ? p.publishedAt : null,
        createdAt: new Date(p.publishedAt.getTime() - 2 * 86_400_000),
        updatedAt: p.publish ? p.publishedAt : now,
      })),
    );
    await tx.insert(submissionRound).values(
      pieces.map((p, n) => ({
        id: p.roundId,
        workspaceId: ws,
        submissionId: p.submissionId,
        round: 1,
        caption: captions[p.format][n % captions[p.format].length]!,
        briefVersion: briefVersionNumber,
        compliance: { passed: true, rules: [] },
        compliancePassed: true,
        submittedAt: new Date(p.publishedAt.getTime() - 2 * 86_400_000),
        decision: 'approved' as const,
        decidedBy: scope.userId === 'system' ? null : scope.userId,
        decidedAt: new Date(p.publishedAt.getTime() - 86_400_000),
      })),
    );
    const files = pieces.flatMap((p, n) => {
      const m = media[n];
      return m
        ? [
            {
              id: m.id,
              workspaceId: ws,
              roundId: p.roundId,
              storageKey: m.storageKey,
              originalName: m.originalName,
              contentType: 'image/png',
              sizeBytes: m.bytes.length,
              sha256: createHash('sha256').update(m.bytes).digest('hex'),
            },
          ]
        : [];
    });
    if (files.length > 0) await tx.insert(mediaFile).values(files);
    const made: Array<{ assetId: string; publishedAt: Date; reach: number }> = [];
    for (const p of pieces.filter((x) => x.publish)) {
      const { assetId } = await createAssetForSubmission(tx, ws, p.submissionId);
      made.push({ assetId, publishedAt: p.publishedAt, reach: reachOf.get(p.submissionId) ?? 0 });
    }
    if (metricsRows.length > 0) await tx.insert(postMetrics).values(metricsRows);
    await recordAudits(
      tx,
      scope,
      pieces
        .filter((p) => p.publish)
        .map((p) => ({
          action: 'submission.published',
          entityType: 'submission',
          entityId: p.submissionId,
          creatorId: p.a.creatorId,
          after: { status: 'published', publishedAt: p.publishedAt.toISOString() },
          createdAt: p.publishedAt,
        })),
    );
    return made;
  });

  // Rights with a story: the best feed post of last month was licensed for paid social only until soon;
  // the oldest piece's paid-social licence has already ended.
  const lastMonthAssets = assets.filter((x) => monthOf(x.publishedAt) === lastMonth);
  const best = [...lastMonthAssets].sort((x, y) => y.reach - x.reach)[0];
  const oldest = [...lastMonthAssets].sort((x, y) => x.publishedAt.getTime() - y.publishedAt.getTime())[0];
  const todayDay = dayOf(now);
  for (const [target, endsOn] of [
    [best, addDays(todayDay, 12)],
    [oldest, addDays(todayDay, -3)],
  ] as const) {
    if (!target || (target === oldest && oldest === best)) continue;
    const startsOn = dayOf(target.publishedAt);
    await replaceAssetRights(
      db,
      scope,
      target.assetId,
      {
        rights: [
          { channel: 'organic_social', startsOn, endsOn: addDays(startsOn, 365) },
          { channel: 'paid_social', startsOn, endsOn },
        ],
      },
      now,
    );
  }
}
