import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PERSISTENCE_VERSION } from '@selfhost/database';
import type { BackendConfig } from '../config/backend-config.ts';
import { backendVersion } from '../version.ts';
import { Beacon } from './beacon.ts';
import { sourceRevision, type SourceRevision } from './source-revision.ts';

/**
 * The deployment's usage beacon, or null when `--disable-beacon` / `DISABLE_BEACON` is set. It
 * reports a random id saved in `<data dir>/beacon_id` (nothing about the app or its data), the
 * persistence version, the git revision (see `sourceRevision`), the selfhost version, the uptime
 * and which database and HTTP edge run.
 *
 * @example
 * const beacon = await deploymentBeacon({ config, transport: 'node', log });
 * const running = beacon?.run();
 */
export async function deploymentBeacon(options: {
  readonly config: BackendConfig;
  readonly transport: string;
  readonly log: (line: string) => void;
  /** Where `SELFHOST_GIT_REVISION` is read from; the process environment by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}): Promise<Beacon | null> {
  const { config, transport, log } = options;
  if (!config.beaconEnabled) return null;
  const id = await loadBeaconId(config.dataDir);
  const startedAt = Date.now();
  // Looked up once, when the first post is made: never on the way to serving.
  let revision: Promise<SourceRevision> | undefined;
  return new Beacon({
    url: config.beaconUrl,
    log,
    payload: async () => {
      revision ??= sourceRevision(options.env ?? process.env);
      const { revision: compiledRevision, commitTimestamp } = await revision;
      return {
        database_uuid: id,
        migration_version: PERSISTENCE_VERSION,
        compiled_revision: compiledRevision,
        commit_timestamp: commitTimestamp,
        uptime: Math.round((Date.now() - startedAt) / 1000),
        beacon_tag: 'selfhost',
        beacon_fields: { database: config.database.kind, transport, version: backendVersion },
      };
    },
  });
}

/** The random id of this data directory, made on first use. */
async function loadBeaconId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'beacon_id');
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved !== '') return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomUUID();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${id}\n`);
  return id;
}
