// Store connections through the real UI: add a Shopify connection (the secret is refused until pasted,
// then shown once), find its webhook URL on the connection page, and open the tracking setup guide to
// copy the pixel snippet carrying a pixel connection's id.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

const shopifySecret = 'shpss_e2e0123456789abcdef0123456789';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
let programId = '';
let shopifyId = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 } });
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
  const program = await page.request.post(`/api/v1/workspaces/${workspaceId}/programs`, {
    data: { name: 'Glow Ambassadors', objective: 'sales', status: 'active', why: 'Customers who love us.' },
  });
  expect(program.status()).toBe(201);
  programId = (await program.json()).id;
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `stores-failed-${task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await env?.close();
});

describe('store connections', () => {
  it('starts from an empty state reached from the navigation', async () => {
    await page.goto(`/w/${workspaceId}`);
    await page.getByRole('link', { name: 'Stores & tracking' }).click();
    await page.getByText('No store connected yet').waitFor();
    await screenshot(page, 'stores-01-empty');
  });

  it('adds a Shopify connection, refusing it without the secret, then shows the secret once', async () => {
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByText('Settings → Notifications → Webhooks').waitFor();
    await dialog.getByText('orders/paid').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Glow Shopify');
    await dialog.getByLabel('Shop domain (optional)').fill('glow.example.com');
    await dialog.getByRole('button', { name: 'Add Shopify' }).click();
    await dialog.getByText(/must be your shop’s myshopify.com domain/i).waitFor();
    await screenshot(page, 'stores-02-add-shopify-errors');
    // The secret is required too, named on its field once the domain is right.
    await dialog.getByLabel('Shop domain (optional)').fill('glow-skincare.myshopify.com');
    await dialog.getByRole('button', { name: 'Add Shopify' }).click();
    await dialog.getByText('Required: paste the API secret key', { exact: false }).waitFor();
    await dialog.getByLabel('API secret key').fill(shopifySecret);
    await dialog.getByRole('button', { name: 'Add Shopify' }).click();

    const done = page.getByRole('dialog', { name: 'Glow Shopify is connected' });
    await done.getByText('you won’t see it again').waitFor();
    await expect(done.getByTestId('revealed-Webhook secret').textContent()).resolves.toBe(shopifySecret);
    const url = await done.getByTestId('created-webhook-url').textContent();
    expect(url).toMatch(new RegExp(`^${env.baseUrl}/webhooks/shopify/stc_[a-z0-9]+$`));
    shopifyId = url!.split('/').pop()!;
    await screenshot(page, 'stores-03-secret-once');
    await done.getByRole('button', { name: 'Close' }).click();

    const row = page.getByRole('table', { name: 'Connections' }).getByRole('row', { name: /Glow Shopify/ });
    await row.getByText('Nothing from the store yet').waitFor();
    await row.getByText('Glow Ambassadors').waitFor();
    await expect(page.content()).resolves.not.toContain(shopifySecret);
    await screenshot(page, 'stores-04-list');
  });

  it('shows the webhook URL, the masked secret and an empty deliveries table on the connection page', async () => {
    await page.getByRole('link', { name: 'Glow Shopify' }).click();
    await page.waitForURL(new RegExp(`/stores/${shopifyId}$`));
    await expect(page.getByTestId('webhook-url').textContent()).resolves.toBe(
      `${env.baseUrl}/webhooks/shopify/${shopifyId}`,
    );
    await page.getByText(`…${shopifySecret.slice(-4)}`).waitFor();
    await page.getByText('No deliveries yet').waitFor();
    await expect(page.content()).resolves.not.toContain(shopifySecret);
    await page.getByRole('button', { name: 'Send test delivery' }).waitFor();
    await screenshot(page, 'stores-05-detail', { fullPage: true });
  });

  it('asks before deleting', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Glow Shopify?' });
    await confirm.getByText('No orders came through it.').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
  });

  it('fills the pixel snippet of the tracking guide with a pixel connection’s id', async () => {
    await page.goto(`/w/${workspaceId}/tracking-setup`);
    await page.getByText('Add a connection of kind “Conversion pixel”').waitFor();
    const pixel = await page.request.post(`/api/v1/workspaces/${workspaceId}/stores`, {
      data: { programId, kind: 'pixel', name: 'Website pixel' },
    });
    expect(pixel.status()).toBe(201);
    const pixelId = (await pixel.json()).connection.id as string;

    await page.goto(`/w/${workspaceId}/stores`);
    await page.getByRole('link', { name: 'Tracking setup guide', exact: true }).click();
    await page.getByRole('heading', { name: 'Tracking setup' }).waitFor();
    const snippet = page.getByTestId('pixel-snippet');
    await expect(snippet.textContent()).resolves.toContain(
      `<script src="${env.baseUrl}/t.js" data-connection="${pixelId}" async></script>`,
    );
    await page.getByText('A code beats a click by default.').waitFor();
    await snippet.scrollIntoViewIfNeeded();
    await screenshot(page, 'stores-06-tracking-guide');
  });

  it('shows an API connection’s example right after adding it, and its orders where deliveries would be', async () => {
    await page.goto(`/w/${workspaceId}/stores`);
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByRole('radio', { name: 'Conversions API' }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Checkout service');
    await dialog.getByRole('button', { name: 'Add Conversions API' }).click();
    const done = page.getByRole('dialog', { name: 'Checkout service is connected' });
    await done.getByText('curl', { exact: false }).first().waitFor();
    await done.getByText('Create an API key under “API keys”', { exact: false }).waitFor();
    await screenshot(page, 'stores-07-api-connected');
    await done.getByRole('link', { name: 'Open connection' }).click();
    await page.getByText('Last order received').waitFor();
    await page.getByText('No order yet').waitFor();
    await expect(page.getByText('No deliveries yet').count()).resolves.toBe(0);
    await screenshot(page, 'stores-08-api-detail', { fullPage: true });
    // The link opens the program's conversions narrowed to this connection.
    await page.getByRole('link', { name: 'the conversions page of Glow Ambassadors' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Source' }).inputValue())
      .toBe('Checkout service · Conversions API');
    await page.getByText('No orders match these filters').waitFor();
  });

  it('numbers the default name of a connection added without one', async () => {
    const first = await page.request.post(`/api/v1/workspaces/${workspaceId}/stores`, {
      data: { programId, kind: 'api', name: 'Conversions API' },
    });
    expect(first.status()).toBe(201);
    await page.goto(`/w/${workspaceId}/stores`);
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByRole('radio', { name: 'Conversions API' }).click();
    await expect(
      dialog.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('placeholder'),
    ).resolves.toBe('Conversions API 2');
    await dialog.getByRole('button', { name: 'Add Conversions API' }).click();
    await page.getByRole('dialog', { name: 'Conversions API 2 is connected' }).waitFor();
  });
});
