// Tracked links through the real UI: allow the shop's domain in the tracking settings, create a link for an
// ambassador, see it in the table, open its QR code, follow the short URL in the browser (302 with UTM and
// click id) and see the click counted after a reload.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
let programId = '';
let creatorId = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 1440, height: 900 },
    // A visitor's browser, not a headless bot (which the redirector would count apart).
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  const signup = await page.request.post('/api/v1/signup', {
    data: {
      name: 'Maya Okafor',
      email: 'maya@glow.example',
      password: 'correct horse battery',
      workspaceName: 'Glow',
    },
  });
  expect(signup.status()).toBe(201);
  workspaceId = (await signup.json()).workspaces[0].id;
  const w = `/api/v1/workspaces/${workspaceId}`;
  const program = await page.request.post(`${w}/programs`, {
    data: { name: 'Glow Ambassadors', objective: 'sales', status: 'active', why: 'Customers who love us.' },
  });
  programId = (await program.json()).id;
  const creator = await page.request.post(`${w}/creators`, {
    data: {
      name: 'Jane Doe',
      socialAccounts: [{ platform: 'instagram', handle: 'jane.doe', followers: 8400 }],
    },
  });
  creatorId = (await creator.json()).id;
  const amb = await page.request.post(`${w}/programs/${programId}/ambassadors`, {
    data: { creatorId, stage: 'prospect' },
  });
  expect(amb.status()).toBe(201);
  // Links go to people holding a seat: walk Jane to accepted.
  const ambId = (await amb.json()).id;
  for (const to of ['applied', 'accepted']) {
    const moved = await page.request.post(`${w}/ambassadors/${ambId}/stage`, { data: { to, reason: '' } });
    expect(moved.status()).toBe(200);
  }
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `links-failed-${task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await env?.close();
});

describe('tracked links', () => {
  it('allows the shop’s domain in the tracking settings', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/tracking`);
    await page.getByText('The code wins (recommended)').waitFor();
    const domains = page.getByPlaceholder('shop.example.com — press Enter after each');
    await domains.fill('localhost');
    await domains.press('Enter');
    // Typing in the code fields once replaced the page with an error (an event read after React let go).
    await page.getByLabel('Discount description').fill('15% off your first order');
    await page.getByLabel('Percent off').fill('20');
    await page.getByRole('button', { name: 'Save tracking settings' }).click();
    await page.getByText('Tracking settings saved').waitFor();
    await expect(page.getByLabel('Discount description').inputValue()).resolves.toBe(
      '15% off your first order',
    );
    await screenshot(page, 'links-01-tracking-settings');
  });

  it('creates a link and shows it in the table with its QR code', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/links`);
    await page.getByText('No tracked links yet').waitFor();
    await page.getByRole('button', { name: 'New link' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New tracked link' });
    await dialog.getByRole('combobox', { name: 'Ambassador' }).click();
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    await dialog.getByLabel('Destination').fill(`${env.baseUrl}/healthz?from=bio`);
    // A label typed loosely is offered in the tidy form analytics tools expect.
    const campaign = dialog.getByLabel('Campaign label');
    await campaign.fill('Spring Launch');
    await screenshot(page, 'links-02-campaign-suggestion');
    await dialog.getByRole('button', { name: 'Use spring-launch' }).click();
    await expect(campaign.inputValue()).resolves.toBe('spring-launch');
    await expect(dialog.getByRole('button', { name: /^Use / }).count()).resolves.toBe(0);
    // A day in the past is refused under the date field itself.
    const expires = dialog.getByLabel('Expires on');
    await expires.fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect.poll(() => expires.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'links-02-expiry-in-the-past');
    await expires.fill('');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Tracked links' }).getByRole('row').nth(1);
    await expect(row.getByText('Jane Doe')).toBeTruthy();
    await row.getByText('Campaign: spring-launch').waitFor();
    await row.getByRole('button', { name: 'QR code' }).click();
    const qr = page.getByRole('dialog', { name: 'QR code' });
    await qr.getByRole('img', { name: /QR code for/ }).waitFor();
    await expect
      .poll(() =>
        qr
          .getByRole('img', { name: /QR code for/ })
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'links-02-qr-code');
    await page.keyboard.press('Escape');
    await qr.waitFor({ state: 'hidden' });
  });

  it('follows the short link to the destination with UTM and click id, and counts the click', async () => {
    const slug = (await page
      .getByRole('table', { name: 'Tracked links' })
      .getByText(/^\/l\//)
      .first()
      .textContent())!
      .trim()
      .slice(3);
    const visitor = await context.newPage();
    await visitor.goto(`${env.baseUrl}/l/${slug}`);
    const landed = new URL(visitor.url());
    expect(landed.pathname).toBe('/healthz');
    expect(landed.searchParams.get('from')).toBe('bio');
    expect(landed.searchParams.get('utm_campaign')).toBe('spring-launch');
    expect(landed.searchParams.get('utm_content')).toBe('jane.doe');
    expect(landed.searchParams.get('tclid')).toMatch(/^clk_/);
    await visitor.close();

    // A quiet server moves the click from its journal to the database within a tick (250 ms), a busy one
    // within 10 s; reload until the table shows it.
    await expect
      .poll(
        async () => {
          await page.reload();
          const row = page.getByRole('table', { name: 'Tracked links' }).getByRole('row').nth(1);
          return (await row.getByTestId('link-clicks').textContent())?.trim();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('1');
    await page.getByText('Clicks (30 days)').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'links-03-click-counted');
  });

  it('lists the link on Jane’s profile across the page, every column in view', async () => {
    await page.goto(`/w/${workspaceId}/creators/${creatorId}`);
    const table = page.getByRole('table', { name: 'Jane Doe’s links' });
    await table.getByTestId('link-clicks').first().waitFor();
    const last = table.getByRole('columnheader').last();
    const box = await last.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'links-04-creator-profile');
  });

  it('narrows the table to the ambassador picked above the chart, and starts a new link for them', async () => {
    const w = `/api/v1/workspaces/${workspaceId}`;
    const omar = await page.request.post(`${w}/creators`, {
      data: { name: 'Omar Haddad', socialAccounts: [{ platform: 'instagram', handle: 'omar.h' }] },
    });
    const amb = await page.request.post(`${w}/programs/${programId}/ambassadors`, {
      data: { creatorId: (await omar.json()).id, stage: 'prospect' },
    });
    const ambId = (await amb.json()).id;
    for (const to of ['applied', 'accepted'])
      await page.request.post(`${w}/ambassadors/${ambId}/stage`, { data: { to, reason: '' } });

    await page.goto(`/w/${workspaceId}/programs/${programId}/links`);
    const table = page.getByRole('table', { name: 'Tracked links' });
    await table.getByText('Jane Doe').waitFor();
    await page.getByRole('combobox', { name: 'Ambassador' }).click();
    await page.getByRole('option', { name: /Omar Haddad/ }).click();
    await page.getByText('No links for this ambassador').waitFor();
    await expect(table.count()).resolves.toBe(0);
    await screenshot(page, 'links-05-picked-ambassador-without-links');
    await page.getByRole('button', { name: 'New link' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New tracked link' });
    await expect(dialog.getByRole('combobox', { name: 'Ambassador' }).inputValue()).resolves.toMatch(
      /Omar Haddad/,
    );
    // The program's other link says spring-launch: the same words typed otherwise are offered that spelling.
    await dialog.getByLabel('Campaign label').fill('Spring launch');
    await dialog.getByText('Your other links spell it “spring-launch”', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('warns in the QR dialog that a disabled link’s code leads nowhere', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/links`);
    const row = page.getByRole('table', { name: 'Tracked links' }).getByRole('row').nth(1);
    await row.getByRole('button', { name: 'Link actions' }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    await row.getByText('Disabled').waitFor();
    await row.getByRole('button', { name: 'QR code' }).click();
    const qr = page.getByRole('dialog', { name: 'QR code' });
    await qr.getByText('This link is disabled').waitFor();
    await screenshot(page, 'links-06-qr-of-disabled-link');
    await page.keyboard.press('Escape');
    await qr.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: 'Link actions' }).click();
    await page.getByRole('menuitem', { name: 'Enable' }).click();
    await row.getByText('Active').waitFor();
  });

  it('says which live links the narrowed allowed domains no longer cover', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/tracking`);
    const domains = page.getByPlaceholder('shop.example.com — press Enter after each');
    await domains.waitFor();
    // A bad domain is named once, and its chip is marked.
    await domains.fill('shop.example.com/path');
    await domains.press('Enter');
    await page.getByRole('button', { name: 'Save tracking settings' }).click();
    await page.getByText('"shop.example.com/path" is not a domain').waitFor();
    await expect(
      page.locator('[aria-invalid="true"]', { hasText: 'shop.example.com/path' }).count(),
    ).resolves.toBe(1);
    await domains.scrollIntoViewIfNeeded();
    await screenshot(page, 'links-07-bad-domain');
    await page.getByRole('button', { name: 'Remove shop.example.com/path' }).click();
    // Allow another shop instead of this one: Jane's link (to localhost) stays live but outside.
    await page.getByRole('button', { name: 'Remove localhost' }).click();
    await domains.fill('shop.example.com');
    await domains.press('Enter');
    await page.getByRole('button', { name: 'Save tracking settings' }).click();
    await page.getByText('Tracking settings saved').waitFor();
    await domains.scrollIntoViewIfNeeded();
    await screenshot(page, 'links-08-links-outside-domains');
    const warning = page.getByRole('alert').filter({ hasText: 'Links outside these domains still redirect' });
    await warning.getByText('1 active link points to localhost').waitFor();
  });
});
