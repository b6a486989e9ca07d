import type { Transaction } from '@selfhost/database';
import type { AnalyzedModule, UdfConfig } from '@selfhost/function-runner';
import type { JSONValue } from '@selfhost/values';
import { indexQuery } from './system-query.ts';

/** One deployed module: where its code is (`hash` into `_module_blobs`) and its analysis. */
export interface StoredModule {
  readonly path: string;
  readonly environment: 'isolate' | 'node';
  /** Hex SHA-256 of source followed by source map, as the CLI computes it. */
  readonly hash: string;
  /** Null for chunks under `_deps/`, which export no functions. */
  readonly analysis: AnalyzedModule | null;
}

/** What is deployed: persisted in `_modules` and `_deployment`, replaced atomically by a push. */
export interface DeploymentRecord {
  readonly modules: readonly StoredModule[];
  readonly udfConfig: UdfConfig;
  readonly schema: JSONValue | null;
  readonly authConfig: JSONValue | null;
  readonly crons: JSONValue | null;
  /** Milliseconds since the epoch. */
  readonly pushedAt: number;
}

/**
 * The current deployment record, or null before the first push.
 *
 * @example
 * const record = await readDeploymentRecord(tx);
 */
export async function readDeploymentRecord(tx: Transaction): Promise<DeploymentRecord | null> {
  const header = await tx.query(indexQuery('_deployment', 'by_creation_time')).first();
  if (header === null) return null;
  const rows = await tx.query(indexQuery('_modules', 'by_path')).collect();
  const value = header.value;
  return {
    modules: rows.map((row) => ({
      path: row.value['path'] as string,
      environment: row.value['environment'] as 'isolate' | 'node',
      hash: row.value['sha256'] as string,
      analysis: row.value['analysis'] === null ? null : (JSON.parse(row.value['analysis'] as string) as AnalyzedModule),
    })),
    udfConfig: JSON.parse(value['udfConfig'] as string) as UdfConfig,
    schema: parseNullable(value['schema']),
    authConfig: parseNullable(value['authConfig']),
    crons: parseNullable(value['crons']),
    pushedAt: value['pushedAt'] as number,
  };
}

/**
 * Replaces the deployment record inside `tx` (the push's commit). `_modules` keeps the
 * analysis twice: flattened (`functions`, `httpRoutes`) for the system functions that list
 * them, and whole (`analysis`) to reload the deployment exactly.
 *
 * @example
 * await writeDeploymentRecord(tx, record);
 */
export async function writeDeploymentRecord(tx: Transaction, record: DeploymentRecord): Promise<void> {
  for (const row of await tx.query(indexQuery('_modules', 'by_path')).collect()) await tx.delete(row.id, { system: true });
  for (const module of record.modules) {
    await tx.insert(
      '_modules',
      {
        path: module.path,
        environment: module.environment,
        sha256: module.hash,
        functions: (module.analysis?.functions ?? []).map((fn) => ({ name: fn.name, udfType: fn.udfType, visibility: fn.visibility, args: fn.args, returns: fn.returns })),
        httpRoutes: module.analysis?.httpRoutes?.map((route) => ({ method: route.route.method, path: route.route.path })) ?? null,
        analysis: module.analysis === null ? null : JSON.stringify(module.analysis),
      },
      { system: true },
    );
  }
  const header = {
    udfConfig: JSON.stringify(record.udfConfig),
    schema: stringifyNullable(record.schema),
    authConfig: stringifyNullable(record.authConfig),
    crons: stringifyNullable(record.crons),
    pushedAt: record.pushedAt,
    udfServerVersion: record.udfConfig.serverVersion,
  };
  const existing = await tx.query(indexQuery('_deployment', 'by_creation_time')).first();
  if (existing === null) await tx.insert('_deployment', header, { system: true });
  else await tx.replace(existing.id, header, { system: true });
}

function parseNullable(value: unknown): JSONValue | null {
  return typeof value === 'string' ? (JSON.parse(value) as JSONValue) : null;
}

function stringifyNullable(value: JSONValue | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
