// The chat app end to end, as a person would use it: a real backend, the app's functions
// deployed by the `selfhost` CLI, the app built by Vite and served, and two headless Chromium
// pages — a message sent in one appears in the other. Needs Debian's Chromium
// (`apt-get install chromium`; CHROMIUM_PATH overrides /usr/bin/chromium).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBackend, type BackendProcess } from './support/start-backend.ts';
import { runSelfhost } from './support/run-selfhost.ts';

const appDir = path.resolve(import.meta.dirname, '..');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

let backend: BackendProcess;
let outDir: string;
let server: PreviewServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  backend = await startBackend();
  await runSelfhost(['deploy', '--url', backend.url, '--admin-key', backend.adminKey]);
  // Built for this backend: Vite inlines VITE_CONVEX_URL, as in `VITE_CONVEX_URL=… vite build`.
  outDir = await mkdtemp(path.join(tmpdir(), 'selfhost-chat-dist-'));
  process.env['VITE_CONVEX_URL'] = backend.url;
  await build({ root: appDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    root: appDir,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await backend?.stop();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

async function openChat(name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${name}: ${message.text()}`);
  });
  await page.goto(server.resolvedUrls?.local[0] ?? '');
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByText('connected', { exact: true }).waitFor();
  return page;
}

async function send(page: Page, body: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');

describe('chat example', () => {
  test('a message sent in one page appears in the other, and the reply comes back', async () => {
    const ada = await openChat('Ada');
    const grace = await openChat('Grace');

    await send(ada, 'Hello from Ada');
    await messages(grace).filter({ hasText: 'Hello from Ada' }).waitFor();
    expect(await messages(grace).last().textContent()).toBe('AdaHello from Ada');

    await send(grace, 'Hi Ada!');
    await messages(ada).filter({ hasText: 'Hi Ada!' }).waitFor();
    expect(await messages(ada).allTextContents()).toEqual(['AdaHello from Ada', 'GraceHi Ada!']);
    // Ada's own message is marked as hers and no longer pending.
    await expect
      .poll(() => messages(ada).first().getAttribute('class'), { timeout: 10_000 })
      .toBe('mine');
    expect(pageErrors).toEqual([]);
  });

  test('an empty message is refused with the server’s message', async () => {
    const page = await openChat('Lin');
    await send(page, '   ');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('A message cannot be empty.');
  });
});
