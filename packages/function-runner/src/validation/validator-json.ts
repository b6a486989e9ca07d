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

/**
 * Writes a validator the way it is written in code (`v.object({body: v.string()})`), for
 * validation error messages.
 *
 * @example
 * ```ts
 * describeValidator({ type: 'array', value: { type: 'string' } }); // 'v.array(v.string())'
 * ```
 */
export function describeValidator(validator: ValidatorJson): string {
  switch (validator.type) {
    case 'null':
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'string':
    case 'bytes':
    case 'any':
      return `v.${validator.type === 'bigint' ? 'int64' : validator.type === 'number' ? 'float64' : validator.type}()`;
    case 'commitTs':
      return 'v.commitTs()';
    case 'literal':
      return `v.literal(${JSON.stringify(validator.value)})`;
    case 'id':
      return `v.id(${JSON.stringify(validator.tableName)})`;
    case 'array':
      return `v.array(${describeValidator(validator.value)})`;
    case 'record':
      return `v.record(${describeValidator(validator.keys)}, ${describeValidator(validator.values.fieldType)})`;
    case 'object': {
      const fields = Object.entries(validator.value).map(([name, field]) => {
        const inner = describeValidator(field.fieldType);
        return `${name}: ${field.optional ? `v.optional(${inner})` : inner}`;
      });
      return `v.object({${fields.join(', ')}})`;
    }
    case 'union':
      return `v.union(${validator.value.map(describeValidator).join(', ')})`;
  }
}
