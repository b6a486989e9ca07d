// Loads internals of the official `convex` npm package that its `exports` map does not expose
// (the sync protocol codec and udf path helpers), straight from its published ESM build, so
// tests can use them as an oracle. Test-only: never import this from package code.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The vendored `Long` of the official client (u64 timestamps as two int32 halves). Its
 * `toString()` adds the signed low half, so it is off by 2^32 whenever bit 31 is set: read values
 * with {@link longToBigInt} instead.
 */
export type OfficialLong = { readonly low: number; readonly high: number; toString(): string };

/** The parts of `convex/src/browser/sync/protocol.ts` the tests use. */
export type OfficialProtocol = {
  encodeClientMessage(message: unknown): unknown;
  parseServerMessage(encoded: unknown): Record<string, unknown>;
  u64ToLong(encoded: string): OfficialLong;
  longToU64(raw: OfficialLong): string;
};

/** The parts of `convex/src/browser/sync/udf_path_utils.ts` the tests use. */
export type OfficialUdfPathUtils = { canonicalizeUdfPath(udfPath: string): string };

const convexRoot = path.dirname(createRequire(import.meta.url).resolve('convex/package.json'));

async function load(relativePath: string): Promise<unknown> {
  return import(pathToFileURL(path.join(convexRoot, 'dist/esm', relativePath)).href);
}

/** The official sync protocol codec. */
export async function loadOfficialProtocol(): Promise<OfficialProtocol> {
  return (await load('browser/sync/protocol.js')) as OfficialProtocol;
}

/** The official udf path helpers. */
export async function loadOfficialUdfPathUtils(): Promise<OfficialUdfPathUtils> {
  return (await load('browser/sync/udf_path_utils.js')) as OfficialUdfPathUtils;
}

/** The vendored `Long` class of the official client. */
export type OfficialLongClass = new (low: number, high: number) => OfficialLong;

/** The unsigned value of an official `Long`. */
export function longToBigInt(long: OfficialLong): bigint {
  return (BigInt(long.high >>> 0) << 32n) | BigInt(long.low >>> 0);
}

/** An official `Long` holding `value` (0 ≤ value < 2^64). */
export function bigIntToLong(Long: OfficialLongClass, value: bigint): OfficialLong {
  return new Long(Number(value & 0xffff_ffffn), Number(value >> 32n));
}

/** The official client's vendored `Long`. */
export async function loadOfficialLong(): Promise<OfficialLongClass> {
  return ((await load('vendor/long.js')) as { Long: OfficialLongClass }).Long;
}

/** The version of the installed `convex` package. */
export function officialVersion(): string {
  return (createRequire(import.meta.url)('convex/package.json') as { version: string }).version;
}
