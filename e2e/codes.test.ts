// The discount-code journey (T2, T6) in Chromium: a manager issues codes for a program's active
// ambassadors (JANE15, ZOEMARTIN15), orders show up with JANE15 from coupon sites, a leak scan raises an
// alert with its reasons, and one click rotates the code (JANE15 → JANE15 plus a random ending).
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConnection, storeOrder } from '../src/server/modules/conversions/conversions.schema';
import { type E2eEnvironment, screenshot, startEnvironment } from './harness';

let env: E2eEnvironment;
let context: BrowserContext;
let page: Page;
let workspaceId = '';
let programId = '';

async function postJson(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: env.baseUrl } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  env = await startEnvironment();
  context = await env.browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});
afterAll(async () => {
  await env?.close();
});

describe('discount codes', () => {
  it('sets up a program with two active ambassadors', async () => {
    const signup = await postJson(context.request, '/api/v1/signup', {
      name: 'Maya Owner',
      email: 'maya@glow.example',
      password: 'correct horse battery',
      workspaceName: 'Glow Skincare',
    });
    workspaceId = signup.workspaces[0].id;
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const program = await postJson(context.request, `${ws}/programs`, {
      name: 'Glow Ambassadors',
      objective: 'sales',
      status: 'active',
      capacity: null,
      tiers: [],
    });
    programId = program.id;
    for (const [name, handle] of [
      ['Jane Doe', 'jane'],
      ['Zoë Martin', 'zoë.martin'],
    ] as const) {
      const person = await postJson(context.request, `${ws}/creators`, {
        name,
        email: `${handle.replace(/\W/g, '')}@example.com`,
        socialAccounts: [{ platform: 'instagram', handle, followers: 8000 }],
      });
      const amb = await postJson(context.request, `${ws}/programs/${programId}/ambassadors`, {
        creatorId: person.id,
        stage: 'prospect',
      });
      for (const to of ['invited', 'applied', 'accepted', 'onboarding', 'active']) {
        await postJson(context.request, `${ws}/ambassadors/${amb.id}/stage`, { to, reason: '' });
      }
    }
  });

  it('issues JANE15-like codes for everyone from the Codes page', async () => {
    await page.goto(`/w/${workspaceId}/programs/${programId}/codes`);
    await page.getByText('No codes yet').waitFor();
    await page.getByRole('button', { name: 'Issue codes for all' }).first().click();
    const table = page.getByRole('table', { name: 'Discount codes' });
    await table.getByText('JANE15', { exact: true }).waitFor();
    await table.getByText('ZOEMARTIN15', { exact: true }).waitFor();
    await screenshot(page, 'codes-issued');
  });

  it('raises a leak alert and rotates the code in one click', async () => {
    const { db } = env.services.database;
    await db.insert(storeConnection).values({
      id: 'stc_e2e_csv',
      workspaceId,
      programId,
      kind: 'csv',
      name: 'CSV imports',
    });
    await db.insert(storeOrder).values(
      Array.from({ length: 12 }, (_, i) => ({
        id: `ord_e2e_${i}`,
        workspaceId,
        programId,
        connectionId: 'stc_e2e_csv',
        externalId: `#10${i}`,
        occurredAt: new Date(Date.now() - (i + 1) * 3_600_000),
        amountMinor: 4500,
        currency: 'USD',
        codes: ['jane15'],
        referrerDomain: i % 3 === 0 ? 'www.retailmenot.com' : null,
      })),
    );
    await page.getByRole('button', { name: 'Scan for leaks' }).click();
    const alerts = page.getByRole('region', { name: 'Leaked-code alerts' });
    await alerts.getByText('JANE15 (Jane Doe) looks leaked').waitFor();
    await alerts.getByText('Redeemed from coupon sites: 4 of 12 redemptions were referred by one.').waitFor();
    expect(await page.getByLabel('1 leak alerts').count()).toBeGreaterThan(0);
    await screenshot(page, 'codes-leak-alert');

    await alerts.getByRole('button', { name: 'Rotate code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate JANE15?' });
    await dialog.getByLabel('Reason (optional, kept with the code)').fill('Posted on RetailMeNot');
    await dialog.getByRole('button', { name: 'Rotate code' }).click();
    // The result line, not the closing dialog (which also says "Tell them their new code."); the new code
    // is the pattern's code with a random four-character ending.
    const result = page.getByText(/^JANE15\s*→\s*JANE15[A-HJ-NP-Z2-9]{4} for Jane Doe\./);
    await result.waitFor();
    const newCode = /JANE15[A-HJ-NP-Z2-9]{4}/.exec((await result.textContent()) ?? '')?.[0];
    expect(newCode).toMatch(/^JANE15[A-HJ-NP-Z2-9]{4}$/);
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Discount codes' });
    await table.getByText(newCode ?? '', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Leaked-code alerts' }).count()).toBe(0);
    await screenshot(page, 'codes-rotated');
  });
});
