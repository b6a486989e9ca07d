/**
 * A validator in its JSON form (compat spec §4.4), as `exportArgs()` / `exportReturns()`
 * report it.
 *
 * @example
 * ```ts
 * const validator: ValidatorJson = { type: 'object', value: { body: { fieldType: { type: 'string' }, optional: false } } };
 * ```
 */
export type ValidatorJson =
  | { readonly type: 'null' | 'number' | 'bigint' | 'boolean' | 'string' | 'bytes' | 'any' | 'commitTs' }
  | { readonly type: 'literal'; readonly value: unknown }
  | { readonly type: 'id'; readonly tableName: string }
  | { readonly type: 'array'; readonly value: ValidatorJson }
  | { readonly type: 'record'; readonly keys: ValidatorJson; readonly values: { readonly fieldType: ValidatorJson; readonly optional: boolean } }
  | { readonly type: 'object'; readonly value: { readonly [field: string]: { readonly fieldType: ValidatorJson; readonly optional: boolean } } }
  | { readonly type: 'union'; readonly value: readonly ValidatorJson[] };
