import type { EvaluatedComponentDefinition } from '@selfhost/protocol';
import type { ServerPackage } from '../config/server-package.ts';

/**
 * What `_generated/` is made from: the library the app uses, `convex.json`'s codegen settings,
 * the function modules on disk, whether there is a schema, and — after a push was started — the
 * server's analysis of the app (`analysis[""]`), which the static API, the static data model and
 * typed `env` need.
 *
 * @example
 * ```ts
 * const input: CodegenInput = { pkg, fileType: 'js/dts', staticApi: false, staticDataModel: false, commonjs: false, modulePaths: ['messages.ts'], hasSchema: true, analysis: null };
 * ```
 */
export interface CodegenInput {
  readonly pkg: ServerPackage;
  readonly fileType: 'ts' | 'js/dts';
  readonly staticApi: boolean;
  readonly staticDataModel: boolean;
  readonly commonjs: boolean;
  /** Function modules relative to the functions directory (`dir/users.ts`). */
  readonly modulePaths: readonly string[];
  readonly hasSchema: boolean;
  readonly analysis: EvaluatedComponentDefinition | null;
}
