import path from 'node:path';
import { spawnLogged, type LoggedProcess } from './spawn-logged.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** A backend process started from `apps/backend/bin/selfhost-backend.js`. */
export type BackendProcess = { url: string; port: number; adminKey: string; process: LoggedProcess | null };

/**
 * Starts the backend executable on `port` (0 = any free one) with its data in `dataDir`, and
 * reads the API port and the admin key from its start-up banner. (The dashboard may import only
 * @selfhost/client, so it runs the executable rather than importing the test helper.)
 *
 * @example
 * const backend = await startBackend({ dataDir, port: 0 });
 */
export async function startBackend(options: { dataDir: string; port: number }): Promise<BackendProcess> {
  const logged = spawnLogged(
    process.execPath,
    [
      path.join(repoRoot, 'apps/backend/bin/selfhost-backend.js'),
      '--interface',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--site-proxy-port',
      '0',
      '--data-dir',
      options.dataDir,
      '--disable-beacon',
    ],
    { cwd: repoRoot },
  );
  const [, port] = await logged.waitFor(/API and sync:.*listening on [\d.]+:(\d+)/, 60_000);
  const [, adminKey] = await logged.waitFor(/admin key:\s+(\S+)/, 10_000);
  return { url: `http://127.0.0.1:${port}`, port: Number(port), adminKey: adminKey ?? '', process: logged };
}
