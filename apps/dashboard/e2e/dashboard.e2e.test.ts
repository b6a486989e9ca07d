// The dashboard end to end: the built app (`next start`) in headless Chromium against a real
// backend with a fixture app deployed by the official convex CLI. Part of `pnpm test` (project
// "e2e"); its global setup builds the dashboard first when the build is missing or stale.
// SELFHOST_E2E_NO_DEPLOY=1 skips what needs a deployed app; SELFHOST_E2E_BACKEND_URL +
// SELFHOST_E2E_ADMIN_KEY use a backend that is already running (then the backend-down test,
// which stops and restarts the backend, is skipped).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callMutation } from './support/call-mutation.ts';
import { chromiumPath } from './support/chromium-path.ts';
import { deployFixture } from './support/deploy-fixture.ts';
import { freePort } from './support/free-port.ts';
import { startBackend, type BackendProcess } from './support/start-backend.ts';
import { startDashboard } from './support/start-dashboard.ts';

const deploys = process.env.SELFHOST_E2E_NO_DEPLOY !== '1';
const externalUrl = process.env.SELFHOST_E2E_BACKEND_URL;
const externalKey = process.env.SELFHOST_E2E_ADMIN_KEY ?? '';
const screenshots = path.resolve(import.meta.dirname, '..', 'test-results', 'screenshots');
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
// Without Chromium the suite is skipped outside CI (a developer's machine) and fails in CI.
const runs = existsSync(chromiumPath) || process.env.CI !== undefined;

let dataDir: string;
let backend: BackendProcess;
let dashboard: Awaited<ReturnType<typeof startDashboard>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

/** Collects the console errors and uncaught exceptions of `tab` into `consoleErrors`. */
function watchConsole(tab: Page): void {
  tab.on('console', (message) => {
    // The message's own location names the resource a network error is about.
    if (message.type() === 'error') consoleErrors.push(`${tab.url()}: ${message.text()} (${message.location().url})`);
  });
  tab.on('pageerror', (error) => consoleErrors.push(`${tab.url()}: ${error.message}`));
}

