// The vetting journey through the real UI: create a creator, run vetting on a spammy creator's JSON (a bad
// file first, named by field), read the report's evidence down to a highlighted comment, override a flag
// with a reason, and see the new score and the audit entry on the creator's page.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSpammyCreator } from '../test/vetting-fixtures';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let reportUrl = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await env?.close();
});

describe('vetting report journey', () => {
  it('creates a creator whose page says they are not vetted yet', async () => {
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Rae Reviewer');
    await page.getByLabel('Email').fill('rae@glow.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByLabel('Workspace name').fill('Glow Skincare');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/w\/wsp_[a-z0-9]+$/);

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'New creator' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New creator' });
    await dialog.getByLabel('Name').fill('Sam Spammy');
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await dialog.getByLabel('Account 1 handle').fill('spammy.glow');
    await dialog.getByLabel('Account 1 followers').fill('23500');
    await dialog.getByRole('button', { name: 'Create creator' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Sam Spammy' }).click();
    await page.getByRole('heading', { name: 'Sam Spammy' }).waitFor();
    await page.getByRole('region', { name: 'Vetting' }).getByText('Not vetted yet.').waitFor();
  });

  it('names the bad field of an invalid creator JSON, then vets an uploaded file and opens the report', async () => {
    await page.getByRole('button', { name: 'Run vetting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run vetting' });
    await dialog
      .getByLabel('Creator JSON')
      .fill('{"platform": "instagram", "handle": "spammy.glow", "followers": "lots"}');
    await dialog.getByRole('button', { name: 'Run vetting' }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText('does not match the vetting input schema').waitFor();
    await expect(alert.getByRole('listitem').first().textContent()).resolves.toMatch(/^followers: /);
    await screenshot(page, 'vetting-1-invalid-json');

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByLabel('Upload a file').click(),
    ]);
    await chooser.setFiles({
      name: 'spammy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(makeSpammyCreator(), null, 2)),
    });
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Creator JSON' }).inputValue())
      .toContain('"commentSamples"');
    await dialog.getByRole('button', { name: 'Run vetting' }).click();
    await page.waitForURL(/\/vetting\/vet_[a-z0-9]+$/);
    reportUrl = page.url();

    await page.getByRole('heading', { name: 'Vetting: @spammy.glow' }).waitFor();
    await expect(page.getByTestId('vetting-score').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('vetting-verdict').textContent()).resolves.toBe('Reject');
    const flags = page.getByRole('region', { name: 'Flags' });
    await flags.getByText(/sampled comments \(\d+ %\) read as generic, bot or spam/).waitFor();
    await flags.getByText(/followers between .* then flat growth/).waitFor();
    await page
      .getByRole('region', { name: 'Follower growth' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await screenshot(page, 'vetting-2-report');
  });

  it('clicks a comment named as evidence and sees it highlighted in the posts panel', async () => {
    const spamFlag = page.locator('[data-flag="comments:comments.mostly-spam:0"]');
    const evidence = spamFlag.getByRole('button', { name: /^@bot_ring_\d on post_\d+:/ }).nth(2);
    const label = (await evidence.textContent()) ?? '';
    const [, author, postId, text] = /^@(\S+) on (\S+): “(.*)”$/.exec(label) ?? [];
    await evidence.click();
    const highlighted = page
      .getByRole('region', { name: 'Posts and comments' })
      .locator('[data-highlighted="true"]');
    await expect.poll(() => highlighted.count()).toBe(1);
    await expect(highlighted.textContent()).resolves.toContain(`@${author}${text}`);
    await expect(highlighted.getAttribute('id')).resolves.toMatch(new RegExp(`^vet-comment-${postId}-\\d+$`));
    await expect(highlighted.getAttribute('data-spam')).resolves.toBe('true');
    await expect.poll(() => highlighted.isVisible()).toBe(true);
    await screenshot(page, 'vetting-3-evidence-highlighted');
  });

  it('overrides a flag with a reason and the score is recalculated', async () => {
    const spamFlag = page.locator('[data-flag="comments:comments.mostly-spam:0"]');
    await spamFlag.getByRole('button', { name: 'Override' }).click();
    const dialog = page.getByRole('dialog', { name: 'Override this flag' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('no');
    await dialog.getByRole('button', { name: 'Override flag' }).click();
    await dialog.getByText('at least 5 characters').waitFor();
    await dialog
      .getByLabel('Reason')
      .fill('Bot comments came from a giveaway raid; we checked her recent posts by hand');
    await dialog.getByRole('button', { name: 'Override flag' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Two criticals and three warnings cost 100; without the spam flag, 65.
    await expect.poll(() => page.getByTestId('vetting-score').textContent()).toBe('35');
    await expect(spamFlag.getAttribute('data-overridden')).resolves.toBe('true');
    await spamFlag.getByText(/Overridden by Rae Reviewer/).waitFor();
    await spamFlag
      .getByText('“Bot comments came from a giveaway raid; we checked her recent posts by hand”')
      .waitFor();
    await page.getByText(/The engine scored 0 \(Reject\) before reviewers set a flag aside/).waitFor();
    await spamFlag.scrollIntoViewIfNeeded();
    await screenshot(page, 'vetting-4-overridden');

    await page.getByRole('button', { name: 'Download' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Flags (CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(
      /^section,code,severity,message,overridden,overridden_by,override_reason/,
    );
    expect(csv).toMatch(
      /comments,comments\.mostly-spam,critical,.*,yes,Rae Reviewer,Bot comments came from a giveaway raid/,
    );
    await screenshot(page, 'vetting-5-report-full', { fullPage: true });
  });

  it('shows the reviewed score and the override in the creator’s activity', async () => {
    await page.getByRole('link', { name: '← Creator' }).click();
    await page.getByRole('heading', { name: 'Sam Spammy' }).waitFor();
    const reports = page.getByRole('table', { name: 'Vetting reports' });
    await expect.poll(() => reports.getByRole('row').nth(1).textContent()).toContain('35 (engine 0)');
    const activity = page.getByRole('region', { name: 'Activity' });
    await activity.getByText('Vetting flag overridden: comments.mostly-spam').waitFor();
    await activity
      .getByText('“Bot comments came from a giveaway raid; we checked her recent posts by hand”')
      .waitFor();
    await activity.getByText('Score 0 → 35').waitFor();
    await screenshot(page, 'vetting-6-creator');

    await reports.getByRole('link').first().click();
    await page.waitForURL(reportUrl);
  });

  it('vets again against a program: competitor conflict and audience against the persona', async () => {
    const workspaceId = /\/w\/(wsp_[a-z0-9]+)/.exec(page.url())?.[1] ?? '';
    const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/programs`, {
      headers: { origin: env.baseUrl },
      data: {
        name: 'Summer Glow',
        objective: 'sales',
        status: 'active',
        why: 'Grow sales through people who already love us.',
        capacity: null,
        persona: { countries: ['US', 'GB'], ageBands: ['25-34', '35-44'] },
        competitors: ['Glossier'],
        exclusivityDays: 30,
        tiers: [],
      },
    });
    expect(created.status()).toBe(201);
    // Made behind the app's back, so load the page afresh (the app caches the program list).
    await page.reload();

    await page.getByRole('link', { name: '← Creator' }).click();
    await page.getByRole('button', { name: 'Run vetting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run vetting' });
    await dialog.getByRole('textbox', { name: 'Creator JSON' }).fill(JSON.stringify(makeSpammyCreator()));
    await dialog.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: 'Summer Glow' }).click();
    await dialog.getByRole('button', { name: 'Run vetting' }).click();
    await page.waitForURL((url) => /\/vetting\/vet_[a-z0-9]+$/.test(url.pathname) && url.href !== reportUrl);
    await page.getByText(/against Summer Glow/).waitFor();
    await page
      .getByRole('region', { name: 'Flags' })
      .getByText(/competitor Glossier within the 30-day/)
      .waitFor();
    const alignment = page.getByRole('region', { name: 'Audience alignment', exact: true });
    await alignment.getByText('Persona of Summer Glow', { exact: false }).waitFor();
    await alignment.locator('.recharts-surface').first().waitFor();
    await alignment.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await screenshot(page, 'vetting-7-persona');
  });
});
