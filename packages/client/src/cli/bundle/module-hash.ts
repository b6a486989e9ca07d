import { createHash } from 'node:crypto';
import type { ModuleConfig } from '@selfhost/protocol';

/**
 * The hash `get_config_hashes` reports and `unchangedModuleHashes` carries (compat spec §2.3):
 * hex SHA-256 of the module's source bytes followed by its source map's bytes (if any).
 *
 * @example
 * ```ts
 * moduleHash({ path: 'a.js', source: 'x', sourceMap: undefined, environment: 'isolate' }); // '2d71…'
 * ```
 */
export function moduleHash(module: Pick<ModuleConfig, 'source' | 'sourceMap'>): string {
  return createHash('sha256')
    .update(module.source)
    .update(module.sourceMap ?? '')
    .digest('hex');
}
