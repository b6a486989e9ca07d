import type { AnalyzedModule } from '@selfhost/udf-runtime';
import type { JSONValue } from '@selfhost/values';
import type { UdfConfig } from '../config/udf-config.ts';

/**
 * Push-time analysis of a whole module set (compat spec §4.5): the analyzed modules (isolate
 * and Node), the schema, the auth config, the crons and the `udfConfig` the modules were
 * imported with.
 *
 * @example
 * ```ts
 * analysis.modules['messages.js']?.functions.map((fn) => fn.name);
 * ```
 */
export interface DeploymentAnalysis {
  /** By module path (`messages.js`); chunks under `_deps/` are not listed. */
  readonly modules: Readonly<Record<string, AnalyzedModule>>;
  /** The parsed `schema.js` export, or `null`. */
  readonly schema: JSONValue | null;
  /** The parsed `auth.config.js` export (`{providers: [...]}`), or `null`. */
  readonly authConfig: JSONValue | null;
  /** The parsed `crons.js` export (`{identifier: {name, args, schedule}}`), or `null`. */
  readonly crons: JSONValue | null;
  readonly udfConfig: UdfConfig;
}
