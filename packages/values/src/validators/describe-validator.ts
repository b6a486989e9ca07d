import { jsonToConvex } from '../json/json-to-convex.ts';
import { describeValue } from '../value/describe-value.ts';
import type { JSONValue } from '../value/value.ts';
import type { ValidatorJSON } from './validator-json.ts';

/**
 * Writes a validator's JSON form back as the `v.*` call that builds it, for error messages.
 *
 * @example
 * ```ts
 * describeValidator({ type: 'array', value: { type: 'bigint' } }); // 'v.array(v.int64())'
 * ```
 */
export function describeValidator(json: ValidatorJSON): string {
  switch (json.type) {
    case 'null':
    case 'string':
    case 'boolean':
    case 'bytes':
    case 'any':
    case 'commitTs':
      return `v.${json.type}()`;
    case 'number':
      return 'v.float64()';
    case 'bigint':
      return 'v.int64()';
    case 'literal':
      return `v.literal(${describeLiteral(json.value)})`;
    case 'id':
      return `v.id(${JSON.stringify(json.tableName)})`;
    case 'array':
      return `v.array(${describeValidator(json.value)})`;
    case 'record':
      return `v.record(${describeValidator(json.keys)}, ${describeValidator(json.values.fieldType)})`;
    case 'object': {
      const fields = Object.entries(json.value).map(([name, field]) => {
        const inner = describeValidator(field.fieldType);
        return `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${field.optional ? `v.optional(${inner})` : inner}`;
      });
      return `v.object({${fields.join(', ')}})`;
    }
    case 'union':
      return `v.union(${json.value.map(describeValidator).join(', ')})`;
    default:
      return `<unknown validator ${JSON.stringify(json)}>`;
  }
}

function describeLiteral(value: JSONValue): string {
  try {
    return describeValue(jsonToConvex(value));
  } catch {
    return JSON.stringify(value);
  }
}
