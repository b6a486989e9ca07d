import type { ModuleConfig } from '@selfhost/function-runner';
import type { ModuleConfig as WireModuleConfig, ModuleHashConfig } from '@selfhost/protocol';
import { loadModuleBlob } from '../deployment/module-blob-store.ts';
import type { DeploymentRecord } from '../deployment/deployment-record.ts';
import type { Transaction } from '@selfhost/database';
import { HttpError } from '../routing/http-error.ts';
import { moduleHash } from './module-hash.ts';

/** A module of the push with its hash. */
export interface PushedModule extends ModuleConfig {
  readonly hash: string;
}

/**
 * The full module set of a push (compat §2.3 step 1): the modules the CLI sent, plus the ones it
 * named by hash because they did not change (taken from what is deployed), plus `schema.js`.
 * An unchanged module we do not have, or whose hash differs, is a 409 the CLI recovers from by
 * pushing everything.
 *
 * @example
 * const modules = await assembleModules(tx, record, { changed, unchanged, schema });
 */
export async function assembleModules(
  tx: Transaction,
  record: DeploymentRecord | null,
  push: { readonly changed: readonly WireModuleConfig[]; readonly unchanged: readonly ModuleHashConfig[]; readonly schema: WireModuleConfig | null },
): Promise<PushedModule[]> {
  const modules = new Map<string, PushedModule>();
  for (const module of [...push.changed, ...(push.schema ? [push.schema] : [])]) {
    checkModulePath(module.path);
    modules.set(module.path, { path: module.path, source: module.source, sourceMap: module.sourceMap, environment: module.environment, hash: moduleHash(module) });
  }
  const deployed = new Map((record?.modules ?? []).map((module) => [module.path, module]));
  for (const wanted of push.unchanged) {
    const existing = deployed.get(wanted.path);
    if (existing === undefined) {
      throw new HttpError(409, 'MissingExistingModule', `The push refers to module ${wanted.path} as unchanged, but this deployment does not have it. Push again with all modules.`);
    }
    if (existing.hash !== wanted.sha256 || existing.environment !== wanted.environment) {
      throw new HttpError(409, 'ExistingModuleHashConflict', `The push refers to module ${wanted.path} as unchanged, but the deployed one differs (hash or environment). Push again with all modules.`);
    }
    const code = await loadModuleBlob(tx, existing.hash);
    if (code === undefined) throw new HttpError(409, 'MissingExistingModule', `The code of deployed module ${wanted.path} is missing. Push again with all modules.`);
    modules.set(wanted.path, { path: wanted.path, environment: existing.environment, hash: existing.hash, source: code.source, sourceMap: code.sourceMap });
  }
  return [...modules.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Module paths are relative POSIX paths with `.js` whose components follow compat §1.3. */
function checkModulePath(path: string): void {
  const components = path.split('/');
  const valid =
    path.endsWith('.js') &&
    components.every((component) => component.length > 0 && component.length <= 64 && /^[A-Za-z0-9_.]+$/.test(component) && /[A-Za-z0-9]/.test(component) && component !== '..' && component !== '.');
  if (!valid) {
    throw new HttpError(400, 'InvalidModulePath', `Module path "${path}" is not valid: use relative paths of letters, digits, "_" and ".", ending in ".js", each part at most 64 characters.`);
  }
}
