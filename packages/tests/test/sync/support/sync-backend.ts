import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBackendProcess, type BackendProcess } from '../../support/backend-process.ts';
import { deploySyncApp } from './sync-app.ts';

/** A backend process with the sync fixture app deployed; dispose it with `await using`. */
export interface SyncBackend extends AsyncDisposable {
  readonly process: BackendProcess;
  /** `http://127.0.0.1:<api port>`, the deployment URL clients take. */
  readonly url: string;
  readonly adminKey: string;
  /** `ws://127.0.0.1:<api port>/api/1.48.0/sync` */
  readonly syncUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the backend executable (`apps/backend`, real sockets, SQLite in a temporary data
 * directory) and pushes `test/sync/fixture-app` with the official CLI.
 *
 * @example
 * const backend = await startSyncBackend();
 * const client = new ConvexClient(backend.url);
 */
export async function startSyncBackend(): Promise<SyncBackend> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-sync-'));
  let backend: BackendProcess;
  try {
    backend = await startBackendProcess({ dataDir });
    await deploySyncApp(backend);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await backend.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
  return {
    process: backend,
    url: backend.url,
    adminKey: backend.adminKey,
    syncUrl: `${backend.url.replace(/^http/, 'ws')}/api/1.48.0/sync`,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/**
 * Waits (bounded) until `check` returns a value other than undefined.
 *
 * @example
 * const last = await eventually(() => seen.at(-1)?.length === 3 ? seen.at(-1) : undefined);
 */
export async function eventually<TValue>(
  check: () => TValue | undefined,
  timeoutMs = 15_000,
): Promise<TValue> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
