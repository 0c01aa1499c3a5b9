// Recruitment outreach through the real UI: import a prospect list (with a duplicate row), write a
// template that needs a personal line ({{recentPost}}), invite two prospects — refused until each has
// their line — then see the messages in the outbox, record a reply and see the template's response rate.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

const prospectsCsv = [
  'Platform,Handle,Email,Name,Followers,Source,Country',
  'instagram,ada.glows,ada@example.com,Ada Lovelace,12400,Shopify customers,GB',
  'tiktok,ben.makes,ben@example.com,Ben Ortiz,8300,Shopify customers,US',
  'instagram,ADA.GLOWS,,,,Shopify customers,', // the same person again
  'instagram,cara.c,cara@example.com,Cara Diaz,3000,Loyalty,US',
].join('\n');

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  // Sign-up and the program are set up over the API (the main journey covers them in the UI).
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
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `outreach-failed-${task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await env?.close();
});

describe('prospect list to outreach', () => {
  it('creates a prospect list from the empty state', async () => {
    await page.goto(`/w/${workspaceId}/prospects`);
    await page.getByText('No prospect lists yet').waitFor();
    await screenshot(page, 'outreach-01-empty-prospects');
    await page.getByRole('button', { name: 'New list' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New prospect list' });
    await dialog.getByLabel('Name').fill('Shopify repeat customers');
    await expect(
      dialog.getByRole('combobox', { name: 'Program to invite them to' }).inputValue(),
    ).resolves.toBe('Glow Ambassadors');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await page.waitForURL(/\/prospects\/pls_[a-z0-9]+$/);
    await page.getByText('This list is empty').waitFor();
  });

  it('checks and imports a CSV, counting the repeated row as a duplicate', async () => {
    await page.getByRole('button', { name: 'Import CSV' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import prospects into Shopify repeat customers' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByLabel('CSV file').click(),
    ]);
    await chooser.setFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(prospectsCsv),
    });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('The file looks good').waitFor();
    await dialog.getByText('3 would be added to the list').waitFor();
    await dialog.getByText(/^1 duplicate \(already in the list/).waitFor();
    await screenshot(page, 'outreach-02-import-check');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Import finished').waitFor();
    await dialog.getByText('3 added to the list').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const table = page.getByRole('table', { name: 'Prospects' });
    await expect(table.getByRole('row').count()).resolves.toBe(4); // header + 3 people
    await table
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByText('Not yet')
      .waitFor();
    await screenshot(page, 'outreach-03-list');
  });

  it('writes a template that needs a personal line, with a live preview', async () => {
    await page.getByRole('link', { name: 'Outreach' }).click();
    await page.getByText('No templates yet').waitFor();
    await page.getByRole('button', { name: 'New template' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New outreach template' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Warm customer invite');
    await dialog
      .getByRole('textbox', { name: 'Subject', exact: true })
      .fill('{{firstName}}, join {{programName}}?');
    await dialog
      .getByRole('textbox', { name: 'Message', exact: true })
      .fill(
        'Hi {{firstName}},\n\nWe loved {{recentPost}}. Would you like to join {{programName}}?\n\n— {{brandName}}',
      );
    await dialog.getByLabel('Product offered').fill('the starter kit');
    await dialog.getByLabel('Live preview').getByText('We loved your morning routine reel.').waitFor();
    await screenshot(page, 'outreach-04-template-editor');
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page
      .getByRole('table', { name: 'Templates' })
      .getByRole('row', { name: /Warm customer invite/ });
    await row.getByText('Personalised').waitFor();
  });

  it('refuses to invite while a personal line is unfilled, naming the person, then sends', async () => {
    await page.getByRole('link', { name: 'Prospects' }).click();
    await page.getByRole('link', { name: 'Shopify repeat customers' }).click();
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('checkbox', { name: 'Select Ben Ortiz' }).check();
    await page.getByRole('button', { name: 'Invite selected (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite 2 to Glow Ambassadors' });
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Warm customer invite' }).click();
    await dialog.getByLabel('Ada Lovelace (@ada.glows)').fill('your SPF beach-day reel');

    await dialog.getByRole('button', { name: 'Invite and send (2)' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    await alert.getByText('Ben Ortiz (@ben.makes): {{recentPost}} is not filled').waitFor();
    await dialog.getByText('Write a line about one of their recent posts').waitFor();
    await screenshot(page, 'outreach-05-refused');
    const outboxBefore = await page.request.get(`/api/v1/workspaces/${workspaceId}/outbox`);
    expect(
      (await outboxBefore.json()).items.filter((m: { kind: string }) => m.kind === 'outreach.initial'),
    ).toEqual([]);

    await dialog.getByLabel('Ben Ortiz (@ben.makes)').fill('your woodworking time-lapse');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByLabel('Preview');
    await preview.getByText('We loved your woodworking time-lapse.', { exact: false }).waitFor();
    await expect(preview.getByText('Ready', { exact: true }).count()).resolves.toBe(2);
    await screenshot(page, 'outreach-06-preview');
    await dialog.getByRole('button', { name: 'Invite and send (2)' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Prospects' });
    await table
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByText('Invited')
      .waitFor();
    await table
      .getByRole('row', { name: /Ben Ortiz/ })
      .getByText('Invited')
      .waitFor();
    await table
      .getByRole('row', { name: /Cara Diaz/ })
      .getByText('Not yet')
      .waitFor();
  });

  it('shows the messages in the outbox', async () => {
    await page.getByRole('link', { name: 'Outbox' }).click();
    const outbox = page.getByRole('table', { name: 'Outbox' });
    await outbox
      .getByRole('row', { name: /ada@example\.com/ })
      .getByText('Ada, join Glow Ambassadors?')
      .waitFor();
    await outbox
      .getByRole('row', { name: /ben@example\.com/ })
      .getByText('Ben, join Glow Ambassadors?')
      .waitFor();
    await page.getByRole('button', { name: /Show message to ben@example\.com/ }).click();
    await page
      .getByLabel('Message to ben@example.com')
      .getByText(/We loved your woodworking time-lapse/)
      .waitFor();
    await screenshot(page, 'outreach-07-outbox');
  });

  it('records a reply and shows the response rate', async () => {
    await page.getByRole('link', { name: 'Outreach' }).click();
    await page.getByRole('button', { name: 'Record reply from Ben Ortiz' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a reply' });
    await dialog.getByLabel('Note').fill('Yes! Wants the starter kit first.');
    await dialog.getByRole('button', { name: 'Save reply' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('table', { name: 'Sent messages' })
      .getByText('Yes! Wants the starter kit first.')
      .waitFor();
    await expect(page.getByLabel('Response rate of Warm customer invite').textContent()).resolves.toBe('50%');
    await screenshot(page, 'outreach-08-response-rate', { fullPage: true });
  });
});
