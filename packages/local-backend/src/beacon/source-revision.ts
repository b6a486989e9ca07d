import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The git commit this backend runs from, for the usage beacon.
 *
 * @example
 * ```ts
 * const revision: SourceRevision = { revision: '3cc3544…', commitTimestamp: '2026-11-26T02:20:00+00:00' };
 * ```
 */
export interface SourceRevision {
  /** The full commit hash, or `unknown`. */
  readonly revision: string;
  /** The commit's time (ISO 8601), or empty. */
  readonly commitTimestamp: string;
}

const UNKNOWN: SourceRevision = Object.freeze({ revision: 'unknown', commitTimestamp: '' });
const sourceDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The revision from `SELFHOST_GIT_REVISION` (and `SELFHOST_GIT_COMMIT_TIMESTAMP`), which images
 * built without the git history set, else from the git checkout the sources live in. Never
 * throws and gives up after a second: the beacon must not depend on git being installed.
 *
 * @example
 * ```ts
 * const { revision } = await sourceRevision(process.env);
 * ```
 */
export async function sourceRevision(env: Readonly<Record<string, string | undefined>>): Promise<SourceRevision> {
  const fromEnv = env['SELFHOST_GIT_REVISION'];
  if (fromEnv !== undefined && fromEnv !== '') return { revision: fromEnv, commitTimestamp: env['SELFHOST_GIT_COMMIT_TIMESTAMP'] ?? '' };
  return await new Promise<SourceRevision>((resolve) => {
    execFile('git', ['-C', sourceDir, 'log', '-1', '--format=%H %cI'], { timeout: 1000 }, (error, stdout) => {
      const [revision, commitTimestamp] = stdout.trim().split(' ');
      if (error !== null || revision === undefined || !/^[0-9a-f]{40}$/.test(revision)) resolve(UNKNOWN);
      else resolve({ revision, commitTimestamp: commitTimestamp ?? '' });
    });
  });
}
