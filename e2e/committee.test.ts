// The committee journey (R5) in Chromium: a program with capacity 1 and a rubric, two applicants, a reviewer
// who scores blind, the owner who scores, sees the aggregate and spread, accepts one applicant and is told
// the second is waitlisted because the program is full; the decision emails land in the outbox.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let ownerContext: BrowserContext;
let reviewerContext: BrowserContext;
let owner: Page;
let reviewer: Page;
let workspaceId = '';
let programId = '';
const applicants = { a: 'Ada Applicant', b: 'Ben Applicant' };
const emails = { a: 'ada.applicant@example.com', b: 'ben.applicant@example.com' };
const password = 'correct horse battery';

async function postJson(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: env.baseUrl } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Scores every criterion of the sheet with `score` (the radios are labelled 1–5 in each criterion group). */
async function scoreAll(page: Page, scores: number[]) {
  const sheet = page.getByRole('region', { name: 'Your scores' });
  const groups = sheet.getByRole('radiogroup');
  await groups.first().waitFor();
  const n = await groups.count();
  expect(n).toBe(scores.length);
  for (let i = 0; i < n; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: String(scores[i]) })
      .check();
}

beforeAll(async () => {
  env = await startEnvironment();
  ownerContext = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 1440, height: 900 },
  });
  ownerContext.setDefaultTimeout(15_000);
  owner = await ownerContext.newPage();
  reviewerContext = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 1440, height: 900 },
  });
  reviewerContext.setDefaultTimeout(15_000);
  reviewer = await reviewerContext.newPage();
});

afterAll(async () => {
  await env?.close();
});

