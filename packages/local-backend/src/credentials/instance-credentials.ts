import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultInstanceName } from '../config/backend-config.ts';
import { ConfigError } from '../config/config-error.ts';

/** The instance's name and secret: admin keys are minted and checked with them. */
export interface InstanceCredentials {
  readonly instanceName: string;
  readonly instanceSecret: string;
  /** True when this boot generated the secret (print how to get an admin key). */
  readonly generated: boolean;
}

/**
 * Resolves the instance name and secret the way Convex's self-hosted image does: from the
 * settings if given, else from `<dataDir>/credentials/`, else the default name and a fresh
 * random 32-byte secret — which is then saved there (mode 0600) so that keys survive restarts.
 *
 * @example
 * const { instanceName, instanceSecret } = await loadInstanceCredentials('/selfhost/data', {});
 */
/** Where the saved name and secret live inside the data directory. */
export function credentialFiles(dataDir: string): { readonly instanceName: string; readonly instanceSecret: string } {
  const dir = path.join(dataDir, 'credentials');
  return { instanceName: path.join(dir, 'instance_name'), instanceSecret: path.join(dir, 'instance_secret') };
}

export async function loadInstanceCredentials(
  dataDir: string,
  given: { readonly instanceName?: string | undefined; readonly instanceSecret?: string | undefined },
): Promise<InstanceCredentials> {
  const dir = path.join(dataDir, 'credentials');
  const { instanceSecret: secretFile, instanceName: nameFile } = credentialFiles(dataDir);
  const instanceName = given.instanceName ?? (await readTrimmed(nameFile)) ?? defaultInstanceName;
  let instanceSecret = given.instanceSecret ?? (await readTrimmed(secretFile));
  let generated = false;
  if (instanceSecret === undefined) {
    instanceSecret = randomBytes(32).toString('hex');
    generated = true;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(secretFile, `${instanceSecret}\n`, { mode: 0o600 });
    await writeFile(nameFile, `${instanceName}\n`, { mode: 0o600 });
  }
  if (!/^[0-9a-fA-F]{64}$/.test(instanceSecret)) {
    const where = given.instanceSecret !== undefined ? 'INSTANCE_SECRET' : secretFile;
    throw new ConfigError(where, 'must be 64 hexadecimal characters (32 bytes), e.g. the output of `openssl rand -hex 32`');
  }
  return { instanceName, instanceSecret: instanceSecret.toLowerCase(), generated };
}

async function readTrimmed(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
