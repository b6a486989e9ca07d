import { describe, expect, test, vi } from 'vitest';
import { SETUP_GLOBAL } from '../bridge/setup-global.ts';
import { udfRuntimeBundle } from './udf-runtime-bundle.ts';

describe('udfRuntimeBundle', () => {
  test('is one classic script that defines the setup global, bundled once', () => {
    const bundle = udfRuntimeBundle();
    expect(bundle.source).toContain(SETUP_GLOBAL);
    expect(bundle.source).not.toMatch(/^\s*(import|export)\s/m);
    expect(udfRuntimeBundle()).toBe(bundle);
    expect(bundle.filename).toBe('selfhost:/udf-runtime.js');
  });

  test('can be bundled ahead without blocking, with the same script', async () => {
    vi.resetModules();
    const fresh = await import('./udf-runtime-bundle.ts');
    const preloaded = await fresh.preloadUdfRuntimeBundle();
    expect(fresh.udfRuntimeBundle()).toBe(preloaded);
    expect(preloaded.source).toBe(udfRuntimeBundle().source);
  });
});
