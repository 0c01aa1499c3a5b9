// Demo tracked links (T1): the program's tracking settings, a link for each ambassador past onboarding
// (some with a campaign label, one disabled), and a few hundred clicks over the last 30 days written
// through the same insert as the redirector's buffer — mostly phones from Instagram and TikTok, some
// link previews and bots, repeat visits not unique.
import { seededRandom } from '../../../core/seeded-random';
import type { WorkspaceScope } from '../../lib/scope';
import { type ClickRecord, insertClicks } from '../../modules/links/clicks.service';
import { createLink, setLinkDisabled } from '../../modules/links/links.service';
import { listAmbassadors } from '../../modules/people/ambassadors.service';
import { saveTrackingSettings } from '../../modules/tracking/tracking.service';
import type { Db } from '../client';

const shop = 'glowandco.example';
const pages = ['/', '/products/barrier-serum', '/products/spf-50-fluid', '/collections/sensitive-skin'];
const agents: Array<{
  device: string | null;
  os: string | null;
  browser: string | null;
  isBot: boolean;
  weight: number;
}> = [
  { device: 'mobile', os: 'iOS', browser: 'Instagram', isBot: false, weight: 30 },
  { device: 'mobile', os: 'iOS', browser: 'Mobile Safari', isBot: false, weight: 18 },
  { device: 'mobile', os: 'Android', browser: 'Chrome WebView', isBot: false, weight: 16 },
  { device: 'mobile', os: 'Android', browser: 'Chrome', isBot: false, weight: 10 },
  { device: 'desktop', os: 'Mac OS', browser: 'Safari', isBot: false, weight: 6 },
  { device: 'desktop', os: 'Windows', browser: 'Chrome', isBot: false, weight: 6 },
  { device: 'tablet', os: 'iOS', browser: 'Mobile Safari', isBot: false, weight: 2 },
  // Link previews and crawlers: counted apart, never credited.
  { device: null, os: null, browser: null, isBot: true, weight: 8 },
];
const referrers: Array<[string | null, number]> = [
  ['l.instagram.com', 38],
  ['www.tiktok.com', 22],
  ['www.youtube.com', 8],
  ['linktr.ee', 10],
  [null, 22],
];
const countries: Array<[string | null, number]> = [
  ['US', 40],
  ['GB', 18],
  ['CA', 12],
  ['DE', 8],
  ['AU', 8],
  [null, 14],
];

function weighted<T>(random: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

export async function seedDemoLinks(db: Db, scope: WorkspaceScope, programId: string, baseUrl: string) {
  const random = seededRandom(20260417);
  await saveTrackingSettings(db, scope, programId, {
    allowedDomains: [shop],
    utmTemplate: { source: 'glowcircle', medium: 'ambassador', campaign: '{program}', content: '' },
    attributionRules: { windowDays: 30, precedence: 'code', blockSelfReferral: true },
    codePattern: '{HANDLE}{PERCENT}',
    codePercent: '15',
    codeDescription: '15% off a first order',
  });
  const ambassadors = (await listAmbassadors(db, scope, programId)).filter((a) =>
    ['active', 'onboarding', 'paused'].includes(a.stage),
  );
  const clicks: ClickRecord[] = [];
  const now = Date.now();
  for (const [i, amb] of ambassadors.entries()) {
    const campaign = i % 3 === 1 ? 'spring-barrier-launch' : null;
    const link = await createLink(
      db,
      scope,
      programId,
      { ambassadorId: amb.id, destination: `https://${shop}${pages[i % pages.length]}`, campaign },
      baseUrl,
    );
    if (amb.stage === 'paused') await setLinkDisabled(db, scope, link.id, true, baseUrl);
    // Some ambassadors drive far more traffic than others (seed 000: a few do most of the work).
    const visitors = Math.round(8 + random() ** 2 * 70);
    for (let v = 0; v < visitors; v++) {
      const agent = weighted(
        random,
        agents.map((a) => [a, a.weight] as [typeof a, number]),
      );
      const visits = agent.isBot ? 1 : random() < 0.25 ? 2 + Math.floor(random() * 2) : 1;
      // Clicks cluster in the days after a post: skew towards a few peaks over the 30 days.
      const peak = Math.floor(random() * 30);
      const referrerDomain = weighted(random, referrers);
      const country = weighted(random, countries);
      const visitorHash = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
      let lastDay = -1;
      for (let k = 0; k < visits; k++) {
        const daysAgo = Math.max(0, Math.min(29, peak - Math.floor(random() * 3) + k));
        const at = new Date(now - daysAgo * 86_400_000 - Math.floor(random() * 20 * 3_600_000));
        clicks.push({
          id: `clk_demo${clicks.length.toString(36).padStart(8, '0')}`,
          linkId: link.id,
          at: at.getTime() > now ? new Date(now) : at,
          isBot: agent.isBot,
          isUnique: !agent.isBot && daysAgo !== lastDay,
          device: agent.device,
          os: agent.os,
          browser: agent.browser,
          referrerDomain: agent.isBot ? null : referrerDomain,
          visitorHash,
          country: agent.isBot ? null : country,
        });
        lastDay = daysAgo;
      }
    }
  }
  await insertClicks(db, clicks);
  return { links: ambassadors.length, clicks: clicks.length };
}
