// The dashboard end to end: the built app (`next start`) in headless Chromium against a real
// backend with a fixture app deployed by the official convex CLI. `pnpm test:e2e` builds first.
// SELFHOST_E2E_NO_DEPLOY=1 skips what needs a deployed app (for backends that cannot deploy yet);
// SELFHOST_E2E_BACKEND_URL + SELFHOST_E2E_ADMIN_KEY use a backend that is already running (then
// the backend-down test, which stops and restarts the backend, is skipped).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deployFixture } from './support/deploy-fixture.ts';
import { freePort } from './support/free-port.ts';
import { startBackend, type BackendProcess } from './support/start-backend.ts';
import { startDashboard } from './support/start-dashboard.ts';

const deploys = process.env.SELFHOST_E2E_NO_DEPLOY !== '1';
const externalUrl = process.env.SELFHOST_E2E_BACKEND_URL;
const externalKey = process.env.SELFHOST_E2E_ADMIN_KEY ?? '';
const screenshots = path.resolve(import.meta.dirname, '..', 'test-results', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

let dataDir: string;
let backend: BackendProcess;
let dashboard: Awaited<ReturnType<typeof startDashboard>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function login(deploymentUrl: string, adminKey: string): Promise<void> {
  await page.goto(`${dashboard.url}/`);
  await page.getByLabel('Deployment URL').fill(deploymentUrl);
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function logout(): Promise<void> {
  await page.evaluate(() => window.localStorage.clear());
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-dashboard-e2e-'));
  backend =
    externalUrl === undefined
      ? await startBackend({ dataDir, port: 0 })
      : { url: externalUrl, port: Number(new URL(externalUrl).port), adminKey: externalKey, process: null };
  dashboard = await startDashboard(backend.url);
  if (deploys) await deployFixture(backend.url, backend.adminKey);
  browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.process.stop();
  await backend?.process?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  test('a wrong admin key gets a clear message', async () => {
    await login(backend.url, 'convex-self-hosted|0123456789abcdef');
    await expect.poll(() => page.locator('.login [role=alert]').textContent()).toContain('refused the admin key');
    await shoot('login-wrong-key');
    consoleErrors.length = 0; // the browser itself logs the 401 of the refused check
  });

  test('an unreachable backend gets a clear message', async () => {
    await login(`http://127.0.0.1:${await freePort()}`, backend.adminKey);
    await expect.poll(() => page.locator('.login [role=alert]').textContent()).toContain('Cannot reach the backend');
    await shoot('login-unreachable');
    consoleErrors.length = 0; // the failed fetch is logged by the browser itself
  });

  test('logs in, and every page renders without console errors', async () => {
    await login(backend.url, backend.adminKey);
    await page.waitForURL('**/health');
    await page.getByText('Backend version').waitFor();
    await expect.poll(() => page.locator('.card .value').first().textContent()).not.toBe('…');
    for (const name of ['health', 'data', 'schema', 'functions', 'logs', 'settings']) {
      await page.goto(`${dashboard.url}/${name}`);
      await page.locator('main').waitFor();
      await page.waitForTimeout(500);
      await shoot(name);
    }
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('opens a table, adds and edits a document, and shows a validator error', async () => {
    await page.goto(`${dashboard.url}/data`);
    await page.getByRole('option', { name: /messages/ }).click();
    await page.getByRole('button', { name: '+ Add document' }).click();
    const editor = page.getByLabel('Document');
    await editor.fill('{ author: "ada", body: 42 }');
    await expect.poll(() => page.getByLabel('Problems').textContent()).toContain('Expected a string');
    await shoot('data-validator-error');
    await editor.fill('{ author: "ada", body: "first" }');
    await page.getByRole('button', { name: /^Add/ }).click();
    await page.getByRole('cell', { name: '"first"' }).waitFor();
    await page.getByRole('cell', { name: '"first"' }).dblclick();
    await page.getByLabel('Document').fill('{ author: "ada", body: "edited", likes: 3 }');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('cell', { name: '"edited"' }).waitFor();
    await shoot('data-edited');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('runs a mutation from Functions; the document shows up live in Data and the run in Logs', async () => {
    await page.goto(`${dashboard.url}/data?table=messages`);
    await page.getByRole('cell', { name: '"edited"' }).waitFor();
    // A second tab keeps the data page open while the first runs the mutation.
    const dataTab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await dataTab.goto(`${dashboard.url}/data?table=messages`);
    await dataTab.getByRole('cell', { name: '"edited"' }).waitFor();

    await page.goto(`${dashboard.url}/functions`);
    await page.getByRole('button', { name: /^send/ }).click();
    await page.getByLabel('Arguments').fill('{ author: "grace", body: "from functions" }');
    await page.getByRole('button', { name: /Run mutation/ }).click();
    await page.getByText('Succeeded').waitFor();
    await shoot('functions-ran');

    await dataTab.getByRole('cell', { name: '"from functions"' }).waitFor({ timeout: 15_000 });
    await dataTab.screenshot({ path: path.join(screenshots, 'data-live.png'), fullPage: true });
    await dataTab.close();

    await page.goto(`${dashboard.url}/logs`);
    await page.getByText("'sending'", { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByText('messages:send').first().waitFor();
    await shoot('logs');
    expect(consoleErrors).toEqual([]);
  });

  test('sets an environment variable', async () => {
    await page.goto(`${dashboard.url}/settings`);
    await page.getByRole('button', { name: '+ Add' }).click();
    await page.getByLabel('Variable name').fill('E2E_GREETING');
    await page.getByLabel('Variable value').fill('hello');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'E2E_GREETING' }).waitFor({ timeout: 15_000 });
    await shoot('settings-env');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(externalUrl !== undefined)('shows a banner while the backend is down and recovers when it is back', async () => {
    await page.goto(`${dashboard.url}/health`);
    await page.getByText('Backend version').waitFor();
    await backend.process?.stop();
    await page.getByRole('status').filter({ hasText: /not reachable|Reconnecting/ }).waitFor({ timeout: 30_000 });
    await shoot('backend-down');
    backend = await startBackend({ dataDir, port: backend.port });
    await expect.poll(() => page.getByRole('status').count(), { timeout: 60_000 }).toBe(0);
    await logout();
  });
});
