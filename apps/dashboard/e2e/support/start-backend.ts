import path from 'node:path';
import { freePort } from './free-port.ts';
import { spawnLogged, type LoggedProcess } from './spawn-logged.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** A backend process started from `apps/backend/bin/selfhost-backend.js`. */
export type BackendProcess = { url: string; port: number; sitePort: number; adminKey: string; process: LoggedProcess | null };

/**
 * Starts the backend executable on `port` and `sitePort` (free ports picked when omitted) with
 * its data in `dataDir`, and reads the admin key from its start-up banner. (The dashboard may
 * import only @selfhost/client, so it runs the executable rather than importing the test
 * helper.) Real ports rather than 0, because the backend derives its canonical URLs, which the
 * dashboard shows, from the configured ports.
 *
 * @example
 * const backend = await startBackend({ dataDir });
 */
export async function startBackend(options: { dataDir: string; port?: number; sitePort?: number }): Promise<BackendProcess> {
  const port = options.port ?? (await freePort());
  const sitePort = options.sitePort ?? (await freePort());
  const logged = spawnLogged(
    process.execPath,
    [
      path.join(repoRoot, 'apps/backend/bin/selfhost-backend.js'),
      '--interface',
      '127.0.0.1',
      '--port',
      String(port),
      '--site-proxy-port',
      String(sitePort),
      '--data-dir',
      options.dataDir,
      '--disable-beacon',
    ],
    { cwd: repoRoot },
  );
  await logged.waitFor(/API and sync:.*listening on /, 60_000);
  const [, adminKey] = await logged.waitFor(/admin key:\s+(\S+)/, 10_000);
  return { url: `http://127.0.0.1:${port}`, port, sitePort, adminKey: adminKey ?? '', process: logged };
}
