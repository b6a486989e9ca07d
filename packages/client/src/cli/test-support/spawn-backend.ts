import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const backendBin = path.resolve(
  import.meta.dirname,
  '../../../../../apps/backend/bin/selfhost-backend.js',
);

/**
 * A real selfhost backend process (`apps/backend/bin/selfhost-backend.js`) on free ports with its
 * own data directory — spawned rather than imported, since the client package may not depend on
 * the server packages.
 *
 * @example
 * ```ts
 * await using backend = await spawnBackend();
 * ```
 */
export interface SpawnedBackend extends AsyncDisposable {
  readonly url: string;
  readonly adminKey: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the backend and waits for its banner (API port and admin key).
 *
 * @example
 * ```ts
 * const backend = await spawnBackend();
 * ```
 */
export async function spawnBackend(): Promise<SpawnedBackend> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'selfhost-cli-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      backendBin,
      '--interface',
      '127.0.0.1',
      '--port',
      '0',
      '--site-proxy-port',
      '0',
      '--data-dir',
      dataDir,
      '--disable-beacon',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let startTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<{ url: string; adminKey: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /API and sync:.*listening on [^:]+:(\d+)/.exec(output)?.[1];
      const adminKey = /admin key:\s+(\S+)/.exec(output)?.[1];
      if (port !== undefined && adminKey !== undefined)
        resolve({ url: `http://127.0.0.1:${port}`, adminKey });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`the backend exited (${code}) before it was ready:\n${output}`)),
    );
    startTimer = setTimeout(
      () => reject(new Error(`the backend did not start in 60 s:\n${output}`)),
      60_000,
    );
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // A backend that does not finish its in-flight work in 10 s is killed.
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let url: string;
  let adminKey: string;
  try {
    ({ url, adminKey } = await ready);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(startTimer);
  }
  return { url, adminKey, output: () => output, stop, [Symbol.asyncDispose]: stop };
}
