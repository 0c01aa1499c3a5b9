// What the browser journeys share: a real Troupe server on a free port with a fresh database (embedded
// PGlite, or PostgreSQL when TEST_DATABASE_URL is set — see test/harness.ts), Debian's Chromium driven by
// playwright-core, and screenshots saved under .artifacts/e2e.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Services } from '../src/server/http/context';
import { loadEnv } from '../src/server/lib/env';
import { createServices, type RunningServer, startServer } from '../src/server/main';
import { openTestDatabase } from '../test/harness';

export const artifactsDir = fileURLToPath(new URL('../.artifacts/e2e', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface E2eEnvironment {
  baseUrl: string;
  browser: Browser;
  /** The server's services, for arranging data a journey does not create through the UI. */
  services: Services;
  close(): Promise<void>;
}

/** Starts the server on a fresh test database and Chromium. */
export async function startEnvironment(): Promise<E2eEnvironment> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'troupe-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  const env = loadEnv({
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    TROUPE_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'e2e-secret-that-is-long-enough-1234',
  });
  const services = createServices(env, await openTestDatabase());
  let server: RunningServer;
  try {
    server = await startServer(services, { handleSignals: false });
  } catch (error) {
    await services.database.close();
    throw error;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  mkdirSync(artifactsDir, { recursive: true });
  const refused = watchContentSecurityPolicy(browser);
  return {
    baseUrl,
    browser,
    services,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (refused.length > 0)
        throw new Error(`The Content-Security-Policy refused what the app needs:\n${refused.join('\n')}`);
    },
  };
}

/**
 * Collects what the Content-Security-Policy refused in any page of the browser's contexts (Chromium says
 * so on the console), so a journey fails when the policy blocks something the app does.
 */
function watchContentSecurityPolicy(browser: Browser): string[] {
  const refused: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        refused.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
    });
    return context;
  };
  return refused;
}

/**
 * Saves a screenshot of the viewport as .artifacts/e2e/<name>.png. Toasts are hidden so they do not cover
 * the page; `fullPage` suits pages without fixed chrome (the portal).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({
    path: join(artifactsDir, `${name}.png`),
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}
