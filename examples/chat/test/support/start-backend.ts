import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const backendBin = path.resolve(
  import.meta.dirname,
  '../../../../apps/backend/bin/selfhost-backend.js',
);

/**
 * A selfhost backend process on free loopback ports, with its own data directory.
 *
 * @example
 * ```ts
 * await using backend = await startBackend();
 * ```
 */
export interface BackendProcess extends AsyncDisposable {
  readonly url: string;
  readonly adminKey: string;
  stop(): Promise<void>;
}

/**
 * Starts this repository's backend executable and reads its API port and admin key from the
 * start-up banner.
 *
 * @example
 * ```ts
 * const backend = await startBackend();
 * ```
 */
export async function startBackend(): Promise<BackendProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-chat-'));
  const child = spawn(
    process.execPath,
    [
      backendBin,
      ...['--interface', '127.0.0.1', '--port', '0', '--site-proxy-port', '0'],
      ...['--data-dir', dataDir, '--disable-beacon'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, adminKey } = await new Promise<{ url: string; adminKey: string }>(
      (resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const port = /API and sync:.*listening on [^:]+:(\d+)/.exec(output)?.[1];
          const adminKey = /admin key:\s+(\S+)/.exec(output)?.[1];
          if (port !== undefined && adminKey !== undefined)
            resolve({ url: `http://127.0.0.1:${port}`, adminKey });
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', () => reject(new Error(`the backend exited:\n${output}`)));
        timer = setTimeout(
          () => reject(new Error(`the backend did not start:\n${output}`)),
          60_000,
        );
      },
    );
    return { url, adminKey, stop, [Symbol.asyncDispose]: stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