describe('committee review', () => {
  it('sets up a workspace, a reviewer and a program with capacity 1', async () => {
    const signup = await postJson(ownerContext.request, '/api/v1/signup', {
      name: 'Maya Owner',
      email: 'maya@glow.example',
      password,
      workspaceName: 'Glow Skincare',
    });
    workspaceId = signup.workspaces[0].id;
    await postJson(ownerContext.request, `/api/v1/workspaces/${workspaceId}/invitations`, {
      email: 'rui@glow.example',
      role: 'reviewer',
    });
    const outbox = await (await ownerContext.request.get(`/api/v1/workspaces/${workspaceId}/outbox`)).json();
    const token = /\/invitations\/([\w-]+)/.exec(outbox.items[0].text)?.[1];
    expect(token).toBeTruthy();
    await postJson(reviewerContext.request, '/api/v1/signup', {
      name: 'Rui Reviewer',
      email: 'rui@glow.example',
      password,
    });
    await postJson(reviewerContext.request, `/api/v1/invitations/${token}/accept`, {});

    await owner.goto(`/w/${workspaceId}/programs/new`);
    await owner.getByLabel('Program name').fill('Summer Glow');
    await owner.getByLabel('Capacity').fill('1');
    await owner.getByRole('button', { name: 'Create program' }).click();
    await owner.waitForURL(/\/programs\/prg_[a-z0-9]+\/pipeline/);
    programId = /\/programs\/(prg_[a-z0-9]+)\//.exec(owner.url())?.[1] ?? '';

    for (const key of ['a', 'b'] as const) {
      const person = await postJson(ownerContext.request, `/api/v1/workspaces/${workspaceId}/creators`, {
        name: applicants[key],
        email: emails[key],
        country: 'US',
        socialAccounts: [
          { platform: 'instagram', handle: `${key}.glows`, followers: key === 'a' ? 12400 : 8300 },
        ],
      });
      await postJson(
        ownerContext.request,
        `/api/v1/workspaces/${workspaceId}/programs/${programId}/ambassadors`,
        {
          creatorId: person.id,
          stage: 'applied',
        },
      );
    }
  });

  it('gives the program the suggested rubric in the program editor', async () => {
    await owner.goto(`/w/${workspaceId}/programs/${programId}/committee`);
    await owner.getByText('This program has no rubric yet').waitFor();
    await owner.getByRole('link', { name: 'Edit rubric' }).click();
    const section = owner.getByRole('region', { name: 'Committee rubric' });
    await section.getByRole('button', { name: 'Use suggested rubric' }).click();
    await expect.poll(() => section.getByRole('group', { name: /^Criterion \d$/ }).count()).toBe(5);
    // Drop "Professionalism" and move "Brand alignment" first.
    await section.getByRole('button', { name: 'Remove criterion 5' }).click();
    await section.getByRole('button', { name: 'Move criterion 3 up' }).click();
    await section.getByRole('button', { name: 'Move criterion 2 up' }).click();
    expect(await section.getByLabel('Criterion 1 name').inputValue()).toBe('Brand alignment');
    await section.getByRole('button', { name: 'Save rubric' }).click();
    await owner.getByText('Rubric saved').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(owner, 'committee-01-rubric-editor');

    const program = await (
      await ownerContext.request.get(`/api/v1/workspaces/${workspaceId}/programs/${programId}`)
    ).json();
    expect(program.rubric.map((c: { id: string }) => c.id)).toEqual([
      'brand_alignment',
      'audience_fit',
      'content_quality',
      'engagement_authenticity',
    ]);
  });

  it('lets the reviewer score applicant A blind, then reveals the scores', async () => {
    await reviewer.goto(`/w/${workspaceId}/programs/${programId}/committee`);
    const queue = reviewer.getByRole('table', { name: 'Review queue' });
    const rowA = queue.getByRole('row', { name: new RegExp(applicants.a) });
    await rowA.getByText('Hidden until you score').waitFor();
    await screenshot(reviewer, 'committee-02-queue-blind');
    await rowA.getByRole('link', { name: applicants.a }).click();
    await reviewer.getByText('Scores are hidden until you submit yours').waitFor();
    expect(await reviewer.getByRole('region', { name: 'Committee scores' }).count()).toBe(0);
    expect(await reviewer.getByLabel('Aggregate').count()).toBe(0);

    // Submitting with criteria unscored is refused on the page.
    await reviewer.getByRole('button', { name: 'Submit scores' }).click();
    await reviewer.getByText('Score every criterion before submitting.').waitFor();
    await scoreAll(reviewer, [4, 5, 4, 3]);
    await reviewer.getByLabel('Comment').fill('Great audience overlap with our SPF buyers.');
    await screenshot(reviewer, 'committee-03-score-sheet');
    await reviewer.getByRole('button', { name: 'Submit scores' }).click();
    const confirm = reviewer.getByRole('dialog', { name: 'Submit your scores?' });
    await confirm.getByText('cannot be changed after you submit them').waitFor();
    await confirm.getByRole('button', { name: 'Submit scores' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const panel = reviewer.getByRole('region', { name: 'Committee scores' });
    await panel.waitFor();
    // brand 4·2, audience 5·3, content 4·2, engagement 3·2 → 37 / 9 = 4.11
    await panel.getByLabel('Aggregate').getByText('4.11', { exact: true }).waitFor();
    expect(await reviewer.getByRole('region', { name: 'Your scores' }).count()).toBe(0);
    // Reviewers do not decide.
    expect(await reviewer.getByRole('region', { name: 'Decision' }).count()).toBe(0);
  });

  it('lets the owner score A, see the aggregate and spread, and accept A', async () => {
    await owner.goto(`/w/${workspaceId}/programs/${programId}/committee`);
    const rowA = owner
      .getByRole('table', { name: 'Review queue' })
      .getByRole('row', { name: new RegExp(applicants.a) });
    await rowA.getByText('Hidden until you score').waitFor();
    expect(await rowA.getByRole('cell', { name: '1', exact: true }).count()).toBe(1);
    await rowA.getByRole('link', { name: applicants.a }).click();
    await owner.getByText('1 member has scored this applicant.').waitFor();
    expect(await owner.getByText('Great audience overlap').count()).toBe(0);
    await scoreAll(owner, [2, 3, 2, 3]);
    await owner.getByRole('button', { name: 'Submit scores' }).click();
    await owner
      .getByRole('dialog', { name: 'Submit your scores?' })
      .getByRole('button', { name: 'Submit scores' })
      .click();
    const panel = owner.getByRole('region', { name: 'Committee scores' });
    // Owner: (2·2 + 3·3 + 2·2 + 3·2) / 9 = 23/9 = 2.56; reviewer 4.11 → mean 3.33, σ 0.78
    await panel.getByLabel('Aggregate').getByText('3.33', { exact: true }).waitFor();
    await panel.getByText('range 2.56–4.11 · σ 0.78').waitFor();
    await panel.getByText('Great audience overlap with our SPF buyers.').waitFor();
    await panel.getByRole('table', { name: 'Reviews' }).getByText('Rui Reviewer').waitFor();
    await owner.getByRole('region', { name: 'Decision' }).scrollIntoViewIfNeeded();
    await screenshot(owner, 'committee-04-revealed');

    await owner.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Accept' }).click();
    const dialog = owner.getByRole('dialog', { name: `Accept ${applicants.a}?` });
    await dialog.getByText('Summer Glow: 0 of 1 seats taken.').waitFor();
    await dialog.getByLabel('Message to the creator (optional)').fill('We loved your summer routine video.');
    await dialog.getByRole('button', { name: 'Accept and email' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await owner.getByRole('status').getByText('Decision recorded').waitFor();
    await owner.getByText(`The decision email went to ${emails.a}.`).waitFor();
  });

  it('tells the owner that accepting B waitlists them because the program is full', async () => {
    await owner.goto(`/w/${workspaceId}/programs/${programId}/committee`);
    const queue = owner.getByRole('table', { name: 'Review queue' });
    await queue.getByRole('row', { name: new RegExp(applicants.b) }).waitFor();
    expect(await queue.getByRole('row', { name: new RegExp(applicants.a) }).count()).toBe(0);
    await queue.getByRole('link', { name: applicants.b }).click();
    await owner.getByRole('button', { name: 'Abstain and see scores' }).click();
    await owner
      .getByRole('dialog', { name: 'Abstain from scoring?' })
      .getByRole('button', { name: 'Abstain' })
      .click();
    await owner.getByRole('region', { name: 'Committee scores' }).getByText('Abstained').waitFor();

    await owner.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Accept' }).click();
    const dialog = owner.getByRole('dialog', { name: `Accept ${applicants.b}?` });
    await dialog.getByText('Summer Glow: 1 of 1 seats taken.').waitFor();
    await dialog.getByText('The program is full').waitFor();
    await screenshot(owner, 'committee-05-accept-full');
    await dialog.getByRole('button', { name: 'Accept and email' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = owner.getByRole('status');
    await status.getByText('Waitlisted: the program is full').waitFor();
    await status.getByText(/The program is full \(1 of 1 seats taken\)/).waitFor();
    await screenshot(owner, 'committee-06-waitlisted');
  });

  it('shows the decision emails in the outbox', async () => {
    await owner.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Outbox' }).click();
    await owner.getByRole('heading', { name: 'Outbox' }).waitFor();
    await owner.getByText("You're in: welcome to Summer Glow").waitFor();
    await owner.getByText("You're on the waitlist for Summer Glow").waitFor();
    await owner
      .getByRole('button', { name: new RegExp(`^Show message to ${emails.a.replace('.', '\\.')}`) })
      .click();
    await owner.getByText('We loved your summer routine video.').waitFor();
    await screenshot(owner, 'committee-07-outbox');
  });
});
