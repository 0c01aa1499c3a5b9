// Demo conversions (T3–T5): a Shopify connection and about sixty orders over the last thirty days, fed
// through the real ingest so every attribution outcome shows — by code, by click, both, a code/click
// conflict settled by the program rule, a refused self-referral, orders nobody drove, a partial refund and a
// cancellation — plus the webhook deliveries the connections page lists.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../lib/ids';
import type { WorkspaceScope } from '../../lib/scope';
import { discountCode } from '../../modules/codes/codes.schema';
import { storeConnection, webhookDelivery } from '../../modules/conversions/conversions.schema';
import { ingestOrders } from '../../modules/conversions/ingest.service';
import type { OrderInput } from '../../modules/conversions/ingest-common';
import { ingestRefunds } from '../../modules/conversions/ingest-refunds.service';
import { type ClickRecord, insertClicks } from '../../modules/links/clicks.service';
import { link } from '../../modules/links/links.schema';
import { listAmbassadors } from '../../modules/people/ambassadors.service';

const dayMs = 86_400_000;
const customers = [
  'maya.lopez@example.net',
  'ben.carter@example.com',
  'priya.n@example.org',
  'lea.muller@example.de',
  'tom.h@example.com',
  'ines.r@example.es',
  'kofi.mensah@example.com',
  'hana.sato@example.jp',
  'olivia.b@example.co.uk',
  'noah.kim@example.com',
];
const referrers = ['instagram.com', 'tiktok.com', 'youtube.com', null, null];

