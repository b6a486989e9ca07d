import { encodeTimestamp } from '../timestamp-wire.ts';
import { type StateVersion } from './state-version.ts';
import { type StateModification } from './transition-message.ts';

/**
 * Serializes one Transition modification. A sync server that sends the same query result to many
 * connections encodes it once with this and splices the text into each connection's Transition
 * with {@link encodeTransitionFromParts} (every connection has its own versions).
 *
 * @example
 * ```ts
 * const shared = encodeStateModification({ type: 'QueryUpdated', queryId: 0, value, logLines: [], journal: null });
 * ```
 */
export function encodeStateModification(modification: StateModification): string {
  return JSON.stringify(modification);
}

/**
 * Serializes a Transition whose modifications are already encoded (by
 * {@link encodeStateModification}). The text is exactly what `encodeServerMessage` writes for
 * the same Transition.
 *
 * @example
 * ```ts
 * socket.send(encodeTransitionFromParts({ startVersion, endVersion, modifications: [shared] }));
 * ```
 */
export function encodeTransitionFromParts(parts: {
  readonly startVersion: StateVersion;
  readonly endVersion: StateVersion;
  readonly modifications: readonly string[];
  readonly clientClockSkew?: number | undefined;
  readonly serverTs?: number | undefined;
}): string {
  const { startVersion, endVersion, modifications, clientClockSkew, serverTs } = parts;
  let text =
    `{"type":"Transition","startVersion":${encodeStateVersion(startVersion)},` +
    `"endVersion":${encodeStateVersion(endVersion)},"modifications":[${modifications.join(',')}]`;
  if (clientClockSkew !== undefined)
    text += `,"clientClockSkew":${JSON.stringify(clientClockSkew)}`;
  if (serverTs !== undefined) text += `,"serverTs":${JSON.stringify(serverTs)}`;
  return `${text}}`;
}

function encodeStateVersion(version: StateVersion): string {
  return `{"querySet":${version.querySet},"identity":${version.identity},"ts":"${encodeTimestamp(version.ts)}"}`;
}
