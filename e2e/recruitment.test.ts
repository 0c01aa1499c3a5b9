// Issue 3's whole path in Chromium: a creator applies on the public page from a phone; the brand vets them;
// the committee scores blind, sees the aggregate and accepts within capacity; the report page the committee
// links to shows the evidence behind its flags.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSpammyCreator } from '../test/vetting-fixtures';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let manager: BrowserContext;
let page: Page;
let phone: BrowserContext;
let applicant: Page;
let workspaceId = '';
let programId = '';
let slug = '';

const consent = 'I agree that Lumen may store my answers and contact me about Lumen Insiders.';

async function send(request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const res = await request[method](path, { data, headers: { origin: env.baseUrl } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  env = await startEnvironment();
  manager = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1280, height: 900 } });
  manager.setDefaultTimeout(15_000);
  page = await manager.newPage();
  phone = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  phone.setDefaultTimeout(15_000);
  applicant = await phone.newPage();

  const signup = await send(manager.request, 'post', '/api/v1/signup', {
    name: 'Noor Manager',
    email: 'noor@lumen.example',
    password: 'correct horse battery',
    workspaceName: 'Lumen',
  });
  workspaceId = signup.workspaces[0].id;
  const base = `/api/v1/workspaces/${workspaceId}/programs`;
  const program = await send(manager.request, 'post', base, {
    name: 'Lumen Insiders',
    objective: 'ugc',
    status: 'active',
    capacity: 1,
    competitors: ['Glossier'],
  });
  programId = program.id;
  slug = program.slug;
  await send(manager.request, 'put', `${base}/${programId}/application-form`, {
    open: true,
    headline: 'Become a Lumen Insider',
    intro: 'Tell us about your skincare routine.',
    consentText: consent,
    questions: [{ id: 'routine', label: 'Your routine in one sentence', type: 'text', required: true }],
  });
  await send(manager.request, 'put', `${base}/${programId}/committee/rubric`, {
    rubric: [
      { id: 'audience_fit', label: 'Audience fit', weight: 2 },
      { id: 'content_quality', label: 'Content quality', weight: 1 },
    ],
  });
});

afterAll(async () => {
  await env?.close();
});

describe('recruitment, end to end', () => {
  it('takes an application on the public page', async () => {
    await applicant.goto(`/apply/${slug}`);
    await applicant.getByRole('heading', { name: 'Become a Lumen Insider' }).waitFor();
    await applicant.getByLabel('Your name').fill('Sam Spammy');
    await applicant.getByRole('textbox', { name: 'Email' }).fill('sam@spammy.example');
    await applicant.getByRole('textbox', { name: 'Handle' }).fill('@spammy.glow');
    await applicant.getByRole('textbox', { name: 'Followers' }).fill('23500');
    await applicant
      .getByRole('textbox', { name: 'Your routine in one sentence' })
      .fill('Double cleanse, SPF.');
    await applicant.getByRole('checkbox', { name: consent }).check();
    await applicant.getByRole('button', { name: 'Send application' }).click();
    await applicant.getByRole('heading', { name: 'Thanks, Sam!' }).waitFor();
    await screenshot(applicant, 'recruitment-1-applied');
  });

  it('vets the applicant and lets the committee score and accept them within capacity', async () => {
    const apps = await (
      await manager.request.get(`/api/v1/workspaces/${workspaceId}/applications?programId=${programId}`)
    ).json();
    expect(apps.items).toHaveLength(1);
    const { creatorId, ambassadorId } = apps.items[0];
    await send(manager.request, 'post', `/api/v1/workspaces/${workspaceId}/vetting/reports`, {
      creatorId,
      programId,
      input: makeSpammyCreator(),
    });

    await page.goto(`/w/${workspaceId}/programs/${programId}/committee`);
    const row = page.getByRole('table', { name: 'Review queue' }).getByRole('row', { name: /Sam Spammy/ });
    await row.getByText('Hidden until you score').waitFor();
    await row.getByText('0 · Reject').waitFor();
    await row.getByRole('link', { name: 'Sam Spammy' }).click();
    await page.waitForURL(new RegExp(`/committee/${ambassadorId}$`));
    await page.getByText('Double cleanse, SPF.').waitFor();
    await page.getByText('Scores are hidden until you submit yours').waitFor();

    const sheet = page.getByRole('region', { name: 'Your scores' });
    const groups = sheet.getByRole('radiogroup');
    await expect.poll(() => groups.count()).toBe(2);
    await groups.nth(0).getByRole('radio', { name: '2' }).check();
    await groups.nth(1).getByRole('radio', { name: '4' }).check();
    await page.getByRole('button', { name: 'Submit scores' }).click();
    await page
      .getByRole('dialog', { name: 'Submit your scores?' })
      .getByRole('button', { name: 'Submit scores' })
      .click();
    // (2·2 + 4·1) / 3 = 2.67
    const panel = page.getByRole('region', { name: 'Committee scores' });
    await panel.getByLabel('Aggregate').getByText('2.67', { exact: true }).waitFor();

    await page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept Sam Spammy?' });
    await dialog.getByText('Lumen Insiders: 0 of 1 seats taken.').waitFor();
    await dialog.getByRole('button', { name: 'Accept and email' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('The decision email went to sam@spammy.example.').waitFor();
    await screenshot(page, 'recruitment-2-accepted');

    const ambassador = await (
      await manager.request.get(`/api/v1/workspaces/${workspaceId}/programs/${programId}`)
    ).json();
    expect(ambassador.seatsTaken).toBe(1);
    const outbox = await (await manager.request.get(`/api/v1/workspaces/${workspaceId}/outbox`)).json();
    const kinds = outbox.items
      .filter((m: { to: string }) => m.to === 'sam@spammy.example')
      .map((m: { kind: string }) => m.kind)
      .sort();
    expect(kinds).toEqual(['application.received', 'committee.decision']);
  });

  it('opens the vetting report from the committee and shows the evidence behind a flag', async () => {
    // The accepted applicant has left the committee's queue; their creator page lists the report.
    const apps = await (
      await manager.request.get(`/api/v1/workspaces/${workspaceId}/applications?programId=${programId}`)
    ).json();
    await page.goto(`/w/${workspaceId}/creators/${apps.items[0].creatorId}`);
    await page.getByRole('region', { name: 'Vetting' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Vetting: @spammy.glow' }).waitFor();
    await expect(page.getByTestId('vetting-verdict').textContent()).resolves.toBe('Reject');
    const flags = page.getByRole('region', { name: 'Flags' });
    await flags.getByText(/sampled comments \(\d+ %\) read as generic, bot or spam/).waitFor();
    await flags
      .getByText(/Glossier/)
      .first()
      .waitFor();
    const evidence = page
      .locator('[data-flag="comments:comments.mostly-spam:0"]')
      .getByRole('button', { name: /^@bot_ring_\d on post_\d+:/ })
      .first();
    await evidence.click();
    const highlighted = page
      .getByRole('region', { name: 'Posts and comments' })
      .locator('[data-highlighted="true"]');
    await expect.poll(() => highlighted.count()).toBe(1);
    await expect(highlighted.getAttribute('data-spam')).resolves.toBe('true');
    await screenshot(page, 'recruitment-3-report-evidence');
  });
});
