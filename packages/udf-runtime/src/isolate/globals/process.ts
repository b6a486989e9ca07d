import { defineGlobal } from '../define-global.ts';
import { runtimeState } from '../runtime-state.ts';

const missing = new Set<string>();

/**
 * Installs `process`, which only has `env`: the deployment's environment variables. Reads of
 * unset variables give `undefined` and are remembered (push-time analysis reports them for
 * `auth.config.js`); writes stay inside this execution's context.
 *
 * @example
 * ```ts
 * installProcess();
 * process.env.CONVEX_CLOUD_URL;
 * ```
 * @internal
 */
export function installProcess(): void {
  const values: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, runtimeState.env);
  const env = new Proxy(values, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      const value = target[key];
      if (value === undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) missing.add(key);
      return value;
    },
  });
  defineGlobal('process', { env });
}

/**
 * Names of environment variables read while unset, in first-read order.
 *
 * @example
 * ```ts
 * missingEnvVarReads(); // ['AUTH_DOMAIN']
 * ```
 * @internal
 */
export function missingEnvVarReads(): string[] {
  return [...missing];
}
