// Strict semantic versions (semver.org 2.0, as Rust's `semver` crate reads them): no leading
// zeros, optional `-prerelease` and `+build`. Enough to parse `Convex-Client` headers and to
// compare client versions against feature thresholds.

const SEMVER =
  /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/**
 * A parsed semantic version.
 *
 * @example
 * ```ts
 * const version: Semver = { major: 1, minor: 45, patch: 0, prerelease: [], build: [] };
 * ```
 */
export type Semver = {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
};

/**
 * Parses a semantic version, or returns `undefined` when `text` is not one.
 *
 * @example
 * ```ts
 * parseSemver('1.28.0-alpha.1')?.prerelease; // ['alpha', '1']
 * parseSemver('1.2.3.4'); // undefined
 * ```
 */
export function parseSemver(text: string): Semver | undefined {
  const match = SEMVER.exec(text);
  if (match === null) return undefined;
  const prerelease = match[4] === undefined ? [] : match[4].split('.');
  if (prerelease.some((id) => /^0\d+$/.test(id))) return undefined;
  return Object.freeze({
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: Object.freeze(prerelease),
    build: Object.freeze(match[5] === undefined ? [] : match[5].split('.')),
  });
}

/**
 * Orders two versions by semver precedence (build metadata is ignored; a prerelease sorts
 * before its release).
 *
 * @example
 * ```ts
 * compareSemver(parseSemver('1.4.1-rc.1')!, parseSemver('1.4.1')!); // -1
 * ```
 */
export function compareSemver(a: Semver, b: Semver): -1 | 0 | 1 {
  const core = sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return sign(b.prerelease.length - a.prerelease.length);
  }
  const length = Math.min(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const order = compareIdentifier(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return order;
  }
  return sign(a.prerelease.length - b.prerelease.length);
}

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
