// Root `pnpm dev` (tooling/scripts/dev.ts): one command runs the backend and the dashboard in
// development mode, prints both URLs and the admin key, and Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './repo-root.ts';

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

/**
 * The running processes of process group `pgid`, from /proc. Zombies do not count: in a
 * container whose pid 1 does not reap orphans they stay in the table forever.
 */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') members.push(Number(entry));
  }
  return members;
}

async function until<TValue>(
  what: string,
  timeoutMs: number,
  check: () => TValue | undefined | Promise<TValue | undefined>,
  output: () => string,
): Promise<TValue> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. Output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Debian's Chromium (or `CHROMIUM_PATH`); without it the browser step runs only in CI. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const opensBrowser = existsSync(chromiumPath) || process.env.CI !== undefined;

/**
 * Opens the dashboard's login page in headless Chromium and waits, at most `timeoutMs`, until it
 * has logged itself in with the key `pnpm dev` handed it and shows the health page.
 */
async function logsInByItself(dashboardUrl: string, timeoutMs: number): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // `next dev` compiles each page on its first visit, hence the generous bound.
    await page.goto(`${dashboardUrl}/`, { timeout: timeoutMs });
    await page.waitForURL('**/health', { timeout: timeoutMs });
    await page.getByText('Backend version').waitFor({ timeout: timeoutMs });
  } finally {
    await browser.close();
  }
}

let pnpm: ChildProcess | null = null;
let output = '';
let dataDir = '';

/** The process ids of the children dev.ts started ("[dev] backend started (pid 123)"). */
function childPids(): number[] {
  return [...output.matchAll(/\[dev\] \w+ started \(pid (\d+)\)/g)].map((match) =>
    Number(match[1]),
  );
}

afterAll(async () => {
  // Only when the test failed half-way: stop what is left (the children have their own groups).
  const groups = [pnpm?.pid, ...childPids()].filter(
    (pid): pid is number => pid !== undefined && groupMembers(pid).length > 0,
  );
  for (const pid of groups) process.kill(-pid, 'SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('pnpm dev', () => {
  test(
    'starts the backend and the dashboard, prints the URLs and the admin key, logs in, and Ctrl-C stops both',
    { timeout: 300_000 },
    async () => {
      const [port, sitePort, dashboardPort] = [
        await freePort(),
        await freePort(),
        await freePort(),
      ];
      dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-dev-'));
      const args = [
        'dev',
        '--port',
        String(port),
        '--site-port',
        String(sitePort),
        '--dashboard-port',
        String(dashboardPort),
        '--data-dir',
        dataDir,
        '--no-open',
      ];
      // Its own process group, so that SIGINT to the group is what a terminal's Ctrl-C sends.
      const child = spawn('pnpm', args, {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        env: { ...process.env, DISABLE_BEACON: '1' },
      });
      pnpm = child;
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const read = () => output;

      await until(
        'the "Ctrl-C stops both" line',
        120_000,
        () => (output.includes('[dev] Ctrl-C stops both.') ? true : undefined),
        read,
      );
      const dashboardUrl = /\[dev\] +dashboard: +(\S+)/.exec(output)?.[1];
      const backendUrl = /\[dev\] +backend: +(\S+)/.exec(output)?.[1];
      const adminKey = /\[dev\] +admin key: +(\S+)/.exec(output)?.[1] ?? '';
      const pids = childPids();
      expect(dashboardUrl).toBe(`http://127.0.0.1:${dashboardPort}`);
      expect(backendUrl).toBe(`http://127.0.0.1:${port}`);
      expect(adminKey).toMatch(/^convex-self-hosted\|[0-9a-f]+$/);
      expect(pids).toHaveLength(2);
      expect(existsSync(path.join(dataDir, 'db.sqlite3'))).toBe(true);

      // Refused connections are retried for a while: the backend restarts (node --watch) when
      // someone edits its sources meanwhile.
      const get = (url: string, init?: RequestInit) =>
        until(`GET ${url}`, 15_000, () => fetch(url, init).catch(() => undefined), read);
      // The printed key logs in: the dashboard's login check accepts it.
      const check = await get(`${backendUrl}/api/check_admin_key`, {
        headers: { Authorization: `Convex ${adminKey}` },
      });
      expect(check.status).toBe(200);
      expect(await check.json()).toMatchObject({ success: true });
      const forged = adminKey.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
      const refused = await get(`${backendUrl}/api/check_admin_key`, {
        headers: { Authorization: `Convex ${forged}` },
      });
      expect(refused.status).toBe(401);
      // The login page is served, with the backend's URL and key handed to it (it logs in by itself).
      const login = await get(`${dashboardUrl}/`);
      expect(login.status).toBe(200);
      const html = await login.text();
      expect(html).toContain(backendUrl);
      expect(html).toContain(adminKey.split('|')[1]);
      // …and in a browser it does: the login page signs in and lands on the health page.
      if (opensBrowser) await logsInByItself(dashboardUrl!, 90_000);

      process.kill(-child.pid!, 'SIGINT');
      await until(
        'pnpm dev to exit',
        30_000,
        () => (child.exitCode !== null || child.signalCode !== null ? true : undefined),
        read,
      );
      await exited;
      // Every process of pnpm's group and of each child's group has exited (SIGKILL takes a moment).
      for (const pgid of [child.pid!, ...pids]) {
        await until(
          `process group ${pgid} to end`,
          5_000,
          () => (groupMembers(pgid).length === 0 ? true : undefined),
          () => `${output}\nstill running: ${groupMembers(pgid).join(', ')}`,
        );
      }
      expect(output).toContain('[selfhost] stopped');
      expect(output).toContain('[dev] stopped');
      // Both ports are free again.
      await Promise.all(
        [port, dashboardPort].map(
          (free) =>
            new Promise<void>((resolve, reject) => {
              const server = createServer().once('error', reject);
              server.listen(free, '127.0.0.1', () => server.close(() => resolve()));
            }),
        ),
      );
    },
  );
});
