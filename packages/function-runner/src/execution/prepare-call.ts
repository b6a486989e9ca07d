import type { AnalyzedFunction } from '@selfhost/udf-runtime';
import type { JSONValue } from '@selfhost/values';
import type { FunctionIndex } from '../analysis/function-index.ts';
import type { UdfTransaction } from '../database/udf-transaction.ts';
import { canonicalUdfPath, parseUdfPath, type UdfAddress } from '../modules/udf-path.ts';
import type { IdTableCheck } from '../validation/validate-convex-json.ts';
import { validateConvexJson } from '../validation/validate-convex-json.ts';
import type { ValidatorJson } from '../validation/validator-json.ts';
import { normalizeArgs } from './normalize-args.ts';

const TYPE_NAMES = { query: 'Query', mutation: 'Mutation', action: 'Action' } as const;

// Parsed validators per analyzed function: parsing them on every call is wasted work.
const argsValidators = new WeakMap<AnalyzedFunction, ValidatorJson>();
const returnsValidators = new WeakMap<AnalyzedFunction, ValidatorJson | null>();

function argsValidatorOf(fn: AnalyzedFunction): ValidatorJson {
  let validator = argsValidators.get(fn);
  if (validator === undefined) {
    validator = JSON.parse(fn.args) as ValidatorJson;
    argsValidators.set(fn, validator);
  }
  return validator;
}

function returnsValidatorOf(fn: AnalyzedFunction): ValidatorJson | null {
  let validator = returnsValidators.get(fn);
  if (validator === undefined) {
    validator = JSON.parse(fn.returns) as ValidatorJson | null;
    returnsValidators.set(fn, validator);
  }
  return validator;
}

/**
 * A call that passed the checks before running: the function exists, is visible to the
 * caller, has the requested type, and its arguments match its validator.
 *
 * @example
 * ```ts
 * const call: PreparedCall = { address, path: 'messages:list', fn, argsJson: '{}' };
 * ```
 * @internal
 */
export interface PreparedCall {
  readonly address: UdfAddress;
  readonly path: string;
  readonly fn: AnalyzedFunction;
  /** JSON text of the arguments object. */
  readonly argsJson: string;
}

/**
 * The id check of `v.id(table)` validators: through the transaction when there is one.
 *
 * @example
 * ```ts
 * const check = idCheckOf(transaction);
 * ```
 * @internal
 */
export function idCheckOf(transaction: UdfTransaction | undefined): IdTableCheck | null {
  if (transaction === undefined) return null;
  return (id, table) => {
    try {
      return transaction.normalizeId(table, id, table.startsWith('_')) === id;
    } catch {
      return false;
    }
  };
}

/**
 * Checks a call before running it (compat spec §2.1 and §4.3): lookup, visibility, type,
 * arguments. Returns the function's error message when a check fails.
 *
 * @example
 * ```ts
 * const prepared = prepareCall({ index, path: 'messages:list', udfType: 'query', args: {}, visibility: 'public', transaction });
 * ```
 * @internal
 */
export function prepareCall(input: {
  readonly index: FunctionIndex;
  readonly path: string;
  readonly udfType: 'query' | 'mutation' | 'action';
  readonly args: string | JSONValue;
  readonly visibility: 'public' | 'internal';
  readonly transaction: UdfTransaction | undefined;
}): { readonly ok: true; readonly call: PreparedCall } | { readonly ok: false; readonly path: string; readonly errorMessage: string } {
  const address = parseUdfPath(input.path);
  const path = canonicalUdfPath(address);
  const fn = input.index.find(address);
  const isVisible = fn !== undefined && (input.visibility === 'internal' || fn.visibility?.kind === 'public');
  if (fn === undefined || !isVisible) {
    const errorMessage =
      input.visibility === 'public'
        ? `Could not find public function for '${path}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`
        : `Could not find function for '${path}'. Did you forget to run \`npx convex dev\`?`;
    return { ok: false, path, errorMessage };
  }
  const requested = TYPE_NAMES[input.udfType];
  if (fn.udfType !== requested) {
    return { ok: false, path, errorMessage: `Trying to execute ${path} as ${requested}, but it is defined as ${fn.udfType}.` };
  }
  const args = normalizeArgs(input.args);
  if (!args.ok) return { ok: false, path, errorMessage: `ArgumentValidationError: ${args.reason}` };
  const mismatch = validateConvexJson(args.value, argsValidatorOf(fn), idCheckOf(input.transaction));
  if (mismatch !== null) return { ok: false, path, errorMessage: `ArgumentValidationError: ${mismatch}` };
  return { ok: true, call: { address, path, fn, argsJson: typeof input.args === 'string' && !input.args.trimStart().startsWith('[') ? input.args : JSON.stringify(args.value) } };
}

/**
 * Checks a successful result against the function's `returns` validator; returns the error
 * message when it does not match.
 *
 * @example
 * ```ts
 * checkReturns(fn, '"x"', null); // null when it matches
 * ```
 * @internal
 */
export function checkReturns(fn: AnalyzedFunction, valueJson: string, isIdOf: IdTableCheck | null): string | null {
  if (fn.returns === 'null') return null;
  const validator = returnsValidatorOf(fn);
  if (validator === null) return null;
  const mismatch = validateConvexJson(JSON.parse(valueJson) as JSONValue, validator, isIdOf);
  return mismatch === null ? null : `ReturnsValidationError: ${mismatch}`;
}
