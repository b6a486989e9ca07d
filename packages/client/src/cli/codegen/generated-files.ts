import { apiFiles } from './api-files.ts';
import type { CodegenInput } from './codegen-input.ts';
import { dataModelFiles } from './data-model-files.ts';
import { serverFiles } from './server-files.ts';

/**
 * Every file of `_generated/`, by name: the data model, the server utilities and the API (the
 * official codegen's set and exports).
 *
 * @example
 * ```ts
 * Object.keys(generatedFiles(input)); // ['dataModel.d.ts', 'server.js', 'server.d.ts', 'api.js', 'api.d.ts']
 * ```
 */
export function generatedFiles(input: CodegenInput): Record<string, string> {
  return { ...dataModelFiles(input), ...serverFiles(input), ...apiFiles(input) };
}
