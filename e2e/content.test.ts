// The content journey (B2–B4, issue 5 acceptance) in Chromium: an ambassador writes a draft without
// disclosure and sees the failing rule in the live check, fixes it (#ad first) and submits with an image;
// the manager requests a change with a comment anchored on selected caption text; the ambassador sees the
// comment on their caption and resubmits; the manager approves; the ambassador records the live post's URL
// in the portal; the manager sees it published on the review page and finds the asset in the library with
// the program's default usage rights and its credit line, the caption still shown as text.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../src/server/db/seed/demo-content';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let managerContext: BrowserContext;
let ambassadorContext: BrowserContext;
let manager: Page;
let ambassador: Page;
let workspaceId = '';
let programId = '';
let creatorId = '';
let submissionId = '';
const ambassadorEmail = 'ada@example.com';
const postUrl = 'https://www.instagram.com/reel/AdaEveningGlow/';
const firstCaption =
  'Morning routine with the Glow serum: three drops and my skin drinks it in. <script>alert(1)</script> #skincare';

async function postJson(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: env.baseUrl } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Selects `text` inside the caption as a reader would (a DOM selection, then the mouse-up). */
async function selectCaptionText(page: Page, text: string) {
  await page
    .getByTestId('caption-text')
    .first()
    .evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
      throw new Error(`“${wanted}” is not in the caption`);
    }, text);
}

beforeAll(async () => {
  env = await startEnvironment();
  managerContext = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 1440, height: 900 },
  });
  managerContext.setDefaultTimeout(15_000);
  manager = await managerContext.newPage();
  ambassadorContext = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  ambassadorContext.setDefaultTimeout(15_000);
  ambassador = await ambassadorContext.newPage();
  // An uncaught error in the app shows up here rather than as a blank page and a timeout.
  for (const page of [manager, ambassador])
    page.on('pageerror', (error) => console.error(`page error at ${page.url()}: ${error.message}`));
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = task.name.replace(/\W+/g, '-').slice(0, 60);
  await screenshot(manager, `content-failed-manager-${name}`);
  await screenshot(ambassador, `content-failed-portal-${name}`, { fullPage: true });
});

afterAll(async () => {
  await env?.close();
});

