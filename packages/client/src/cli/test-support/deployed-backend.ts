import { runSelfhost } from './run-selfhost.ts';
import { spawnBackend, type SpawnedBackend } from './spawn-backend.ts';
import { createTestProject, type FixtureName } from './test-project.ts';

/**
 * Starts a real backend process and deploys a fixture app to it with the `selfhost` CLI (no
 * type check), for tests of the clients against the real server.
 *
 * @example
 * ```ts
 * await using backend = await startDeployedBackend('sync-app');
 * const client = new ConvexClient(backend.url);
 * ```
 */
export async function startDeployedBackend(fixture: FixtureName): Promise<SpawnedBackend> {
  const backend = await spawnBackend();
  try {
    using project = createTestProject(fixture);
    const deployed = await runSelfhost(
      ['deploy', '--url', backend.url, '--admin-key', backend.adminKey, '--typecheck', 'disable'],
      project.dir,
    );
    if (deployed.code !== 0)
      throw new Error(`selfhost deploy of ${fixture} failed:\n${deployed.stderr}`);
    return backend;
  } catch (error) {
    await backend.stop();
    throw error;
  }
}
