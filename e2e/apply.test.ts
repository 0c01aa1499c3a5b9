// R1 in the browser: a manager opens a program's application page with custom questions; an applicant on a
// 390 px phone applies (a bad link is refused at its field first); the manager finds them in Applied with
// their answers, and the acknowledgement is in the outbox. Also the full (waitlist) and closed pages.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let manager: BrowserContext;
let page: Page;
let phone: BrowserContext;
let applicant: Page;
let workspaceId = '';
let programId = '';
let publicUrl = '';

const consentText = 'I agree that Stride may store my answers and contact me about Stride Runners.';

async function apiPost(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: env.baseUrl } });
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
  // The manager's account and program come from the API; the application page is set up in the UI.
  const signup = await apiPost(manager.request, '/api/v1/signup', {
    name: 'Robin Manager',
    email: 'robin@stride.example',
    password: 'correct horse battery',
    workspaceName: 'Stride Shoes',
  });
  workspaceId = signup.workspaces[0].id;
  const program = await apiPost(manager.request, `/api/v1/workspaces/${workspaceId}/programs`, {
    name: 'Stride Runners',
    objective: 'sales',
    status: 'active',
    persona: { platforms: ['instagram', 'tiktok'] },
  });
  programId = program.id;
});

afterAll(async () => {
  await env?.close();
});

