import path from 'node:path';
import { freePort } from './free-port.ts';
import { productionEnv } from './production-env.ts';
import { spawnLogged, type LoggedProcess } from './spawn-logged.ts';

const dashboardDir = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts the built dashboard (`next start`, after `next build`) on a free port, pointed at
 * `deploymentUrl` by default.
 *
 * @example
 * const dashboard = await startDashboard('http://127.0.0.1:3210');
 */
export async function startDashboard(deploymentUrl: string): Promise<{ url: string; process: LoggedProcess }> {
  const port = await freePort();
  const logged = spawnLogged(path.join(dashboardDir, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dashboardDir,
    env: productionEnv({ NEXT_PUBLIC_DEPLOYMENT_URL: deploymentUrl, PORT: String(port) }),
  });
  await logged.waitFor(/Ready in|started server|Local:/i, 60_000);
  return { url: `http://127.0.0.1:${port}`, process: logged };
}