async function shoot(name: string, tab: Page = page): Promise<void> {
  await tab.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Waits until the page's live queries have answered, then checks that no error is shown. */
async function expectSettledWithoutErrors(tab: Page = page): Promise<void> {
  const main = tab.locator('main');
  await main.waitFor();
  await expect.poll(() => main.getByText(/^(Loading|Connecting|Running)\b/).count(), { timeout: 15_000 }).toBe(0);
  expect(await main.locator('.error, [role=alert]').allTextContents()).toEqual([]);
}

async function login(deploymentUrl: string, adminKey: string): Promise<void> {
  await page.goto(`${dashboard.url}/`);
  await page.getByLabel('Deployment URL').fill(deploymentUrl);
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** What each page shows once it has loaded, besides the sidebar. */
const pages: Record<string, (tab: Page) => Promise<void>> = {
  health: async (tab) => {
    await tab.getByText('Backend version').waitFor();
    await expect.poll(() => tab.locator('.card .value').allTextContents()).not.toContain('…');
  },
  data: (tab) => tab.getByRole('listbox', { name: 'Tables' }).getByRole('option', { name: deploys ? /messages/ : /./ }).first().waitFor(),
  schema: (tab) => tab.getByRole('heading', { name: 'Schema' }).waitFor(),
  functions: (tab) => tab.getByRole('button', { name: deploys ? /^send/ : /./ }).first().waitFor(),
  logs: (tab) => tab.getByRole('button', { name: /Pause|Resume/ }).waitFor(),
  settings: async (tab) => {
    await tab.getByRole('heading', { name: 'Environment variables' }).waitFor();
    if (deploys) await tab.getByText('https://issuer.example.com').waitFor();
  },
};

beforeAll(async () => {
  if (!runs) return;
  await mkdir(screenshots, { recursive: true });
  dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-dashboard-e2e-'));
  backend =
    externalUrl === undefined
      ? await startBackend({ dataDir })
      : { url: externalUrl, port: Number(new URL(externalUrl).port), sitePort: 0, adminKey: externalKey, process: null };
  const [started] = await Promise.all([startDashboard(backend.url), deploys ? deployFixture(backend.url, backend.adminKey) : null]);
  dashboard = started;
  browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  // One context, so that every tab shares the session in localStorage.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  watchConsole(page);
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.process.stop();
  await backend?.process?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!runs)('dashboard', () => {
  test('a wrong admin key gets a clear message', async () => {
    // The right shape and instance name, but not signed with this instance's secret.
    const forged = backend.adminKey.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    await login(backend.url, forged);
    await expect.poll(() => page.locator('.login [role=alert]').textContent()).toContain('refused the admin key');
    await login(backend.url, 'convex-self-hosted|0123456789abcdef');
    await expect.poll(() => page.locator('.login [role=alert]').textContent()).toContain('refused the admin key');
    await shoot('login-wrong-key');
    expect(page.url()).toBe(`${dashboard.url}/`);
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
    for (const [name, loaded] of Object.entries(pages)) {
      await page.goto(`${dashboard.url}/${name}`);
      await loaded(page);
      await expectSettledWithoutErrors();
      await shoot(name);
    }
    expect(consoleErrors).toEqual([]);
    // What a browser asks for on any full page load, whatever the page links.
    const favicon = await fetch(`${dashboard.url}/favicon.ico`);
    expect([favicon.status, favicon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
  });

  test.skipIf(!deploys)('opens a table, adds and edits a document, and shows a validator error', async () => {
    await page.goto(`${dashboard.url}/data`);
    await page.getByRole('option', { name: /messages/ }).click();
    await page.waitForURL('**/data?table=messages');
    await page.getByRole('button', { name: '+ Add document' }).click();
    const editor = page.getByRole('textbox', { name: 'Document', exact: true });
    await editor.fill('{ author: "ada", body: 42 }');
    await expect.poll(() => page.getByLabel('Problems').textContent()).toContain('Expected a string');
    await expect.poll(() => page.getByRole('button', { name: /^Add/ }).isDisabled()).toBe(true);
    await shoot('data-validator-error');
    await editor.fill('{ author: "ada", body: "first" }');
    await page.getByRole('button', { name: /^Add/ }).click();
    await page.getByRole('cell', { name: '"first"' }).waitFor();
    await page.getByRole('cell', { name: '"first"' }).dblclick();
    await editor.fill('{ author: "ada", body: "edited", likes: 3 }');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('cell', { name: '"edited"' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '"first"' }).count()).toBe(0);
    await expectSettledWithoutErrors();
    await shoot('data-edited');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('runs a mutation from Functions; the document shows up live in Data and the run in Logs', async () => {
    // A second tab of the same session keeps the data page open while the first runs the mutation.
    const dataTab = await context.newPage();
    watchConsole(dataTab);
    await dataTab.goto(`${dashboard.url}/data?table=messages`);
    await dataTab.getByRole('cell', { name: '"edited"' }).waitFor();

    await page.goto(`${dashboard.url}/functions`);
    await page.getByRole('button', { name: /^send/ }).click();
    await page.getByLabel('Arguments').fill('{ author: "grace", body: "from functions" }');
    await page.getByRole('button', { name: /Run mutation/ }).click();
    await page.getByText('Succeeded').waitFor();
    await expectSettledWithoutErrors();
    await shoot('functions-ran');

    await dataTab.getByRole('cell', { name: '"from functions"' }).waitFor({ timeout: 15_000 });
    await expectSettledWithoutErrors(dataTab);
    await shoot('data-live', dataTab);
    await dataTab.close();

    await page.goto(`${dashboard.url}/logs`);
    await page.getByText("'sending'", { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByText('messages:send').first().waitFor();
    await expectSettledWithoutErrors();
    await shoot('logs-run');
    expect(consoleErrors).toEqual([]);
  });

  test('sets an environment variable', async () => {
    await page.goto(`${dashboard.url}/settings`);
    await page.getByRole('button', { name: '+ Add' }).click();
    await page.getByLabel('Variable name').fill('E2E_GREETING');
    await page.getByLabel('Variable value').fill('hello');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'E2E_GREETING', exact: true }).waitFor({ timeout: 15_000 });
    await expectSettledWithoutErrors();
    await shoot('settings-env');
    if (deploys) {
      // Functions see it at once.
      await page.goto(`${dashboard.url}/functions`);
      await page.getByRole('button', { name: /^greeting/ }).click();
      await page.getByRole('button', { name: /Run query/ }).click();
      await page.getByText('Succeeded').waitFor();
      await expect.poll(() => page.getByLabel('Result').locator('pre').first().textContent()).toBe('"hello"');
    }
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('data: loads more, filters, sorts by index, shows indexes, deletes documents and clears the table', async () => {
    await callMutation(backend.url, 'notes:seed', { count: 60 });
    await page.goto(`${dashboard.url}/data?table=notes`);
    const rows = page.getByRole('table', { name: 'Documents of notes' }).locator('tbody tr');
    const firstNote = async () => /"note (\d+)"/.exec((await rows.first().textContent()) ?? '')?.[1];
    const loaded = (count: number) => page.getByText(new RegExp(`^${count} loaded`)).waitFor({ timeout: 15_000 });
    // Newest first: the last note inserted is 59·7 mod 60 = 53.
    await loaded(50);
    expect(await firstNote()).toBe('53');
    await page.getByRole('button', { name: 'Load more' }).click();
    await loaded(60);

    await page.getByLabel('Sort by index').selectOption('by_n');
    await expect.poll(firstNote).toBe('59');
    await page.getByRole('button', { name: 'Toggle sort order' }).click();
    await expect.poll(firstNote).toBe('0');
    await shoot('data-sorted');

    await page.getByRole('button', { name: 'Indexes', exact: true }).click();
    const indexes = page.getByLabel('Indexes', { exact: true });
    await expect.poll(() => indexes.textContent()).toMatch(/by_n\s*n\s*ready/);
    await shoot('data-indexes');

    await page.getByRole('button', { name: '+ Filter' }).click();
    await page.getByLabel('Filter field').fill('n');
    await page.getByLabel('Filter value').fill('7');
    await page.getByRole('button', { name: 'Apply' }).click();
    await loaded(1);
    expect(await firstNote()).toBe('7');
    await shoot('data-filtered');
    await page.getByRole('button', { name: 'Remove filter' }).click();
    await loaded(50);

    await rows.first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete 1' }).click();
    await page.getByRole('dialog', { name: 'Delete 1 document?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(firstNote).toBe('1');

    await page.getByRole('button', { name: 'Clear table' }).click();
    const clear = page.getByRole('dialog', { name: 'Delete every document of notes?' });
    await clear.getByLabel('Confirmation').fill('notes');
    await clear.getByRole('button', { name: 'Clear table' }).click();
    await page.getByText(/^No documents/).waitFor({ timeout: 15_000 });
    await loaded(0);
    await expectSettledWithoutErrors();
    await shoot('data-cleared');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('functions: shows argument errors and HTTP routes, and runs a query live', async () => {
    await page.goto(`${dashboard.url}/functions`);
    await page.getByRole('button', { name: /^send/ }).click();
    await page.getByLabel('Arguments').fill('{ author: "ada", body: 42 }');
    await expect.poll(() => page.getByLabel('Argument problems').textContent()).toContain('Expected a string');
    expect(await page.getByRole('button', { name: /Run mutation/ }).isDisabled()).toBe(true);
    await shoot('functions-argument-error');

    await page.getByRole('button', { name: /GET \/hello/ }).click();
    await page.getByText('HTTP action route').waitFor();

    await page.getByRole('button', { name: /^list/ }).click();
    await page.getByLabel('Arguments').fill('{ author: "live" }');
    await page.getByLabel('Live', { exact: true }).check();
    const live = page.getByLabel('Live result').locator('pre');
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe('[]');
    await callMutation(backend.url, 'messages:send', { author: 'live', body: 'live body' });
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain('"live body"');
    await expectSettledWithoutErrors();
    await shoot('functions-live');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('logs: pauses and resumes the tail, and filters it', async () => {
    await page.goto(`${dashboard.url}/logs`);
    const lines = page.getByLabel('Log lines');
    await lines.getByText('messages:send').first().waitFor({ timeout: 15_000 });
    const pause = page.getByRole('button', { name: /^(Pause|Resume)/ });
    await pause.click();
    expect(await pause.getAttribute('aria-pressed')).toBe('true');
    await callMutation(backend.url, 'messages:send', { author: 'logs', body: 'while paused' });
    await page.getByRole('button', { name: /^Resume \(\d+ new\)/ }).waitFor({ timeout: 15_000 });
    expect(await lines.getByText('while paused').count()).toBe(0);
    await shoot('logs-paused');
    await pause.click();
    await lines.getByText('while paused').first().waitFor();

    await page.getByLabel('Filter by function').fill('greeting');
    await expect.poll(() => lines.getByText('messages:send').count()).toBe(0);
    await lines.getByText('messages:greeting').first().waitFor();
    await page.getByLabel('Filter by function').fill('');
    await page.getByLabel('Search logs').fill('no line says this');
    await lines.getByText('No lines match the filters.').waitFor();
    await shoot('logs-filtered');
    expect(consoleErrors).toEqual([]);
  });

  test('settings: edits and deletes a variable, and pastes a .env', async () => {
    await page.goto(`${dashboard.url}/settings`);
    const cell = (text: string) => page.getByRole('cell', { name: text, exact: true });
    await page.getByRole('row').filter({ has: cell('E2E_GREETING') }).getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Variable value').fill('hello again');
    await page.getByRole('button', { name: 'Save' }).click();
    await cell('hello again').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Paste .env' }).click();
    await page.getByLabel('.env text').fill('E2E_PASTED_ONE=one\nexport E2E_PASTED_TWO="two words"\n');
    await page.getByRole('button', { name: 'Set 2' }).click();
    await cell('two words').waitFor({ timeout: 15_000 });
    await cell('E2E_PASTED_ONE').waitFor();

    await page.getByRole('button', { name: 'Delete E2E_PASTED_ONE' }).click();
    await expect.poll(() => cell('E2E_PASTED_ONE').count(), { timeout: 15_000 }).toBe(0);
    await expectSettledWithoutErrors();
    await shoot('settings-edited');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('schema: shows validators, and a v.id() field links to its table', async () => {
    await page.goto(`${dashboard.url}/schema`);
    const messages = page.getByLabel('Table messages');
    await messages.getByRole('cell', { name: 'v.string()' }).first().waitFor();
    await messages.getByRole('cell', { name: 'v.id("channels")', exact: true }).waitFor();
    await messages.getByRole('link', { name: 'channels', exact: true }).click();
    await page.waitForURL('**/data?table=channels');
    await expectSettledWithoutErrors();
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(!deploys)('health: counts function calls and failures', async () => {
    await callMutation(backend.url, 'messages:send', { author: 'health', body: 42 }).catch(() => undefined);
    await page.goto(`${dashboard.url}/health`);
    const card = (label: string) => page.locator('.card').filter({ has: page.getByText(label, { exact: true }) }).locator('.value');
    await expect.poll(() => card('Function calls').textContent(), { timeout: 15_000 }).toMatch(/^[1-9]\d*$/);
    await expect.poll(() => card('Function failures').textContent()).toMatch(/^[1-9]\d*$/);
    await shoot('health-counts');
    expect(consoleErrors).toEqual([]);
  });

  test.skipIf(externalUrl !== undefined)('shows a banner while the backend is down and recovers when it is back', async () => {
    await page.goto(`${dashboard.url}/health`);
    await pages.health?.(page);
    await backend.process?.stop();
    await page.getByRole('status').filter({ hasText: /not reachable|Reconnecting/ }).waitFor({ timeout: 30_000 });
    await shoot('backend-down');
    backend = await startBackend({ dataDir, port: backend.port, sitePort: backend.sitePort });
    await expect.poll(() => page.getByRole('status').count(), { timeout: 60_000 }).toBe(0);
    // The data survived the restart and the live grid is back.
    consoleErrors.length = 0; // failed fetches and WebSocket reconnects while the backend was down
    if (deploys) {
      await page.goto(`${dashboard.url}/data?table=messages`);
      await page.getByRole('cell', { name: '"from functions"' }).waitFor({ timeout: 15_000 });
      await expectSettledWithoutErrors();
      expect(consoleErrors).toEqual([]);
    }
  });

  test('logging out returns to the login page', async () => {
    await page.goto(`${dashboard.url}/health`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.goto(`${dashboard.url}/data`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
