import * as v from 'valibot';
import { nullishAsUndefined } from '../../nullish-as-undefined.ts';

/**
 * Schema for where a module runs: the isolate or Node (`"use node"`).
 *
 * @example
 * ```ts
 * v.parse(moduleEnvironmentSchema, 'node');
 * ```
 */
export const moduleEnvironmentSchema = v.picklist(['isolate', 'node']);

/**
 * Where a module runs.
 *
 * @example
 * ```ts
 * const environment: ModuleEnvironment = 'isolate';
 * ```
 */
export type ModuleEnvironment = v.InferOutput<typeof moduleEnvironmentSchema>;

/**
 * Schema for a pushed module (spec §2.3): `path` relative to the functions dir with `.js`
 * (`messages.js`, `_deps/ABC.js`), esbuild ESM `source`, optional `sourceMap` JSON text.
 *
 * @example
 * ```ts
 * const module: ModuleConfig = { path: 'messages.js', source: 'export const list = …', environment: 'isolate' };
 * ```
 */
export const moduleConfigSchema = v.object({
  path: v.string(),
  source: v.string(),
  sourceMap: nullishAsUndefined(v.string()),
  environment: moduleEnvironmentSchema,
});

/**
 * A pushed module.
 *
 * @example
 * ```ts
 * const module: ModuleConfig = { path: 'http.js', source: '…', sourceMap: '{"version":3}', environment: 'isolate' };
 * ```
 */
export type ModuleConfig = v.InferOutput<typeof moduleConfigSchema>;

/**
 * Schema for a module the CLI did not re-send because its hash matched (`unchangedModuleHashes`).
 * `sha256` is the hex SHA-256 of `source` followed by `sourceMap`.
 *
 * @example
 * ```ts
 * const unchanged: ModuleHashConfig = { path: 'messages.js', environment: 'isolate', sha256: 'ab12…' };
 * ```
 */
export const moduleHashConfigSchema = v.object({
  path: v.string(),
  environment: moduleEnvironmentSchema,
  sha256: v.string(),
});

/**
 * An unchanged module, by hash.
 *
 * @example
 * ```ts
 * const unchanged: ModuleHashConfig = { path: 'messages.js', environment: 'isolate', sha256: 'ab12…' };
 * ```
 */
export type ModuleHashConfig = v.InferOutput<typeof moduleHashConfigSchema>;

/**
 * Schema for an external npm package of `"use node"` modules.
 *
 * @example
 * ```ts
 * const dependency: NodeDependency = { name: 'sharp', version: '0.33.0' };
 * ```
 */
export const nodeDependencySchema = v.object({
  name: v.string(),
  version: v.string(),
});

/**
 * An external npm package.
 *
 * @example
 * ```ts
 * const dependency: NodeDependency = { name: 'sharp', version: '0.33.0' };
 * ```
 */
export type NodeDependency = v.InferOutput<typeof nodeDependencySchema>;
