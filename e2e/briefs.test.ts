// Briefs and listening through the real UI: write a program's brief from the empty state, check a caption
// (a failing rule highlighted in the caption, markup shown as text), publish version 2 with a change note
// and read the differences, see the ambassador's "What changed" in the portal, then import a listening
// export and see matched and unmatched posts.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
let programId = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 1000 } });
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
  const program = await page.request.post(`/api/v1/workspaces/${workspaceId}/programs`, {
    data: { name: 'Glow Circle', objective: 'sales', status: 'active', competitors: ['Lumina'] },
  });
  programId = (await program.json()).id;
  const creator = await page.request.post(`/api/v1/workspaces/${workspaceId}/creators`, {
    data: {
      name: 'Amara Okafor',
      email: 'amara@example.com',
      socialAccounts: [{ platform: 'instagram', handle: 'amara.glows', followers: 9000 }],
    },
  });
  const amb = await page.request.post(`/api/v1/workspaces/${workspaceId}/programs/${programId}/ambassadors`, {
    data: { creatorId: (await creator.json()).id, stage: 'prospect' },
  });
  const ambassadorId = (await amb.json()).id;
  for (const to of ['invited', 'applied', 'accepted', 'onboarding', 'active']) {
    const moved = await page.request.post(
      `/api/v1/workspaces/${workspaceId}/ambassadors/${ambassadorId}/stage`,
      {
        data: { to },
      },
    );
    expect(moved.status()).toBe(200);
  }
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `briefs-failed-${task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await env?.close();
});

describe('a program brief', () => {
  it('is written from the empty state', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/briefs`);
    await page.getByText('No brief yet').waitFor();
    await page.getByRole('button', { name: 'Write the brief' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Your everyday routine');
    const products = page.locator('input').and(page.getByLabel('Product names'));
    await products.fill('Glow Serum');
    await products.press('Enter');
    const mentions = page.locator('input').and(page.getByLabel('Mentions'));
    await mentions.fill('@glowco');
    await mentions.press('Enter');
    const words = page.locator('input').and(page.getByLabel('Words', { exact: true }));
    await words.fill('cure');
    await words.press('Enter');
    await page.getByRole('button', { name: 'Create brief' }).click();
    await page.getByRole('tab', { name: 'Edit and publish' }).waitFor();
    await expect(page.getByText('version 1, published').isVisible()).resolves.toBe(true);
  });

  it('checks a caption: the failing rule is highlighted and markup stays text', async () => {
    await page
      .getByRole('textbox', { name: 'Caption', exact: true })
      .fill('<script>alert(1)</script> my Glow Serum is a cure @glowco');
    await page.getByRole('button', { name: 'Check caption' }).click();
    await page.getByText('Fails a must rule').waitFor();
    const caption = page.getByTestId('highlighted-caption');
    await expect(caption.textContent()).resolves.toContain('<script>alert(1)</script>');
    await page.getByText(/Forbidden term/).click();
    await expect(caption.locator('mark').textContent()).resolves.toBe('cure');
    await page.getByRole('textbox', { name: 'Caption', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'briefs-01-caption-check');
  });

  it('publishes version 2 with a change note and shows what changed', async () => {
    const mentions = page.locator('input').and(page.getByLabel('Mentions'));
    await mentions.fill('#glowcircle');
    await mentions.press('Enter');
    await page.getByRole('textbox', { name: 'What changed' }).fill('Please also tag #glowcircle.');
    await page.getByRole('button', { name: 'Publish new version' }).click();
    await page.getByText('version 2, published').waitFor();
    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByText('+ #glowcircle').waitFor();
    await page.getByText('Please also tag #glowcircle.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'briefs-02-history');
  });

  it('reaches the ambassador’s portal with what changed', async () => {
    const asked = await page.request.post('/api/v1/portal/magic-link', {
      data: { email: 'amara@example.com' },
    });
    expect(asked.status()).toBe(202);
    const outbox = await (await page.request.get(`/api/v1/workspaces/${workspaceId}/outbox`)).json();
    const message = outbox.items.find((m: { to: string }) => m.to === 'amara@example.com');
    const link = /https?:\/\/\S+/.exec(message.text)![0];
    const portal = await env.browser.newContext({
      baseURL: env.baseUrl,
      viewport: { width: 900, height: 1000 },
    });
    const ambassador = await portal.newPage();
    await ambassador.goto(new URL(link).pathname + new URL(link).search);
    await ambassador.getByRole('heading', { name: 'Briefs' }).waitFor();
    await ambassador.getByText('What changed').waitFor();
    await ambassador.getByText('+ #glowcircle').waitFor();
    await screenshot(ambassador, 'briefs-03-portal', { fullPage: true });
    await portal.close();
  });
});

describe('listening', () => {
  it('imports an export and highlights unmatched posts', async () => {
    await page.goto(`/w/${workspaceId}/listening`);
    await page.getByText('No listened posts yet').waitFor();
    await page.getByRole('button', { name: 'Import posts' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import posts from a listening tool' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByLabel('File').click(),
    ]);
    await chooser.setFiles({
      name: 'mentions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'Author,Link,Text,Date',
          '@Amara.Glows,https://www.instagram.com/p/Ab1/?igshid=x,Week 3 with the Glow Serum #ad @glowco,2026-03-01',
          'stranger,https://www.tiktok.com/@stranger/video/1,trying @glowco,2026-03-02',
        ].join('\n'),
      ),
    });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('The file looks good').waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Import finished').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'Amara Okafor' }).waitFor();
    await page.getByText('No ambassador with this handle').waitFor();
    await expect(page.locator('tr[data-unmatched]').count()).resolves.toBe(2);
    await screenshot(page, 'briefs-04-listening');
  });
});
