import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalyzedModule, ModuleConfig } from '@selfhost/protocol';

type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  isInternal?: boolean;
  exportArgs?: () => string;
  exportReturns?: () => string;
};

/**
 * A small stand-in for the backend's push-time analysis (compat spec §4.5), for tests: writes
 * the pushed modules to a temporary directory, imports each one in Node and reads its registered
 * functions, the `http.js` routes and the `schema.js` export. Good enough for codegen: it is what
 * both CLIs turn into `_generated/`.
 *
 * @example
 * ```ts
 * const { functions, schema } = await analyzeModules(modules, schemaModule);
 * ```
 */
export async function analyzeModules(
  modules: readonly ModuleConfig[],
  schema: ModuleConfig | null,
): Promise<{
  functions: Record<string, AnalyzedModule>;
  schema: unknown;
  httpRoutes: { method: string; path: string }[] | null;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-analysis-'));
  try {
    await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
    for (const module of [...modules, ...(schema === null ? [] : [schema])]) {
      await mkdir(path.dirname(path.join(dir, module.path)), { recursive: true });
      await writeFile(path.join(dir, module.path), module.source);
      if (module.sourceMap !== undefined)
        await writeFile(path.join(dir, `${module.path}.map`), module.sourceMap);
    }
    const functions: Record<string, AnalyzedModule> = {};
    let httpRoutes: { method: string; path: string }[] | null = null;
    for (const module of modules) {
      if (module.path.startsWith('_deps/') || module.path === 'auth.config.js') continue;
      const exports = (await import(pathToFileURL(path.join(dir, module.path)).href)) as Record<
        string,
        unknown
      >;
      const analyzed: AnalyzedModule = {
        functions: [],
        httpRoutes: null,
        cronSpecs: null,
        sourceMapped: null,
      };
      for (const [name, value] of Object.entries(exports)) {
        const fn = value as RegisteredFunction;
        const udfType =
          fn.isQuery === true
            ? 'Query'
            : fn.isMutation === true
              ? 'Mutation'
              : fn.isAction === true
                ? 'Action'
                : undefined;
        if (udfType === undefined || typeof fn.exportArgs !== 'function') continue;
        analyzed.functions.push({
          name,
          pos: null,
          udfType,
          visibility:
            fn.isPublic === true
              ? { kind: 'public' }
              : fn.isInternal === true
                ? { kind: 'internal' }
                : null,
          args: fn.exportArgs(),
          returns: fn.exportReturns?.() ?? 'null',
        });
      }
      if (module.path === 'http.js') {
        const router = exports['default'] as { getRoutes(): [string, string, unknown][] };
        httpRoutes = router.getRoutes().map(([routePath, method]) => ({ method, path: routePath }));
        analyzed.httpRoutes = httpRoutes.map((route) => ({ route, pos: null }));
      }
      functions[module.path] = analyzed;
    }
    let schemaExport: unknown = null;
    if (schema !== null) {
      const exports = (await import(pathToFileURL(path.join(dir, schema.path)).href)) as {
        default: { export(): string };
      };
      schemaExport = JSON.parse(exports.default.export());
    }
    return { functions, schema: schemaExport, httpRoutes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
