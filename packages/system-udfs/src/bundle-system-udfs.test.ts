import { describe, expect, test } from 'vitest';
import { bundleSystemUdfs } from './bundle-system-udfs.ts';

describe('bundleSystemUdfs', () => {
  test('bundles every CLI and dashboard module under _system/, self-contained', async () => {
    const modules = await bundleSystemUdfs();
    const paths = modules.map((module) => module.path);
    for (const expected of [
      '_system/cli/queryEnvironmentVariables.js',
      '_system/cli/modules.js',
      '_system/cli/tables.js',
      '_system/cli/tableData.js',
      '_system/cli/tableSize.js',
      '_system/cli/queryTable.js',
      '_system/cli/convexUrl.js',
      '_system/frontend/components.js',
    ]) {
      expect(paths).toContain(expected);
    }
    for (const module of modules) {
      // Only relative imports between the bundled modules: no npm specifiers, no Node built-ins.
      const specifiers = [...module.source.matchAll(/from\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
      for (const specifier of specifiers) expect(specifier, module.path).toMatch(/^\.\.?\//);
      expect(module.sourceMap, module.path).toContain('"mappings"');
    }
  });
});
