import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DeploymentAnalysis, FunctionRunner, ModuleConfig } from '@selfhost/function-runner';
import { udfRuntimeBundle } from '@selfhost/udf-runtime';
import { backendVersion } from '../version.ts';

type ModuleAnalyses = DeploymentAnalysis['modules'];

/**
 * The push-time analysis of the built-in system functions, kept in `<data dir>/cache/` between
 * starts: analyzing them imports 30-odd modules into isolates, a fifth of a cold start, and
 * gives the same answer every time the code is the same. The cache is keyed by everything
 * the answer depends on — the bundled modules, the isolates' runtime and the function
 * runner's own files — so new code never reads an old answer. Any problem with the cache
 * (missing, unreadable, unwritable) just means analyzing again.
 *
 * @example
 * const analysis = await analyzeSystemModules({ runner, modules: systemModules, cacheDir: path.join(dataDir, 'cache') });
 */
export async function analyzeSystemModules(deps: {
  readonly runner: FunctionRunner;
  readonly modules: readonly ModuleConfig[];
  readonly cacheDir: string;
}): Promise<ModuleAnalyses> {
  const file = path.join(deps.cacheDir, 'system-functions-analysis.json');
  const key = await cacheKey(deps.modules);
  const cached = await readCache(file, key);
  if (cached !== undefined) return cached;
  // Without source maps: their functions' source positions matter to nobody, and parsing the
  // maps was a third of the analysis (the loaded modules keep them for stack traces).
  const result = await deps.runner.analyze({ modules: deps.modules.map((module) => ({ ...module, sourceMap: undefined })) });
  if (result.status === 'error') throw new Error(`The built-in system functions failed to load: ${result.errorMessage}`);
  await writeCache(file, key, result.analysis.modules);
  return result.analysis.modules;
}

async function cacheKey(modules: readonly ModuleConfig[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`v1\0${backendVersion}\0${process.version}\0`);
  hash.update(udfRuntimeBundle().source);
  for (const module of modules) hash.update(`\0${module.path}\0${module.source}`);
  hash.update(await runnerFingerprint());
  return hash.digest('hex');
}

/** Names, sizes and modification times of the function runner's files (source or build). */
async function runnerFingerprint(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@selfhost/function-runner');
  const root = path.dirname(entry);
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((item) => item.isFile());
  const parts = await Promise.all(
    files.map(async (item) => {
      const full = path.join(item.parentPath, item.name);
      const info = await stat(full);
      return `${path.relative(root, full)}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return parts.sort().join('\n');
}

async function readCache(file: string, key: string): Promise<ModuleAnalyses | undefined> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; modules?: unknown };
    return saved.key === key && typeof saved.modules === 'object' && saved.modules !== null ? (saved.modules as ModuleAnalyses) : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(file: string, key: string, modules: ModuleAnalyses): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ key, modules }));
    await rename(temporary, file);
  } catch {
    // A read-only data directory: analyze again next time.
  }
}