describe('the application page', () => {
  it('is opened by the manager with a choice question and a required link question', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/edit`);
    const section = page.getByRole('region', { name: 'Application page' });
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('switch', { name: 'Taking applications' }).check();
    await section.getByLabel('Headline').fill('Run with Stride');
    await section
      .getByLabel('Introduction')
      .fill(
        'We want runners who post honestly about training.\nHow the program works: https://example.com/runners',
      );
    await section.getByLabel('Consent text').fill(consentText);
    await section.getByRole('textbox', { name: 'Accent colour' }).fill('#0b7285');

    await section.getByRole('button', { name: 'Add a question' }).click();
    const q1 = section.getByRole('group', { name: 'Question 1' });
    await q1.getByRole('textbox', { name: 'Question 1' }).fill('What do you run most?');
    await q1.getByRole('combobox', { name: 'Answer type' }).click();
    await page.getByRole('option', { name: 'Choice' }).click();
    const options = q1.getByLabel('Options');
    for (const option of ['Road', 'Trail', 'Track']) {
      await options.fill(option);
      await options.press('Enter');
    }
    await q1.getByRole('switch', { name: 'Required' }).check();

    await section.getByRole('button', { name: 'Add a question' }).click();
    const q2 = section.getByRole('group', { name: 'Question 2' });
    await q2.getByRole('textbox', { name: 'Question 2' }).fill('Link to your best running post');
    await q2.getByRole('combobox', { name: 'Answer type' }).click();
    await page.getByRole('option', { name: 'Link (URL)' }).click();
    await q2.getByRole('switch', { name: 'Required' }).check();
    await q2.getByLabel('Help text').fill('Any platform is fine.');

    await section.getByRole('button', { name: 'Save application page' }).click();
    await section.getByText('The page is live').waitFor();
    publicUrl = (await section.getByTestId('public-apply-url').textContent()) ?? '';
    expect(publicUrl).toBe(`${env.baseUrl}/apply/stride-runners`);
    await section.getByText('0 applications so far').waitFor();
    await screenshot(page, 'apply-01-editor');
  });

  it('takes an application from a phone, showing a bad link’s error at its field first', async () => {
    await applicant.goto(publicUrl);
    await applicant.getByRole('heading', { name: 'Run with Stride' }).waitFor();
    await expect(applicant.getByTestId('brand-name').textContent()).resolves.toBe('Stride Shoes');
    // Branded in the program's accent colour.
    await expect(
      applicant
        .getByRole('button', { name: 'Send application' })
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).resolves.toBe('rgb(11, 114, 133)');
    // The intro's address is a link; the rest is plain text.
    await expect(
      applicant.getByRole('link', { name: 'https://example.com/runners' }).getAttribute('href'),
    ).resolves.toBe('https://example.com/runners');
    // The honeypot is out of sight and out of the tab order.
    const honeypot = applicant.locator('#apply-website');
    await expect(honeypot.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(honeypot.getAttribute('autocomplete')).resolves.toBe('off');
    const box = await honeypot.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThan(0);
    // Nothing is wider than the phone.
    const overflow = await applicant.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await applicant.getByLabel('Your name').fill('Lena Fischer');
    await applicant.getByRole('textbox', { name: 'Email' }).fill('lena@runners.example');
    await applicant.getByRole('combobox', { name: 'Country' }).fill('Germ');
    await applicant.getByRole('option', { name: 'Germany (DE)' }).click();
    await applicant.getByRole('textbox', { name: 'Handle' }).fill('@lena.runs');
    await applicant.getByRole('textbox', { name: 'Followers' }).fill('6400');
    await applicant.getByRole('radio', { name: 'Trail' }).check();
    const link = applicant.getByRole('textbox', { name: 'Link to your best running post' });
    await link.fill('instagram.com/p/trail-run');
    await applicant.getByRole('checkbox', { name: consentText }).check();
    await screenshot(applicant, 'apply-02-phone-form', { fullPage: true });

    await applicant.getByRole('button', { name: 'Send application' }).click();
    await applicant.getByText('Must be an http(s) address such as https://example.com').waitFor();
    await expect(link.getAttribute('aria-invalid')).resolves.toBe('true');
    await applicant.getByText('Your application was not sent').waitFor();
    await screenshot(applicant, 'apply-03-phone-error');

    await link.fill('https://instagram.com/p/trail-run');
    await applicant.getByRole('button', { name: 'Send application' }).click();
    await applicant.getByRole('heading', { name: 'Thanks, Lena!' }).waitFor();
    await applicant
      .getByText(/reply by email/)
      .first()
      .waitFor();
    await screenshot(applicant, 'apply-04-phone-thanks', { fullPage: true });
  });

  it('shows the applicant in Applied with their answers, and the acknowledgement in the outbox', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/pipeline`);
    const card = page
      .getByRole('region', { name: 'Applied', exact: true })
      .getByRole('article', { name: 'Lena Fischer' });
    await card.waitFor();
    await card.getByRole('link', { name: 'Lena Fischer' }).click();
    const application = page.getByRole('region', { name: 'Application to Stride Runners' });
    await application.waitFor();
    await application.getByText('What do you run most?').waitFor();
    await application.getByText('Trail', { exact: true }).waitFor();
    await expect(
      application.getByRole('link', { name: 'https://instagram.com/p/trail-run' }).getAttribute('href'),
    ).resolves.toBe('https://instagram.com/p/trail-run');
    await application.getByText(/Instagram @lena\.runs · 6,400 followers/).waitFor();
    await application.getByText(consentText, { exact: false }).waitFor();
    await application.scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-05-profile');

    await page.goto(`/w/${workspaceId}/outbox`);
    await page.getByRole('button', { name: /^Show message to lena@runners\.example/ }).click();
    const message = page.locator('[aria-label="Message to lena@runners.example"]');
    await message.getByText(/Thank you for applying to Stride Runners/).waitFor();
    await screenshot(page, 'apply-06-outbox');
  });

  it('says a full program has a waitlist before and after applying', async () => {
    const program = await apiPost(manager.request, `/api/v1/workspaces/${workspaceId}/programs`, {
      name: 'Stride Elite',
      objective: 'sales',
      status: 'active',
      capacity: 1,
      applicationForm: { open: true, headline: 'Stride Elite', consentText: 'I agree.' },
    });
    const seated = await apiPost(manager.request, `/api/v1/workspaces/${workspaceId}/creators`, {
      name: 'Seated Runner',
      email: 'seated@runners.example',
    });
    const amb = await apiPost(
      manager.request,
      `/api/v1/workspaces/${workspaceId}/programs/${program.id}/ambassadors`,
      {
        creatorId: seated.id,
        stage: 'applied',
      },
    );
    await apiPost(manager.request, `/api/v1/workspaces/${workspaceId}/ambassadors/${amb.id}/stage`, {
      to: 'accepted',
    });

    await applicant.goto(`/apply/${program.slug}`);
    await applicant.getByText('This program is full — join the waitlist').waitFor();
    await screenshot(applicant, 'apply-07-phone-full');
    await applicant.getByLabel('Your name').fill('Wait Listed');
    await applicant.getByRole('textbox', { name: 'Email' }).fill('wait@runners.example');
    await applicant.getByRole('textbox', { name: 'Handle' }).fill('waitruns');
    await applicant.getByRole('checkbox', { name: 'I agree.' }).check();
    await applicant.getByRole('button', { name: 'Join the waitlist' }).click();
    await applicant.getByRole('heading', { name: "You're on the waitlist, Wait" }).waitFor();
    await screenshot(applicant, 'apply-08-phone-waitlisted');
  });

  it('shows a clear page for a closed or unknown program', async () => {
    await applicant.goto('/apply/no-such-program');
    await applicant.getByRole('heading', { name: 'This application page is closed' }).waitFor();
    await screenshot(applicant, 'apply-09-phone-closed');
  });
});
