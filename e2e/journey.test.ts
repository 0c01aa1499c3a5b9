// The manager-to-ambassador journey through the real UI: sign up, set up a program, import creators,
// move one through the pipeline, audit it, send a portal link, and sign in to the portal from the email.
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

const owner = {
  name: 'Maya Okafor',
  email: 'maya@glow.example',
  password: 'correct horse battery',
  workspace: 'Glow Skincare',
};

// Line 4 is bad twice over: an invalid email and a non-numeric follower count.
const creatorsCsv = [
  'name,email,country,tags,instagram,instagram_followers,tiktok,tiktok_followers',
  'Ada Lovelace,ada@example.com,GB,skincare;vegan,ada.glows,12400,,',
  'Grace Hopper,grace@example.com,US,skincare,gracefully,8300,grace.tt,15000',
  'Bad Row,not-an-email,US,,bad.row,lots,,',
  'Katherine Johnson,katherine@example.com,US,,kj.skin,45100,,',
  'Hedy Lamarr,hedy@example.com,AT,makeup,hedy.l,2900,,',
  'Mary Jackson,mary@example.com,US,,mary.j,67000,,',
].join('\n');

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
let programId = '';
let magicLink = '';

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await env?.close();
});

/** Moves the card of `name` on the board to `stage` through its menu and the confirmation dialog. */
async function moveOnBoard(name: string, stage: string, reason = '') {
  await page.getByRole('button', { name: `Move ${name}` }).click();
  await page.getByRole('menuitem', { name: stage, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Move ${name} to ${stage}` });
  if (reason) await dialog.getByLabel('Reason (optional)').fill(reason);
  await dialog.getByRole('button', { name: `Move to ${stage}` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: stage, exact: true }).getByRole('article', { name }).waitFor();
}

/** Drags the card of `name` onto the column of `stage`, then confirms the move. */
async function dragOnBoard(name: string, stage: string) {
  const column = page.getByRole('region', { name: stage, exact: true });
  await page.getByRole('article', { name }).dragTo(column);
  const dialog = page.getByRole('dialog', { name: `Move ${name} to ${stage}` });
  await dialog.getByRole('button', { name: `Move to ${stage}` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await column.getByRole('article', { name }).waitFor();
}

describe('manager to ambassador journey', () => {
  it('signs up and lands on an empty programs page that says what to do first', async () => {
    await page.goto('/');
    await page.waitForURL(/\/signin$/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('too short');
    await page.getByLabel('Workspace name').fill(owner.workspace);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(/\/w\/wsp_[a-z0-9]+$/);
    workspaceId = /\/w\/(wsp_[a-z0-9]+)/.exec(page.url())?.[1] ?? '';
    await page.getByText('Create your first program').waitFor();
    await expect(page.getByRole('button', { name: /Switch workspace/ }).textContent()).resolves.toContain(
      owner.workspace,
    );
    await screenshot(page, '01-empty-programs');
  });

  it('loads the manager dashboard with at most 300 KB of JavaScript, gzipped', async () => {
    const fresh = await env.browser.newContext({
      baseURL: env.baseUrl,
      storageState: await context.storageState(),
    });
    const dashboard = await fresh.newPage();
    const scripts: Array<Promise<{ name: string; gzipped: number }>> = [];
    dashboard.on('response', (response) => {
      const url = response.url();
      if (!url.endsWith('.js')) return;
      const name = url.slice(url.lastIndexOf('/') + 1);
      scripts.push(response.body().then((body) => ({ name, gzipped: gzipSync(body).length })));
    });
    await dashboard.goto(`/w/${workspaceId}`);
    await dashboard.getByText('Create your first program').waitFor();
    await dashboard.waitForLoadState('networkidle');
    const sizes = (await Promise.all(scripts)).sort((a, b) => b.gzipped - a.gzipped);
    const totalKb = sizes.reduce((sum, s) => sum + s.gzipped, 0) / 1024;
    const largest = sizes.slice(0, 5).map((s) => `${s.name} ${(s.gzipped / 1024).toFixed(1)} KB`);
    console.log(
      `e2e: dashboard first load: ${sizes.length} scripts, ${totalKb.toFixed(1)} KB gzipped (largest: ${largest.join(', ')})`,
    );
    expect(sizes.some((s) => s.name.startsWith('stage-chart'))).toBe(false);
    expect(totalKb).toBeLessThanOrEqual(300);
    await fresh.close();
  });

  it('creates a program with a capacity and a tier', async () => {
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByLabel('Program name').fill('Summer Glow');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await page
      .getByLabel('Why')
      .fill('Loyal customers who already love our SPF, sharing it with friends this summer.');
    await page.getByLabel('Budget').fill('12000');
    await page.getByRole('button', { name: 'Add business value target' }).click();
    await page.getByLabel('Business value metric 1', { exact: true }).fill('Attributed revenue');
    await page.getByLabel('Business value target 1', { exact: true }).fill('50000');
    await page.getByLabel('Business value unit 1', { exact: true }).fill('USD');
    await page.getByLabel('Capacity').fill('3');
    await page.getByRole('button', { name: 'Add tier' }).click();
    const tier = page.getByRole('group', { name: 'Tier 1' });
    await tier.getByLabel('Name').fill('Nano');
    await tier.getByLabel('Min followers').fill('1000');
    await tier.getByLabel('Max followers').fill('10000');
    await page.getByRole('button', { name: 'Add format' }).click();
    await page.getByRole('region', { name: 'Terms' }).scrollIntoViewIfNeeded();
    await screenshot(page, '02-program-editor');
    await page.getByRole('button', { name: 'Create program' }).click();

    await page.waitForURL(/\/programs\/prg_[a-z0-9]+\/pipeline/);
    programId = /\/programs\/(prg_[a-z0-9]+)\//.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { name: 'Summer Glow' }).waitFor();
    await page.getByText('0 of 3 taken').waitFor();
    await page.getByText('No one in this pipeline yet').waitFor();
  });

  it('imports creators from CSV into the program, naming the bad row by its line, then skipping it', async () => {
    await page.getByRole('button', { name: 'Import CSV' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import creators from CSV' });
    await expect(
      dialog.getByRole('combobox', { name: 'Add everyone to a program (optional)' }).inputValue(),
    ).resolves.toBe('Summer Glow');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByLabel('CSV file').click(),
    ]);
    await chooser.setFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(creatorsCsv) });

    // Hold the check back briefly so the upload progress bar can be seen.
    await page.route('**/creators/import?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText(/^(Uploading… \d+%|Checking every row…)$/).waitFor();
    await expect.poll(() => dialog.getByRole('progressbar', { name: 'Upload progress' }).count()).toBe(1);
    await dialog.getByText('Some rows have problems', { exact: true }).waitFor();
    await page.unrouteAll();
    const problems = dialog.getByRole('table', { name: 'Problems in the file' });
    const emailProblem = problems.getByRole('row').filter({ hasText: 'must be a valid email address' });
    await expect(emailProblem.getByRole('cell').first().textContent()).resolves.toBe('4');
    await expect(problems.getByRole('row').filter({ hasText: 'instagram_followers' }).count()).resolves.toBe(
      1,
    );
    await screenshot(page, '03-import-check');
    // On a phone, line and column share the first cell, so the problem keeps most of the width.
    await page.setViewportSize({ width: 390, height: 844 });
    await problems.getByRole('columnheader', { name: 'Line · column' }).waitFor();
    await expect(emailProblem.getByRole('cell').first().textContent()).resolves.toBe('4email');
    await screenshot(page, '03-import-check-390px');
    await page.setViewportSize({ width: 1440, height: 900 });
    await problems.getByRole('columnheader', { name: 'Column', exact: true }).waitFor();

    await dialog.getByLabel('Skip the bad rows and import the rest').check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog
      .getByText('Imported 5 of 6 rows into Summer Glow as prospects. Skipped 1 bad row.')
      .waitFor();
    await screenshot(page, '04-import-done');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const prospects = page.getByRole('region', { name: 'Prospect', exact: true });
    await prospects.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    await expect.poll(() => prospects.getByRole('article').count()).toBe(5);
  });

  it('moves a creator from prospect to active, one allowed stage at a time', async () => {
    await moveOnBoard('Ada Lovelace', 'Invited');
    await moveOnBoard('Ada Lovelace', 'Applied');
    await dragOnBoard('Ada Lovelace', 'In review');
    await moveOnBoard('Ada Lovelace', 'Accepted', 'Great fit for the summer launch');
    await page.getByText('1 of 3 taken').waitFor();
    await moveOnBoard('Ada Lovelace', 'Onboarding');
    await moveOnBoard('Ada Lovelace', 'Active');
    await page.setViewportSize({ width: 1760, height: 900 });
    await page.getByRole('region', { name: 'Prospect', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, '05-pipeline-board');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByText('Table', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Pipeline' });
    await table.getByRole('button', { name: 'Followers' }).click();
    await table.getByRole('button', { name: 'Followers' }).click();
    await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain('Mary Jackson');
    await expect(table.getByRole('row').filter({ hasText: 'Ada Lovelace' }).textContent()).resolves.toContain(
      'Active',
    );
    await screenshot(page, '06-pipeline-table');
  });

  it('refuses an illegal stage change with a message that names the allowed stages', async () => {
    const list = await page.request.get(
      `/api/v1/workspaces/${workspaceId}/programs/${programId}/ambassadors`,
    );
    const { items } = (await list.json()) as {
      items: Array<{ id: string; stage: string; creator: { name: string } }>;
    };
    const ada = items.find((a) => a.creator.name === 'Ada Lovelace');
    expect(ada?.stage).toBe('active');
    const refused = await page.request.post(
      `/api/v1/workspaces/${workspaceId}/ambassadors/${ada?.id}/stage`,
      {
        data: { to: 'prospect', reason: '' },
      },
    );
    expect(refused.status()).toBe(409);
    const problem = (await refused.json()) as { detail: string; code: string };
    expect(problem.code).toBe('illegal_transition');
    expect(problem.detail).toBe(
      'Cannot move from "Active" to "Prospect". Allowed next stages: "Paused", "Offboarded (alumni)".',
    );
  });

  it('shows every stage change in the creator’s timeline and sends them a portal link', async () => {
    await page.getByRole('table', { name: 'Pipeline' }).getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    const activity = page.getByRole('region', { name: 'Activity' });
    await activity.getByText('Added to Summer Glow').waitFor();
    await expect.poll(() => activity.getByText('Stage changed in Summer Glow').count()).toBe(6);
    for (const [from, to] of [
      ['prospect', 'invited'],
      ['invited', 'applied'],
      ['applied', 'in_review'],
      ['in_review', 'accepted'],
      ['accepted', 'onboarding'],
      ['onboarding', 'active'],
    ]) {
      await expect.poll(() => activity.getByLabel(`from ${from} to ${to}`).count()).toBe(1);
    }
    await activity.getByText('“Great fit for the summer launch”').waitFor();
    await activity.getByText('Imported from CSV (line 2)').waitFor();

    await page.getByRole('button', { name: 'Send portal link' }).click();
    await page.getByText('Portal link sent', { exact: true }).waitFor();
    await activity.getByText('Portal link sent to ada@example.com').waitFor();
    await page.setViewportSize({ width: 1440, height: 1100 });
    await screenshot(page, '07-creator-profile');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('creates a second program with someone else in it', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByLabel('Program name').fill('Winter Calm');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('heading', { name: 'Winter Calm' }).waitFor();

    await page.getByRole('button', { name: 'Add creator' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a creator to Winter Calm' });
    await dialog.getByRole('combobox', { name: 'Creator' }).fill('Grace');
    await page.getByRole('option', { name: /Grace Hopper/ }).click();
    await dialog.getByText('Invited', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Add to program' }).click();
    await page
      .getByRole('region', { name: 'Invited', exact: true })
      .getByRole('article', { name: 'Grace Hopper' })
      .waitFor();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('article', { name: 'Summer Glow' }).getByText('1 of 3 taken').waitFor();
    await screenshot(page, '08-programs');
  });

  it('finds people by name and by program on the People page', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'People' }).click();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByRole('link', { name: 'Mary Jackson' }).waitFor();
    await expect.poll(() => people.getByRole('row').count()).toBe(6);
    await page.getByText('1–5 of 5').waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('grace');
    await page.waitForURL(/q=grace/);
    await page.getByText('1–1 of 1').waitFor();
    await expect.poll(() => people.getByRole('row').count()).toBe(2);
    await expect(people.getByRole('row').nth(1).textContent()).resolves.toContain('Winter Calm: Invited');
    await screenshot(page, '09-people');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('1–5 of 5').waitFor();
  });

  it('invites a teammate and revokes the invitation after confirming', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Members' }).click();
    const invite = page.getByRole('region', { name: 'Invite a teammate' });
    await invite.getByRole('textbox', { name: 'Email' }).fill('sam@glow.example');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByRole('cell', { name: 'sam@glow.example', exact: true }).waitFor();
    // The only owner cannot be demoted: someone else must become owner first.
    await expect(page.getByRole('combobox', { name: `Role of ${owner.name}` }).isDisabled()).resolves.toBe(
      true,
    );
    await screenshot(page, '10-members');
    await page.getByRole('button', { name: 'Revoke invitation for sam@glow.example' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke invitation?' });
    await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('No pending invitations.').waitFor();
  });

  it('lists the portal link in the outbox', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await page.getByRole('button', { name: /^Show message to ada@example\.com/ }).click();
    const link = page.locator('[aria-label="Message to ada@example.com"] a').first();
    magicLink = (await link.getAttribute('href')) ?? '';
    expect(magicLink).toMatch(new RegExp(`^${env.baseUrl}/api/v1/portal/verify\\?token=`));
    await screenshot(page, '11-outbox');
  });

  it('signs the ambassador in from the emailed link and shows only their own program', async () => {
    const phone = await env.browser.newContext({
      baseURL: env.baseUrl,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const portal = await phone.newPage();
    await portal.goto(magicLink);
    await portal.waitForURL(/\/portal\/?$/);
    await portal.getByRole('heading', { name: 'My programs' }).waitFor();
    const summer = portal.getByRole('article', { name: 'Summer Glow' });
    await summer.waitFor();
    await summer.getByText('Active', { exact: true }).waitFor();
    await summer.getByText(owner.workspace).waitFor();
    await summer.getByText('2 × feed posts').waitFor();
    await expect.poll(() => portal.getByRole('article').count()).toBe(1);
    await expect.poll(() => portal.getByText('Winter Calm').count()).toBe(0);
    await screenshot(portal, '12-portal-390px', { fullPage: true });

    await portal.getByRole('tab', { name: 'Profile' }).click();
    const profile = portal.getByRole('region', { name: `Profile for ${owner.workspace}` });
    await profile.waitFor();
    await expect(profile.getByLabel('Name').inputValue()).resolves.toBe('Ada Lovelace');
    await profile.getByText('@ada.glows').waitFor();
    await profile.getByLabel('Phone').fill('+44 20 7946 0000');
    await profile.getByRole('button', { name: 'Save' }).click();
    await portal.getByText('Profile saved').waitFor();
    await screenshot(portal, '13-portal-profile-390px', { fullPage: true });
    await phone.close();
  });
});
