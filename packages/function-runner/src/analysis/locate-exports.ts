import type { AnalyzedModule, RawModuleAnalysis, SourcePosition } from '@selfhost/udf-runtime';
import type { ModuleConfig } from '../modules/module-config.ts';
import type { ModuleSet } from '../modules/module-set.ts';

/** Maps `export { local as name }` lists of esbuild output to `name → local`. */
function exportLocals(source: string): Map<string, string> {
  const locals = new Map<string, string>();
  for (const block of source.matchAll(/^export\s*\{([^}]*)\};?$/gm)) {
    for (const entry of (block[1] ?? '').split(',')) {
      const match = /^\s*([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(entry);
      if (match?.[1] !== undefined) locals.set(match[2] ?? match[1], match[1]);
    }
  }
  return locals;
}

function escapeRegExp(text: string): string {
  return text.replace(/[$]/g, '\\$');
}

/** The 1-based line and column where a top-level binding is declared in bundled code. */
function declarationOf(source: string, local: string): { line: number; column: number } | null {
  const name = escapeRegExp(local);
  const pattern = new RegExp(`(?:^(?:var|let|const|function|class)\\s+|^\\s+|,\\s*)(${name})\\s*(?:=|\\()`, 'm');
  const match = pattern.exec(source);
  if (match === null) return null;
  const offset = match.index + match[0].lastIndexOf(local);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * Adds source positions (`pos`) to analyzed functions: finds each export's declaration in
 * the bundled module (esbuild's `export { local as name }` list) and maps it through the
 * module's source map. Best effort: `pos` stays `null` where that fails (the CLI ignores it).
 *
 * @example
 * ```ts
 * const module = locateExports(raw, moduleConfig, modules);
 * module.functions[0]?.pos; // { path: 'messages.js', start_lineno: 12, start_col: 19 }
 * ```
 * @internal
 */
export function locateExports(raw: RawModuleAnalysis, module: ModuleConfig, modules: ModuleSet): AnalyzedModule {
  const locals = exportLocals(module.source);
  const map = modules.sourceMap(module.path);
  const position = (exportName: string): SourcePosition | null => {
    const local = locals.get(exportName);
    if (local === undefined) return null;
    const declared = declarationOf(module.source, local);
    if (declared === null) return null;
    const original = map?.originalPosition(declared.line, declared.column);
    return original ? { path: module.path, start_lineno: original.line, start_col: original.column } : { path: module.path, start_lineno: declared.line, start_col: declared.column };
  };
  return {
    ...raw.module,
    functions: raw.module.functions.map((fn) => ({ ...fn, pos: position(fn.name) })),
  };
}
