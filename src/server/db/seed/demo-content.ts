// Demo content (B2–B4): drafts from active ambassadors in every review state — one overdue in the queue,
// one with changes requested and comments anchored on the caption (the demo ambassador's, so the portal
// shows it), two approved — each with a small generated image stored through the media storage.

import { deflateSync } from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import type { Services } from '../../http/context';
import { baseUrlOf } from '../../lib/env';
import type { WorkspaceScope } from '../../lib/scope';
import { discountCode } from '../../modules/codes/codes.schema';
import { defaultUploadLimits } from '../../modules/content/content.contract';
import { submissionRound } from '../../modules/content/content.schema';
import { createSubmission } from '../../modules/content/content.service';
import { addComment, decide } from '../../modules/content/content-review.service';
import { ambassador, creator } from '../../modules/people/people.schema';
import { demoAmbassadorEmail } from './demo-data';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A small real PNG: a vertical gradient between two colours (so thumbnails look like something).
 * @example tinyPng([255, 200, 180], [200, 120, 140]) // a 64×64 peach-to-rose square
 */
export function tinyPng(
  top: [number, number, number],
  bottom: [number, number, number],
  size = 64,
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // no filter
    const t = y / (size - 1);
    for (let x = 0; x < size; x++) {
      const shade = 1 - 0.15 * (x / size);
      for (let i = 0; i < 3; i++)
        rows.push(Math.round(((top[i] ?? 0) * (1 - t) + (bottom[i] ?? 0) * t) * shade));
    }
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.from(rows))),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

interface DemoDraft {
  caption: string;
  format: 'feed' | 'reel' | 'story';
  image: { name: string; top: [number, number, number]; bottom: [number, number, number] };
}

const drafts: DemoDraft[] = [
  {
    // The demo ambassador's: changes requested, with comments anchored on the caption.
    caption:
      'My evening routine just got an upgrade ✨ Three drops of the Glow serum and my skin drinks it in. ' +
      'Link in bio for 15% off!\n\n#skincare #glowup #eveningroutine #selfcare #ad',
    format: 'reel',
    image: { name: 'evening-routine.png', top: [250, 214, 196], bottom: [196, 122, 140] },
  },
  {
    // Overdue in the queue, with no disclosure at all.
    caption: 'Obsessed with this serum, my skin has never looked better 😍 #skincare #glow #morningroutine',
    format: 'feed',
    image: { name: 'IMG_4821.png', top: [255, 236, 210], bottom: [230, 170, 120] },
  },
  {
    // Approved: meets the demo brief (product, @glowandco, #GlowCircle, the ambassador's own code).
    caption:
      '#ad Two weeks with the Barrier Repair Serum from @glowandco: fewer dry patches, more glow. ' +
      'Code {code} for 15% off. #GlowCircle',
    format: 'story',
    image: { name: 'two-weeks.png', top: [214, 236, 225], bottom: [120, 180, 160] },
  },
  {
    caption:
      'Paid partnership with @glowandco ☀️ Sunday reset: mask, Barrier Repair Serum, early night. ' +
      'Use {code} at checkout. #GlowCircle',
    format: 'feed',
    image: { name: 'sunday-reset.png', top: [225, 225, 250], bottom: [140, 140, 210] },
  },
];

export async function seedDemoContent(services: Services, scope: WorkspaceScope, programId: string) {
  const { db } = services.database;
  const active = await db
    .select({ creatorId: creator.id, email: creator.email, code: discountCode.code })
    .from(ambassador)
    .innerJoin(creator, eq(creator.id, ambassador.creatorId))
    .leftJoin(
      discountCode,
      and(eq(discountCode.ambassadorId, ambassador.id), eq(discountCode.status, 'active')),
    )
    .where(and(eq(ambassador.programId, programId), eq(ambassador.stage, 'active')))
    .orderBy(asc(creator.name));
  const first = active.find((a) => a.email === demoAmbassadorEmail);
  const others = active.filter((a) => a.email !== demoAmbassadorEmail);
  const authors = [first, ...others].filter((a) => a !== undefined).slice(0, drafts.length);
  const deps = { storage: services.storage, limits: defaultUploadLimits, baseUrl: baseUrlOf(services.env) };
  const review = { mailer: services.mailer, baseUrl: deps.baseUrl };
  const created = [];
  for (const [i, author] of authors.entries()) {
    const draft = drafts[i];
    if (!draft) break;
    const planned = new Date(Date.now() + (i + 2) * 86_400_000);
    created.push(
      await createSubmission(
        db,
        { workspaceId: scope.workspaceId, creatorId: author.creatorId },
        {
          programId,
          platform: 'instagram',
          format: draft.format,
          caption: draft.caption.replace('{code}', author.code ?? 'GLOW15'),
          plannedAt: planned,
        },
        [{ name: draft.image.name, type: 'image/png', bytes: tinyPng(draft.image.top, draft.image.bottom) }],
        deps,
      ),
    );
  }
  const [changes, overdue, approvedA, approvedB] = created;
  if (changes) {
    const quote = 'Link in bio for 15% off!';
    const start = changes.caption.indexOf(quote);
    // The author's own active code, the one their caption should name.
    const code = authors[0]?.code;
    await addComment(db, scope, changes.id, {
      body: code
        ? `Please name your code instead (${code}): links in bio change, codes travel with the post.`
        : 'Please name your discount code instead: links in bio change, codes travel with the post.',
      spanStart: start,
      spanEnd: start + quote.length,
      quote,
    });
    const tag = '#ad';
    const at = changes.caption.indexOf(tag);
    await addComment(db, scope, changes.id, {
      body: 'Move #ad to the first line so it shows before “more”.',
      spanStart: at,
      spanEnd: at + tag.length,
      quote: tag,
    });
    await decide(
      db,
      scope,
      changes.id,
      { decision: 'request_changes', note: 'Lovely shot. Two small fixes.', overrideReason: null },
      review,
    );
  }
  if (overdue) {
    // Sent 30 hours ago: past the 24-hour target, so the queue shows it overdue.
    await db
      .update(submissionRound)
      .set({ submittedAt: new Date(Date.now() - 30 * 3_600_000) })
      .where(eq(submissionRound.submissionId, overdue.id));
  }
  for (const s of [approvedA, approvedB]) {
    if (s)
      await decide(
        db,
        scope,
        s.id,
        { decision: 'approve', note: 'Great, publish as planned.', overrideReason: null },
        review,
      );
  }
}
