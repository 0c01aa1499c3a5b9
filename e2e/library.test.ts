// Publication to library through the real UI: an approved submission (arranged in the database, as the
// review journey leaves it) gets its post URL — refused first for the wrong platform — and metrics; it
// appears in the library with an expiring-soon paid-social right, exports as a ZIP with its media and
// manifest, and once that right has expired the export for paid social is refused. Then the cadence page.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertApprovedSubmission } from '../src/server/db/seed/library-fixture';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  const signup = await page.request.post('/api/v1/signup', {
    data: {
      name: 'Maya Okafor',
      email: 'maya@glow.example',
      password: 'correct horse battery',
      workspaceName: 'Glow Skincare',
    },
  });
  expect(signup.status()).toBe(201);
  workspaceId = (await signup.json()).workspaces[0].id;
  const api = (path: string, data: unknown) =>
    page.request.post(`/api/v1/workspaces/${workspaceId}${path}`, { data });
  // Rights for 20 days from publication: "expiring soon" from the start.
  const program = await (
    await api('/programs', {
      name: 'Glow Ambassadors',
      objective: 'ugc',
      status: 'active',
      cadence: [{ format: 'feed', perMonth: 60 }],
      defaultUsageRights: { channels: ['organic_social', 'paid_social'], durationDays: 20 },
    })
  ).json();
  const people = [
    { name: 'Jane Doe', handle: 'janeglows', email: 'jane@example.com' },
    { name: 'Omar Haddad', handle: 'omar.makes', email: 'omar@example.com' },
  ];
  for (const [i, p] of people.entries()) {
    const creator = await (
      await api('/creators', {
        name: p.name,
        email: p.email,
        socialAccounts: [{ platform: 'instagram', handle: p.handle, followers: 9000 }],
      })
    ).json();
    const amb = await (
      await api(`/programs/${program.id}/ambassadors`, { creatorId: creator.id, stage: 'applied' })
    ).json();
    for (const to of ['accepted', 'onboarding', 'active'])
      expect((await api(`/ambassadors/${amb.id}/stage`, { to })).status()).toBe(200);
    await insertApprovedSubmission(env.services.database.db, env.services.storage, {
      workspaceId,
      programId: program.id,
      ambassadorId: amb.id,
      creatorId: creator.id,
      platform: 'instagram',
      format: i === 0 ? 'feed' : 'reel',
      caption:
        i === 0
          ? '#ad My 5-minute morning with the Glow Serum ✨ <script>alert(1)</script> @glowskincare'
          : '#ad Night Cream before bed, every night this week',
      productNames: ['Glow Serum', 'Night Cream'],
      media: [{ bytes: png, contentType: 'image/png', originalName: `${p.handle}-final.png` }],
    });
  }
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `library-failed-${task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await env?.close();
});

describe('publication to library', () => {
  it('records the post URL of an approved piece, refusing a link of another platform', async () => {
    await page.goto(`/w/${workspaceId}/content/published`);
    await page.getByRole('heading', { name: 'Waiting for a post URL (2)' }).waitFor();
    const panel = page.getByLabel(/Publication of Jane Doe/);
    await panel.getByLabel('Post URL').fill('https://www.tiktok.com/@janeglows/video/1');
    await panel.getByRole('button', { name: 'Record post URL' }).click();
    await panel.getByText('Must be a link on instagram').waitFor();
    await screenshot(page, 'library-01-wrong-platform');
    await panel.getByLabel('Post URL').fill('https://www.instagram.com/p/GlowJane1/');
    await panel.getByRole('button', { name: 'Record post URL' }).click();
    await page.getByRole('heading', { name: 'Published (1)' }).waitFor();
    await page.getByRole('heading', { name: 'Waiting for a post URL (1)' }).waitFor();
  });

  it('enters metrics for the published post', async () => {
    await page.getByRole('button', { name: /Jane Doe · Feed post on Instagram/ }).click();
    const panel = page.getByLabel(/Publication of Jane Doe/);
    await panel.getByText('Published', { exact: true }).waitFor();
    await panel.getByLabel('Views').fill('4200');
    await panel.getByLabel('Likes').fill('310');
    await panel.getByRole('button', { name: 'Save metrics' }).click();
    await panel.getByRole('table', { name: 'Metrics snapshots' }).getByText('4,200').waitFor();
    await screenshot(page, 'library-02-published-with-metrics');
  });

  it('shows the asset in the library with its rights badges, caption as text', async () => {
    await page.getByRole('link', { name: 'Library' }).first().click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    const card = page.getByTestId('asset-card');
    await expect(card.count()).resolves.toBe(1);
    await card.getByText('Jane Doe').waitFor();
    await card.getByText('Glow Serum').waitFor();
    await card.getByText(/Paid social: 2\dd left/).waitFor();
    await card.getByText('4.2K views').waitFor();
    await screenshot(page, 'library-03-library-grid');
    await card.getByRole('button', { name: /Open Jane Doe/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('📸 @janeglows for Glow Skincare').waitFor();
    await expect(drawer.getByTestId('asset-caption').textContent()).resolves.toContain(
      '<script>alert(1)</script>',
    );
    await drawer.getByText('janeglows-final.png').waitFor();
    await screenshot(page, 'library-04-asset-drawer');
    await page.keyboard.press('Escape');
  });

  it('exports the asset for paid social as a ZIP with its media and manifest', async () => {
    await page.getByRole('checkbox', { name: /Select Jane Doe/ }).check();
    await expect(page.getByRole('combobox', { name: 'Intended use' }).inputValue()).resolves.toBe(
      'Paid social',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^troupe-assets-paid_social-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const names = Object.keys(files);
    expect(names).toContain('manifest.csv');
    const media = names.find((n) => n.endsWith('.png'))!;
    expect(media).toMatch(/^ast_[a-z0-9]+\/1-med_[a-z0-9]+\.png$/);
    expect([...files[media]!]).toEqual([...png]);
    const manifest = strFromU8(files['manifest.csv']!);
    expect(manifest).toContain('Jane Doe');
    expect(manifest).toContain('https://www.instagram.com/p/GlowJane1/');
    expect(manifest).toContain('📸 @janeglows for Glow Skincare');
  });

  it('refuses the export for paid social once that right has expired', async () => {
    await page.getByRole('button', { name: /Open Jane Doe/ }).click();
    const drawer = page.getByRole('dialog');
    const rows = drawer.getByLabel(/^Channel \d+$/);
    const count = await rows.count();
    let paidRow = 0;
    for (let i = 0; i < count; i++) if ((await rows.nth(i).inputValue()) === 'Paid social') paidRow = i + 1;
    expect(paidRow).toBeGreaterThan(0);
    await drawer.getByLabel(`Starts on ${paidRow}`).fill('2025-01-01');
    await drawer.getByLabel(`Ends on ${paidRow}`).fill('2025-06-30');
    await drawer.getByRole('button', { name: 'Save rights' }).click();
    await drawer.getByText('Paid social: expired').waitFor();
    await screenshot(page, 'library-05-rights-expired');
    await page.keyboard.press('Escape');
    await page.getByTestId('asset-card').getByText('Paid social: expired').waitFor();
    await page.getByRole('button', { name: 'Export zip' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Export refused' });
    await alert.getByText('Expired assets cannot be exported for paid use', { exact: false }).waitFor();
    await alert.getByText(/Jane Doe’s Feed post: Paid social right expired on 2025-06-30/).waitFor();
    await screenshot(page, 'library-06-export-refused');
  });

  it('shows who is behind cadence, with a reminder to send', async () => {
    await page.getByRole('link', { name: 'Cadence' }).click();
    await page.getByRole('heading', { name: /Behind cadence \(\d\)/ }).waitFor();
    await page.getByRole('button', { name: 'Send reminder to Omar Haddad' }).click();
    await page
      .getByText(/Reminded/)
      .first()
      .waitFor();
    await screenshot(page, 'library-07-cadence');
  });
});
