import type { UdfTransaction } from '../database/udf-transaction.ts';
import { classifyDatabaseError } from '../database/classify-database-error.ts';
import { FunctionRunnerError } from '../errors/function-runner-error.ts';
import type { ExecutionEnv } from '../execution/execution-env.ts';

/**
 * The execution's transaction; a query or mutation always has one (the deployment checks
 * before running).
 *
 * @example
 * ```ts
 * const transaction = requireTransaction(env);
 * ```
 * @internal
 */
export function requireTransaction(env: ExecutionEnv): UdfTransaction {
  if (env.transaction === undefined) throw new FunctionRunnerError('INTERNAL', `${env.udfType} ${env.path} runs without a transaction`);
  return env.transaction;
}

/**
 * Runs a transaction call and sorts its failures (developer vs system errors).
 *
 * @example
 * ```ts
 * const doc = await withDatabase(() => transaction.get(id, { isSystem: false }));
 * ```
 * @internal
 */
export async function withDatabase<TResult>(call: () => Promise<TResult>): Promise<TResult> {
  try {
    return await call();
  } catch (error) {
    throw classifyDatabaseError(error);
  }
}

/**
 * The synchronous variant of {@link withDatabase}.
 *
 * @example
 * ```ts
 * const id = withDatabaseSync(() => transaction.normalizeId('users', text, false));
 * ```
 * @internal
 */
export function withDatabaseSync<TResult>(call: () => TResult): TResult {
  try {
    return call();
  } catch (error) {
    throw classifyDatabaseError(error);
  }
}
