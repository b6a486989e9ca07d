import { ProtocolError } from '../protocol-error.ts';
import { compareSemver, parseSemver } from './semver.ts';

/**
 * Who is calling: the client name (lower-cased: `npm`, `npm-cli`, `python-convex`, `actions`,
 * `dashboard`, …) and its semver version.
 *
 * @example
 * ```ts
 * const caller: ClientVersion = { client: 'npm', version: '1.45.0' };
 * ```
 */
export type ClientVersion = { readonly client: string; readonly version: string };

/**
 * Parses a `Convex-Client` header, `<client>-<semver>`: the version is the longest right-hand
 * `-`-separated suffix that is a valid semver, the client everything before it. Throws a
 * `ProtocolError` with code `InvalidClientVersion` when there is no `-` or no suffix parses.
 *
 * @example
 * ```ts
 * parseConvexClientHeader('npm-1.45.0'); // { client: 'npm', version: '1.45.0' }
 * parseConvexClientHeader('npm-cli-1.45.0'); // { client: 'npm-cli', version: '1.45.0' }
 * parseConvexClientHeader('my-tool-1.2.3-4.5.6-alpha.7'); // { client: 'my-tool', version: '1.2.3-4.5.6-alpha.7' }
 * ```
 */
export function parseConvexClientHeader(value: string): ClientVersion {
  const parts = value.split('-');
  for (let n = 1; n < parts.length; n++) {
    const version = parts.slice(n).join('-');
    if (parseSemver(version) !== undefined) {
      const client = parts.slice(0, n).join('-').toLowerCase();
      if (client.length === 0) break;
      return Object.freeze({ client, version });
    }
  }
  throw new ProtocolError(
    'InvalidClientVersion',
    `Failed to parse client version string: ${JSON.stringify(value)}. Expected format is {client_name}-{semver}, e.g. my-esolang-client-0.0.1`,
  );
}

/**
 * The client version carried by a sync WebSocket path: `/api/<npm version>/sync` identifies an
 * `npm` client; `/api/sync` (or anything else) carries none, and the `Convex-Client` header
 * decides instead.
 *
 * @example
 * ```ts
 * clientVersionFromSyncPath('/api/1.45.0/sync'); // { client: 'npm', version: '1.45.0' }
 * clientVersionFromSyncPath('/api/sync'); // undefined
 * ```
 */
export function clientVersionFromSyncPath(path: string): ClientVersion | undefined {
  const match = /^\/api\/([^/]+)\/sync\/?$/.exec(path);
  if (match === null || parseSemver(match[1]!) === undefined) return undefined;
  return Object.freeze({ client: 'npm', version: match[1]! });
}

/**
 * Whether `clientVersion` is at least `minimum` (a semver). An unparseable version counts as old.
 *
 * @example
 * ```ts
 * isVersionAtLeast({ client: 'npm', version: '1.45.0' }, '1.28.0'); // true
 * ```
 */
export function isVersionAtLeast(clientVersion: ClientVersion, minimum: string): boolean {
  const version = parseSemver(clientVersion.version);
  const threshold = parseSemver(minimum);
  if (threshold === undefined)
    throw new RangeError(`${JSON.stringify(minimum)} is not a semver version`);
  return version !== undefined && compareSemver(version, threshold) >= 0;
}

/**
 * Whether a client understands `TransitionChunk` (npm ≥ 1.28.0, spec §6). Never send chunks to
 * anyone else: unknown message types crash old clients.
 *
 * @example
 * ```ts
 * supportsTransitionChunks({ client: 'npm', version: '1.27.9' }); // false
 * ```
 */
export function supportsTransitionChunks(clientVersion: ClientVersion): boolean {
  return clientVersion.client === 'npm' && isVersionAtLeast(clientVersion, '1.28.0');
}
