// The bundled fixture apps, built once per test file (bundling takes a few hundred ms).
import path from 'node:path';
import type { ModuleConfig } from '../../src/modules/module-config.ts';
import { bundleConvexApp } from './bundle-convex-app.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

let official: Promise<ModuleConfig[]> | undefined;
let selfhost: Promise<ModuleConfig[]> | undefined;

/**
 * `test/fixtures/app-official`, bundled like `npx convex deploy` bundles it.
 *
 * @example
 * ```ts
 * const modules = await officialAppModules();
 * ```
 */
export function officialAppModules(): Promise<ModuleConfig[]> {
  official ??= bundleConvexApp(path.join(FIXTURES, 'app-official'));
  return official;
}

/**
 * `test/fixtures/app-selfhost`: the same app written against `@selfhost/client/server`.
 *
 * @example
 * ```ts
 * const modules = await selfhostAppModules();
 * ```
 */
export function selfhostAppModules(): Promise<ModuleConfig[]> {
  selfhost ??= bundleConvexApp(path.join(FIXTURES, 'app-selfhost'), { conditions: ['@selfhost/source'] });
  return selfhost;
}

/**
 * The environment variables the fixture apps read (`auth.config.ts`).
 *
 * @example
 * ```ts
 * await TestBackend.start({ modules, environmentVariables: FIXTURE_ENV });
 * ```
 */
export const FIXTURE_ENV: Readonly<Record<string, string>> = Object.freeze({ AUTH_ISSUER: 'https://issuer.example.com' });
