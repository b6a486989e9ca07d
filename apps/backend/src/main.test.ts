import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const bin = path.join(import.meta.dirname, '..', 'bin', 'selfhost-backend.js');

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly apiPort: number;
  readonly sitePort: number;
}

/** Starts the real executable on free ports and waits for its banner (bounded). */
async function startExecutable(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [bin, '--port', '0', '--site-proxy-port', '0', '--disable-beacon', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const api = /listening on [^:]+:(\d+)\)\n[^\n]*HTTP actions:[^\n]*listening on [^:]+:(\d+)/.exec(output);
    if (api) return { child, output: () => output, apiPort: Number(api[1]), sitePort: Number(api[2]) };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`the backend did not start:\n${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-backend-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('selfhost-backend executable', () => {
  test('serves /version on the API port, stops cleanly on SIGTERM', async () => {
    const started = await startExecutable(['--data-dir', await dataDir()]);
    const version = await fetch(`http://127.0.0.1:${started.apiPort}/version`);
    expect(version.status).toBe(200);
    expect(await version.text()).toMatch(/^\d+\.\d+\.\d+/);
    started.child.kill('SIGTERM');
    expect(await exited(started.child)).toBe(0);
    expect(started.output()).toContain('stopped');
  });

  test('prints where it listens and that it generated a secret on first boot', async () => {
    const started = await startExecutable(['--data-dir', await dataDir()]);
    cleanups.push(async () => {
      started.child.kill('SIGKILL');
      await exited(started.child);
    });
    expect(started.output()).toContain('a new instance secret was generated');
    expect(started.output()).toMatch(/HTTP edge/);
  });

  test('refuses a bad setting with a message naming it', async () => {
    const child = spawn(process.execPath, [bin, '--port', 'nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exited(child)).toBe(2);
    expect(output).toContain('--port must be a port number');
  });
});

describe('selfhost-backend start-up failures', () => {
  test('a port in use is reported by number, without a stack trace', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, [bin, '--interface', '127.0.0.1', '--port', String(port), '--site-proxy-port', '0', '--disable-beacon', '--data-dir', await dataDir()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(output).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    expect(output).not.toContain('    at ');
  });
});

describe('generate-admin-key', () => {
  test('mints a key for the saved credentials that the backend printed alongside', async () => {
    const dir = await dataDir();
    const started = await startExecutable(['--data-dir', dir]);
    started.child.kill('SIGTERM');
    await exited(started.child);
    const printed = /admin key:\s+(\S+)/.exec(started.output())?.[1];
    expect(printed).toMatch(/^convex-self-hosted\|[0-9a-f]+$/);
    const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'bin', 'generate-admin-key.js'), '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await exited(child)).toBe(0);
    expect(stdout.trim()).toMatch(/^convex-self-hosted\|[0-9a-f]+$/);
    expect(stdout.trim()).not.toBe(printed);
  });
});
