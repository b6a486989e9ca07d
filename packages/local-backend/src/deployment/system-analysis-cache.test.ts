import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FunctionRunner } from '@selfhost/function-runner';
import { bundleSystemUdfs, type SystemModule } from '@selfhost/system-udfs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeSystemModules } from './system-analysis-cache.ts';

let dir: string;
let real: FunctionRunner;
let modules: SystemModule[];
let analyses = 0;
/** The real runner, counting how often it analyzes. */
let runner: FunctionRunner;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'selfhost-system-analysis-'));
  real = new FunctionRunner();
  modules = await bundleSystemUdfs();
  runner = {
    analyze: (spec: Parameters<FunctionRunner['analyze']>[0]) => {
      analyses += 1;
      return real.analyze(spec);
    },
  } as unknown as FunctionRunner;
});

afterAll(async () => {
  await real.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('analyzeSystemModules', () => {
  test('analyzes once, then answers from the cache with the same analysis', async () => {
    const cacheDir = path.join(dir, 'once');
    const first = await analyzeSystemModules({ runner, modules, cacheDir });
    expect(Object.keys(first)).toContain('_system/cli/tables.js');
    expect(analyses).toBe(1);
    const second = await analyzeSystemModules({ runner, modules, cacheDir });
    expect(analyses).toBe(1);
    expect(second).toEqual(first);
  });

  test('changed code is analyzed again', async () => {
    const cacheDir = path.join(dir, 'changed');
    await analyzeSystemModules({ runner, modules, cacheDir });
    const before = analyses;
    const changed = modules.map((module, i) => (i === 0 ? { ...module, source: `${module.source}\n// changed` } : module));
    await analyzeSystemModules({ runner, modules: changed, cacheDir });
    expect(analyses).toBe(before + 1);
  });

  test('a damaged cache file is ignored and replaced', async () => {
    const cacheDir = path.join(dir, 'damaged');
    await analyzeSystemModules({ runner, modules, cacheDir });
    const file = path.join(cacheDir, 'system-functions-analysis.json');
    await writeFile(file, '{"key": "x", "modu');
    const before = analyses;
    const analysis = await analyzeSystemModules({ runner, modules, cacheDir });
    expect(analyses).toBe(before + 1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ modules: analysis });
  });
});
