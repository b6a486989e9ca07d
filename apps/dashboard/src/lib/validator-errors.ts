import { jsonToConvex, type Value, type ValidatorJSON } from '@selfhost/client/values';
import { unreachable } from './unreachable.ts';
import { formatValue, typeLabel } from './format-value.ts';

/** One problem of a value against a validator, at a path such as `tags[2]` or `author.name`. */
export type ValidatorProblem = { path: string; message: string };

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * Checks a value against a validator in its JSON form (compat §4.4) and lists every problem —
 * what the dashboard shows inline before a document or the arguments are sent. Ids are checked
 * to be strings only: which table an id belongs to is for the server to say.
 *
 * @example
 * validatorProblems({ type: 'object', value: { n: { fieldType: { type: 'number' }, optional: false } } }, {});
 * // [{ path: 'n', message: 'Missing required field "n"' }]
 */
export function validatorProblems(validator: ValidatorJSON, value: Value | undefined, path = ''): ValidatorProblem[] {
  const at = (message: string): ValidatorProblem[] => [{ path, message }];
  const expect = (ok: boolean, what: string) => (ok ? [] : at(`Expected ${what}, got ${describe(value)}`));
  switch (validator.type) {
    case 'any':
      return value === undefined ? at('Expected a value') : [];
    case 'null':
      return expect(value === null, 'null');
    case 'number':
      return expect(typeof value === 'number', 'a number (float64)');
    case 'bigint':
      return expect(typeof value === 'bigint', 'a bigint (int64, written like 12n)');
    case 'boolean':
      return expect(typeof value === 'boolean', 'a boolean');
    case 'string':
      return expect(typeof value === 'string', 'a string');
    case 'bytes':
      return expect(value instanceof ArrayBuffer, 'bytes');
    case 'commitTs':
      return expect(typeof value === 'bigint', 'a commit timestamp (int64)');
    case 'id':
      return expect(typeof value === 'string', `an id of table "${validator.tableName}"`);
    case 'literal': {
      const literal = jsonToConvex(validator.value);
      return expect(value === literal, formatValue(literal));
    }
    case 'array':
      if (!Array.isArray(value)) return expect(false, 'an array');
      return value.flatMap((item, i) => validatorProblems(validator.value, item, `${path}[${i}]`));
    case 'object': {
      if (!isObject(value)) return expect(false, 'an object');
      const problems: ValidatorProblem[] = [];
      for (const [key, field] of Object.entries(validator.value)) {
        if (value[key] === undefined) {
          if (!field.optional) problems.push({ path: join(path, key), message: `Missing required field "${key}"` });
          continue;
        }
        problems.push(...validatorProblems(field.fieldType, value[key], join(path, key)));
      }
      for (const key of Object.keys(value)) {
        if (!(key in validator.value) && !key.startsWith('_')) problems.push({ path: join(path, key), message: `Unexpected field "${key}"` });
      }
      return problems;
    }
    case 'record': {
      if (!isObject(value)) return expect(false, 'an object (record)');
      return Object.entries(value).flatMap(([key, item]) => validatorProblems(validator.values.fieldType, item, join(path, key)));
    }
    case 'union': {
      const results = validator.value.map((member) => validatorProblems(member, value, path));
      if (results.some((problems) => problems.length === 0)) return [];
      // The member that got furthest (fewest problems) explains best what is wrong.
      const closest = results.reduce((best, problems) => (problems.length < best.length ? problems : best), results[0] ?? []);
      return closest.length === 1 && closest[0]?.path === path ? at(`Matches none of the ${results.length} allowed types (got ${describe(value)})`) : closest;
    }
    default:
      return unreachable(validator);
  }
}

function isObject(value: Value | undefined): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ArrayBuffer);
}

function describe(value: Value | undefined): string {
  const label = typeLabel(value);
  if (value === undefined || value === null || isObject(value) || Array.isArray(value)) return label;
  const text = formatValue(value);
  return `${label} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