describe('content review', () => {
  it('sets up a program with an active ambassador who signs in to the portal from the emailed link', async () => {
    const request = managerContext.request;
    const signup = await postJson(request, '/api/v1/signup', {
      name: 'Maya Manager',
      email: 'maya@glow.example',
      password: 'correct horse battery',
      workspaceName: 'Glow Skincare',
    });
    workspaceId = signup.workspaces[0].id;
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const program = await postJson(request, `${ws}/programs`, {
      name: 'Summer Glow',
      objective: 'awareness',
      status: 'active',
      why: 'Real routines from people who love the serum.',
      capacity: null,
      // Granted by the agreement: every published piece enters the library with these rights.
      defaultUsageRights: { channels: ['organic_social', 'paid_social'], durationDays: 365 },
    });
    programId = program.id;
    const person = await postJson(request, `${ws}/creators`, {
      name: 'Ada Lovelace',
      email: ambassadorEmail,
      socialAccounts: [{ platform: 'instagram', handle: 'ada.glows', followers: 8000 }],
    });
    creatorId = person.id;
    const seat = await postJson(request, `${ws}/programs/${programId}/ambassadors`, {
      creatorId,
      stage: 'prospect',
    });
    for (const to of ['invited', 'applied', 'accepted', 'onboarding', 'active'])
      await postJson(request, `${ws}/ambassadors/${seat.id}/stage`, { to, reason: '' });
    const invite = await request.post(`${ws}/creators/${creatorId}/portal-invite`, {
      headers: { origin: env.baseUrl },
    });
    expect(invite.status()).toBe(202);
    const outbox = await (await request.get(`${ws}/outbox`)).json();
    const link = /https?:\/\/\S+\/api\/v1\/portal\/verify\?token=\S+/.exec(
      outbox.items.find((m: { to: string }) => m.to === ambassadorEmail).text,
    )?.[0];
    expect(link).toBeTruthy();
    await ambassador.goto(link ?? '');
    await ambassador.waitForURL(/\/portal\/?$/);
  });

  it('shows the ambassador the failing disclosure rule as they write, then the fix passing', async () => {
    await ambassador.getByRole('tab', { name: 'Content' }).click();
    await ambassador.getByRole('heading', { name: 'Submit a draft' }).waitFor();
    await ambassador.getByRole('combobox', { name: 'Format' }).click();
    await ambassador.getByRole('option', { name: 'Reel' }).click();
    await ambassador.getByRole('textbox', { name: 'Caption' }).fill(firstCaption);
    const disclosure = ambassador.locator('[data-rule="disclosure.present"]');
    await disclosure.and(ambassador.locator('[data-passed="false"]')).waitFor();
    await expect.poll(() => disclosure.textContent()).toContain('Fails');
    await screenshot(ambassador, 'content-01-portal-failing-disclosure', { fullPage: true });

    await ambassador.getByRole('textbox', { name: 'Caption' }).fill(`#ad ${firstCaption}`);
    await ambassador.locator('[data-rule="disclosure.present"][data-passed="true"]').waitFor();
    await ambassador.locator('input[type="file"]').setInputFiles({
      name: '<img src=x onerror=alert(1)> routine.png',
      mimeType: 'image/png',
      buffer: Buffer.from(tinyPng([250, 214, 196], [196, 122, 140])),
    });
    await ambassador.getByRole('button', { name: 'Submit for review' }).click();
    await ambassador.waitForURL(/\/portal\/content\/sub_/);
    submissionId = /\/portal\/content\/(sub_\w+)/.exec(ambassador.url())?.[1] ?? '';
    await ambassador.getByText('In review').first().waitFor();
    await ambassador.getByText('Waiting for review').waitFor();
    await ambassador.getByText('<img src=x onerror=alert(1)> routine.png').waitFor();
    await screenshot(ambassador, 'content-02-portal-submitted', { fullPage: true });
  });

  it('lets the manager find it in the queue and request a change anchored on selected caption text', async () => {
    await manager.goto('/signin');
    await manager.getByLabel('Email').fill('maya@glow.example');
    await manager.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.waitForURL(/\/w\//);
    await manager
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Review queue' })
      .click();
    await manager.getByRole('heading', { name: 'Review queue' }).waitFor();
    const row = manager.locator(`[data-submission="${submissionId}"]`);
    await row.locator('[data-sla]').waitFor();
    expect(await row.locator('[data-sla]').textContent()).toMatch(/h left/);
    await screenshot(manager, 'content-03-review-queue');

    await row.getByRole('link', { name: 'Ada Lovelace' }).click();
    await manager.getByRole('heading', { name: /Ada Lovelace/ }).waitFor();
    const caption = manager.getByTestId('caption-text').first();
    // The caption is text: the markup shows literally and no script element exists.
    await expect.poll(() => caption.textContent()).toContain('<script>alert(1)</script>');
    expect(await caption.locator('script').count()).toBe(0);

    await selectCaptionText(manager, 'Morning routine');
    await manager.getByText('Commenting on “Morning routine”').waitFor();
    await manager
      .getByRole('textbox', { name: 'Comment' })
      .fill('Say “evening”: the serum is for night-time use.');
    await manager.getByRole('button', { name: 'Add comment' }).click();
    await caption.locator('mark[data-marks]').first().waitFor();
    expect(await caption.locator('mark[data-marks]').first().textContent()).toBe('Morning routine');
    await screenshot(manager, 'content-04-review-comment');

    await manager.getByRole('button', { name: 'Request changes' }).click();
    await manager.getByText('Waiting for the ambassador to resubmit.').waitFor();
  });

  it('shows the ambassador the comment on their caption and takes the resubmission as round 2', async () => {
    await ambassador.goto(`/portal/content/${submissionId}`);
    await ambassador.getByText('Changes requested').first().waitFor();
    const comments = ambassador.getByLabel('Reviewer comments');
    await comments.getByText('Say “evening”: the serum is for night-time use.').waitFor();
    expect(await ambassador.getByTestId('caption-text').first().locator('mark').first().textContent()).toBe(
      'Morning routine',
    );
    await screenshot(ambassador, 'content-05-portal-changes-requested', { fullPage: true });

    const editor = ambassador.getByRole('textbox', { name: 'Caption' });
    await editor.fill(`#ad Evening routine${firstCaption.slice('Morning routine'.length)}`);
    await ambassador.getByRole('button', { name: 'Resubmit for review' }).click();
    await ambassador.getByText('Round 2', { exact: false }).first().waitFor();
    await ambassador.getByText('Waiting for review').waitFor();
    await ambassador.getByText('from round 1').waitFor();
    await screenshot(ambassador, 'content-06-portal-resubmitted', { fullPage: true });
  });

  it('lets the manager approve round 2, with round 1 kept in the history', async () => {
    await manager.reload();
    await manager
      .getByText(/round 2/)
      .first()
      .waitFor();
    await manager.getByRole('button', { name: 'Approve' }).click();
    await manager.getByText('This draft is approved.').waitFor();
    await manager.getByRole('button', { name: /Round 1 · changes requested/ }).waitFor();
    await screenshot(manager, 'content-07-approved');
    const outbox = await (
      await managerContext.request.get(`/api/v1/workspaces/${workspaceId}/outbox`)
    ).json();
    const subjects = outbox.items
      .filter((m: { to: string }) => m.to === ambassadorEmail)
      .map((m: { subject: string }) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Your draft for Summer Glow is approved',
        'Changes requested on your draft for Summer Glow',
      ]),
    );
  });

  it('lets the ambassador record the post URL of the approved draft in the portal', async () => {
    await ambassador.goto(`/portal/content/${submissionId}`);
    await ambassador.getByRole('heading', { name: 'Approved — post it, then share the link' }).waitFor();
    await ambassador.getByRole('textbox', { name: 'Post URL' }).fill(postUrl);
    await ambassador.getByRole('button', { name: 'Record post URL' }).click();
    await ambassador.getByRole('heading', { name: 'Posted' }).waitFor();
    await ambassador.getByRole('link', { name: postUrl }).waitFor();
    await ambassador.getByText('Published', { exact: true }).first().waitFor();
    await screenshot(ambassador, 'content-08-portal-post-url', { fullPage: true });
  });

  it('shows the manager the publication on the review page, linked to the asset in the library', async () => {
    await manager.reload();
    const panel = manager.getByLabel(/Publication of Ada Lovelace/);
    await panel.getByText('Published', { exact: true }).waitFor();
    await panel.getByRole('link', { name: postUrl }).waitFor();
    expect(await panel.getByRole('link', { name: 'In the library' }).getAttribute('href')).toMatch(
      new RegExp(`/w/${workspaceId}/library\\?asset=ast_`),
    );
    await panel.getByRole('heading', { name: 'Metrics' }).waitFor();
    await screenshot(manager, 'content-09-review-published');
  });

  it('lists the asset in the library with its usage rights and credit, the caption as text', async () => {
    await manager
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Library' })
      .click();
    await manager.waitForURL(new RegExp(`/w/${workspaceId}/library`));
    await manager.getByRole('heading', { name: 'Library' }).waitFor();
    const card = manager.getByTestId('asset-card');
    await expect(card.count()).resolves.toBe(1);
    await card.getByText('Ada Lovelace').waitFor();
    await card.getByText('Organic social', { exact: true }).waitFor();
    await card.getByText('Paid social', { exact: true }).waitFor();
    await card.getByText('@ada.glows', { exact: false }).waitFor();
    await card.getByText('Paid social', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(manager, 'content-10-library');

    await card.getByRole('button', { name: /Open Ada Lovelace/ }).click();
    const drawer = manager.getByRole('dialog');
    await drawer.getByText('📸 @ada.glows for Glow Skincare').waitFor();
    const caption = drawer.getByTestId('asset-caption');
    await expect(caption.textContent()).resolves.toContain('<script>alert(1)</script>');
    expect(await caption.locator('script').count()).toBe(0);
    // The image uploaded in round 1 and kept by the resubmission is the approved piece's media.
    await drawer.getByText('Media (1)').waitFor();
    await screenshot(manager, 'content-11-library-asset');
  });
});
