import { ProtocolError } from '../protocol-error.ts';

/**
 * The display types an admin key may be prefixed with (`prod:name|…`). The reference strips
 * `prod:`/`dev:`; for `preview:`/`project:` keys the instance part names a team and project, not
 * an instance.
 *
 * @example
 * ```ts
 * const type: AdminKeyDisplayType = 'prod';
 * ```
 */
export type AdminKeyDisplayType = 'prod' | 'dev' | 'preview' | 'project';

/**
 * The parts of a reference-format admin key, `[<displayType>:]<instanceName>|<hex secret>`.
 *
 * @example
 * ```ts
 * const parts: AdminKeyParts = { instanceName: 'carnitas', displayType: 'prod', secretPart: '0135d8' };
 * ```
 */
export type AdminKeyParts = {
  readonly instanceName: string;
  readonly displayType?: AdminKeyDisplayType;
  readonly secretPart: string;
};

const DISPLAY_TYPES: ReadonlySet<string> = new Set(['prod', 'dev', 'preview', 'project']);

/**
 * Splits an admin key in the reference format (spec §2.9) and checks its shape: a known display
 * type if any, a non-empty instance name, and a non-empty, even-length hex secret. It does not
 * verify the secret (that needs the instance secret and is the server's job). Throws a
 * `ProtocolError` with code `InvalidAdminKey` saying what is wrong.
 *
 * @example
 * ```ts
 * parseAdminKey('prod:carnitas|0135d8');
 * // { instanceName: 'carnitas', displayType: 'prod', secretPart: '0135d8' }
 * parseAdminKey('carnitas'); // throws: the admin key has no "|" …
 * ```
 */
export function parseAdminKey(key: string): AdminKeyParts {
  const bar = key.indexOf('|');
  if (bar === -1)
    throw invalid('the admin key has no "|": expected [prod:|dev:]<instance name>|<hex secret>');
  const instancePart = key.slice(0, bar);
  const secretPart = key.slice(bar + 1);
  const colon = instancePart.indexOf(':');
  let displayType: AdminKeyDisplayType | undefined;
  let instanceName = instancePart;
  if (colon !== -1) {
    const type = instancePart.slice(0, colon).toLowerCase();
    if (!DISPLAY_TYPES.has(type)) {
      throw invalid(
        `unknown display type ${JSON.stringify(instancePart.slice(0, colon))}: expected prod, dev, preview or project`,
      );
    }
    displayType = type as AdminKeyDisplayType;
    instanceName = instancePart.slice(colon + 1);
  }
  if (instanceName.length === 0) throw invalid('the instance name before "|" is empty');
  if (secretPart.length === 0) throw invalid('the secret after "|" is empty');
  const bad = /[^0-9a-fA-F]/.exec(secretPart);
  if (bad !== null) {
    throw invalid(
      `the secret after "|" must be hex, found ${JSON.stringify(bad[0])} at position ${bad.index}`,
    );
  }
  if (secretPart.length % 2 !== 0)
    throw invalid('the secret after "|" has an odd number of hex digits');
  return Object.freeze(
    displayType === undefined
      ? { instanceName, secretPart }
      : { instanceName, displayType, secretPart },
  );
}

function invalid(what: string): ProtocolError {
  return new ProtocolError('InvalidAdminKey', `Invalid admin key: ${what}`);
}
