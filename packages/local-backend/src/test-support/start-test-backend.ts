import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../config/read-config.ts';
import { loadInstanceCredentials } from '../credentials/instance-credentials.ts';
import { mintAdminKey } from '../keys/admin-key.ts';
import { startBackend, type RunningBackend } from '../server/start-backend.ts';

/** A backend started for one test, on free loopback ports, with its own data directory. */
export interface TestBackend extends AsyncDisposable {
  readonly backend: RunningBackend;
  /** `http://127.0.0.1:<api port>` */
  readonly url: string;
  /** `http://127.0.0.1:<site port>` */
  readonly siteUrl: string;
  readonly adminKey: string;
  readonly dataDir: string;
  readonly logs: readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts a real backend (real sockets, real storage) for a test. Dispose it with `await using`
 * or call `stop()`; the data directory is removed afterwards.
 *
 * @example
 * await using ctx = await startTestBackend();
 * await fetch(`${ctx.url}/version`);
 */
export async function startTestBackend(env: Readonly<Record<string, string>> = {}): Promise<TestBackend> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-test-'));
  const config = readConfig(['--interface', '127.0.0.1', '--port', '0', '--site-proxy-port', '0', '--data-dir', dataDir, '--disable-beacon'], env);
  const credentials = await loadInstanceCredentials(dataDir, config);
  const logs: string[] = [];
  const backend = await startBackend({ config, credentials, log: (line) => logs.push(line) });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await backend.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return {
    backend,
    url: `http://127.0.0.1:${backend.apiPort}`,
    siteUrl: `http://127.0.0.1:${backend.sitePort}`,
    adminKey: mintAdminKey({ instanceName: credentials.instanceName, instanceSecret: credentials.instanceSecret }),
    dataDir,
    logs,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