/** A small deterministic sequence, so the demo looks the same every time it is seeded. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedDemoConversions(
  db: Db,
  scope: WorkspaceScope,
  programId: string,
  now = new Date(),
) {
  const seated = (await listAmbassadors(db, scope, programId)).filter((a) =>
    ['active', 'onboarding', 'accepted', 'paused'].includes(a.stage),
  );
  const team = seated.slice(0, 6);
  if (team.length < 3) return;

  // Codes and links: the ones the codes and links modules issued if any, else one made here.
  const existingCodes = await db
    .select({ ambassadorId: discountCode.ambassadorId, code: discountCode.code })
    .from(discountCode)
    .where(
      and(
        eq(discountCode.workspaceId, scope.workspaceId),
        eq(discountCode.status, 'active'),
        inArray(
          discountCode.ambassadorId,
          team.map((a) => a.id),
        ),
      ),
    );
  const existingLinks = await db
    .select({ ambassadorId: link.ambassadorId, id: link.id })
    .from(link)
    .where(
      and(
        eq(link.workspaceId, scope.workspaceId),
        inArray(
          link.ambassadorId,
          team.map((a) => a.id),
        ),
      ),
    );
  const codeOf = new Map<string, string>();
  const linkOf = new Map<string, string>();
  for (const c of existingCodes) if (!codeOf.has(c.ambassadorId)) codeOf.set(c.ambassadorId, c.code);
  for (const l of existingLinks) if (!linkOf.has(l.ambassadorId)) linkOf.set(l.ambassadorId, l.id);
  for (const [i, a] of team.entries()) {
    if (!codeOf.has(a.id)) {
      const base = (a.creator.handle ?? a.creator.name)
        .replace(/[^a-z0-9]/gi, '')
        .toUpperCase()
        .slice(0, 10);
      const code = `${base || 'AMB'}15${i}`;
      await db.insert(discountCode).values({
        id: newId('discountCode'),
        workspaceId: scope.workspaceId,
        programId,
        ambassadorId: a.id,
        code,
        description: '15% off your first order',
      });
      codeOf.set(a.id, code);
    }
    if (!linkOf.has(a.id)) {
      const id = newId('link');
      await db.insert(link).values({
        id,
        workspaceId: scope.workspaceId,
        programId,
        ambassadorId: a.id,
        slug: `demo-${randomBytes(5).toString('hex')}`,
        destination: 'https://glow-lab.example/products/spf-50-daily',
      });
      linkOf.set(a.id, id);
    }
  }

  const connectionId = newId('storeConnection');
  await db.insert(storeConnection).values({
    id: connectionId,
    workspaceId: scope.workspaceId,
    programId,
    kind: 'shopify',
    name: 'Glow Lab Shopify',
    secret: `shpss_${randomBytes(16).toString('hex')}`,
    shopDomain: 'glow-lab-demo.myshopify.com',
  });
  const connection = { id: connectionId, workspaceId: scope.workspaceId, programId };

  const random = sequence(42);
  const clicks: ClickRecord[] = [];
  const newClick = (ambassadorId: string, at: Date) => {
    const id = `clk_demo${randomBytes(6).toString('hex')}`;
    clicks.push({
      id,
      linkId: linkOf.get(ambassadorId)!,
      at,
      isBot: false,
      isUnique: true,
      device: random() < 0.7 ? 'mobile' : 'desktop',
      os: random() < 0.6 ? 'iOS' : 'Android',
      browser: random() < 0.5 ? 'Instagram' : 'Safari',
      referrerDomain: 'instagram.com',
      visitorHash: randomBytes(8).toString('hex'),
      country: null,
    });
    return id;
  };

  const orders: OrderInput[] = [];
  let orderNumber = 5_920_000_000_000_000;
  const add = (
    daysAgo: number,
    kind: 'code' | 'click' | 'both' | 'none',
    who: number,
    extra: Partial<OrderInput> = {},
  ) => {
    const ambassadorId = team[who % team.length]!.id;
    const occurredAt = new Date(now.getTime() - daysAgo * dayMs - Math.floor(random() * 8) * 3_600_000);
    const clickId =
      kind === 'click' || kind === 'both'
        ? newClick(ambassadorId, new Date(occurredAt.getTime() - Math.floor(random() * 3 * dayMs) - 600_000))
        : null;
    orderNumber += 1 + Math.floor(random() * 9_000);
    orders.push({
      externalId: String(orderNumber),
      occurredAt,
      amountMinor: 2_400 + Math.floor(random() * 90) * 100 + (random() < 0.5 ? 99 : 0),
      currency: 'USD',
      customerEmail: customers[orders.length % customers.length]!,
      codes: kind === 'code' || kind === 'both' ? [codeOf.get(ambassadorId)!.toLowerCase()] : [],
      clickId: null,
      landingUrl: clickId
        ? `/products/spf-50-daily?utm_source=troupe&utm_medium=ambassador&tclid=${clickId}`
        : '/',
      referrerDomain: referrers[orders.length % referrers.length] ?? null,
      ...extra,
    });
  };
  const kinds = ['code', 'click', 'both', 'code', 'click', 'none', 'code', 'both', 'click'] as const;
  for (let i = 0; i < 54; i++) add(29 - (i * 29) / 54, kinds[i % kinds.length]!, i % 5 === 0 ? 0 : i);
  // A code of one ambassador and a click of another: the program's rule (code wins) decides.
  const conflictClick = newClick(team[1]!.id, new Date(now.getTime() - 3 * dayMs));
  add(2.5, 'none', 0, {
    codes: [codeOf.get(team[0]!.id)!],
    landingUrl: `/collections/sun?tclid=${conflictClick}`,
  });
  // The ambassador buying with their own code: refused as self-referral.
  add(6, 'code', 2, { customerEmail: team[2]!.creator.email ?? 'self@example.com' });
  // A code found on a coupon site.
  add(1.2, 'code', 3, { referrerDomain: 'retailmenot.com' });
  add(0.8, 'code', 3, { referrerDomain: 'retailmenot.com' });
  add(0.3, 'both', 4);
  add(0.1, 'click', 1);

  // Through the redirector's own write path, so the daily rollup counts them too.
  await insertClicks(db, clicks);
  await ingestOrders(db, connection, orders);

  const refunded = orders[7]!;
  const cancelled = orders[12]!;
  await ingestRefunds(db, connection, [
    {
      kind: 'refund',
      externalId: '990100000000000001',
      externalOrderId: refunded.externalId,
      amountMinor: Math.round(refunded.amountMinor * 0.4),
      occurredAt: new Date(refunded.occurredAt.getTime() + 4 * dayMs),
    },
    {
      kind: 'cancellation',
      externalId: cancelled.externalId,
      externalOrderId: cancelled.externalId,
      amountMinor: 0,
      occurredAt: new Date(cancelled.occurredAt.getTime() + dayMs),
    },
  ]);

  // The latest deliveries, as the connections page lists them.
  const recent = orders.slice(-4);
  await db.insert(webhookDelivery).values([
    ...recent.map((o) => ({
      id: newId('webhookDelivery'),
      workspaceId: scope.workspaceId,
      connectionId,
      topic: 'orders/create',
      externalId: randomBytes(8).toString('hex'),
      status: 'processed' as const,
      httpStatus: 200,
      detail: `Order ${o.externalId} recorded.`,
      receivedAt: new Date(o.occurredAt.getTime() + 2_000),
    })),
    {
      id: newId('webhookDelivery'),
      workspaceId: scope.workspaceId,
      connectionId,
      topic: 'orders/paid',
      externalId: randomBytes(8).toString('hex'),
      status: 'duplicate' as const,
      httpStatus: 200,
      detail: `Order ${recent.at(-1)!.externalId} already recorded.`,
      receivedAt: new Date(recent.at(-1)!.occurredAt.getTime() + 60_000),
    },
  ]);
}
