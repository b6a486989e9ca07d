import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EvaluatedComponentDefinition } from '@selfhost/protocol';
import { findEntryPoints } from '../bundle/entry-points.ts';
import type { ProjectConfig } from '../config/project-config.ts';
import type { ServerPackage } from '../config/server-package.ts';
import type { CodegenInput } from './codegen-input.ts';

/**
 * Gathers {@link CodegenInput} from the functions directory and `convex.json`, with the server's
 * analysis when a push has been started (`null` before: enough for the default, non-static
 * codegen, which needs only the files on disk).
 *
 * @example
 * ```ts
 * const input = codegenInputFromDisk({ functionsDir, config, pkg, analysis: response.analysis[''] ?? null });
 * ```
 */
export function codegenInputFromDisk(options: {
  readonly functionsDir: string;
  readonly config: ProjectConfig;
  readonly pkg: ServerPackage;
  readonly analysis: EvaluatedComponentDefinition | null;
  readonly commonjs?: boolean;
}): CodegenInput {
  const { functionsDir, config } = options;
  return {
    pkg: options.pkg,
    fileType: config.codegen.fileType,
    staticApi: config.codegen.staticApi,
    staticDataModel: config.codegen.staticDataModel,
    commonjs: (options.commonjs ?? false) || config.generateCommonJSApi,
    modulePaths: findEntryPoints(functionsDir).map((file) => path.relative(functionsDir, file)),
    hasSchema:
      existsSync(path.join(functionsDir, 'schema.ts')) ||
      existsSync(path.join(functionsDir, 'schema.js')),
    analysis: options.analysis,
  };
}
