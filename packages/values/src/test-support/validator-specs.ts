// A plain-data description of validator trees, so the same tree can be built with our `v` and with
// the one of convex/values and the results compared (test support, not part of the build).
import fc from 'fast-check';
import type { Value } from '../value/value.ts';
import { float64Arbitrary, int64Arbitrary, stringArbitrary } from './arbitraries.ts';

export type KeySpec =
  | { readonly kind: 'string' }
  | { readonly kind: 'id'; readonly table: string }
  | { readonly kind: 'union'; readonly members: readonly KeySpec[] };

export type ValidatorSpec =
  | {
      readonly kind:
        | 'null'
        | 'number'
        | 'float64'
        | 'bigint'
        | 'int64'
        | 'boolean'
        | 'string'
        | 'bytes'
        | 'any'
        | 'commitTs';
    }
  | { readonly kind: 'id'; readonly table: string }
  | { readonly kind: 'literal'; readonly value: string | number | bigint | boolean }
  | { readonly kind: 'array'; readonly element: ValidatorSpec }
  | {
      readonly kind: 'object';
      readonly fields: readonly (readonly [string, ValidatorSpec, boolean])[];
    }
  | { readonly kind: 'record'; readonly key: KeySpec; readonly value: ValidatorSpec }
  | { readonly kind: 'union'; readonly members: readonly ValidatorSpec[] }
  | { readonly kind: 'nullable'; readonly inner: ValidatorSpec };

/** The parts of a `v` builder the specs use (ours and the official one both fit). */
export interface Builder {
  id(table: string): unknown;
  literal(value: string | number | bigint | boolean): unknown;
  array(element: never): unknown;
  object(fields: never): unknown;
  record(key: never, value: never): unknown;
  union(...members: never[]): unknown;
  nullable(inner: never): unknown;
  optional(inner: never): unknown;
  [simple: string]: unknown;
}

export const identifierArbitrary: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
  .filter((name) => !/^_+$/.test(name));

const keySpecArbitrary: fc.Arbitrary<KeySpec> = fc.letrec<{ key: KeySpec }>((tie) => ({
  key: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    fc.constant<KeySpec>({ kind: 'string' }),
    identifierArbitrary.map((table): KeySpec => ({ kind: 'id', table })),
    fc
      .array(tie('key'), { minLength: 1, maxLength: 3 })
      .map((members): KeySpec => ({ kind: 'union', members })),
  ),
})).key;

const SIMPLE_KINDS = [
  'null',
  'number',
  'float64',
  'bigint',
  'int64',
  'boolean',
  'string',
  'bytes',
  'any',
  'commitTs',
] as const;

export const validatorSpecArbitrary: fc.Arbitrary<ValidatorSpec> = fc.letrec<{
  spec: ValidatorSpec;
}>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    {
      weight: 4,
      arbitrary: fc.constantFrom(...SIMPLE_KINDS).map((kind): ValidatorSpec => ({ kind })),
    },
    identifierArbitrary.map((table): ValidatorSpec => ({ kind: 'id', table })),
    fc
      .oneof(stringArbitrary, float64Arbitrary, int64Arbitrary, fc.boolean())
      .map((value): ValidatorSpec => ({ kind: 'literal', value })),
    tie('spec').map((element): ValidatorSpec => ({ kind: 'array', element })),
    fc
      .uniqueArray(fc.tuple(identifierArbitrary, tie('spec'), fc.boolean()), {
        maxLength: 4,
        selector: ([name]) => name,
      })
      .map((fields): ValidatorSpec => ({ kind: 'object', fields })),
    fc
      .tuple(keySpecArbitrary, tie('spec'))
      .map(([key, value]): ValidatorSpec => ({ kind: 'record', key, value })),
    fc
      .array(tie('spec'), { maxLength: 4 })
      .map((members): ValidatorSpec => ({ kind: 'union', members })),
    tie('spec').map((inner): ValidatorSpec => ({ kind: 'nullable', inner })),
  ),
})).spec;

function buildKey(spec: KeySpec, builder: Builder): unknown {
  switch (spec.kind) {
    case 'string':
      return (builder['string'] as () => unknown)();
    case 'id':
      return builder.id(spec.table);
    case 'union':
      return builder.union(...(spec.members.map((member) => buildKey(member, builder)) as never[]));
  }
}

/** Builds the validator `spec` describes with `builder`. */
export function buildValidator(spec: ValidatorSpec, builder: Builder): unknown {
  switch (spec.kind) {
    case 'id':
      return builder.id(spec.table);
    case 'literal':
      return builder.literal(spec.value);
    case 'array':
      return builder.array(buildValidator(spec.element, builder) as never);
    case 'object': {
      const fields: Record<string, unknown> = {};
      for (const [name, field, optional] of spec.fields) {
        const built = buildValidator(field, builder);
        fields[name] = optional ? builder.optional(built as never) : built;
      }
      return builder.object(fields as never);
    }
    case 'record':
      return builder.record(
        buildKey(spec.key, builder) as never,
        buildValidator(spec.value, builder) as never,
      );
    case 'union':
      return builder.union(
        ...(spec.members.map((member) => buildValidator(member, builder)) as never[]),
      );
    case 'nullable':
      return builder.nullable(buildValidator(spec.inner, builder) as never);
    case 'null':
    case 'number':
    case 'float64':
    case 'bigint':
    case 'int64':
    case 'boolean':
    case 'string':
    case 'bytes':
    case 'any':
    case 'commitTs':
      return (builder[spec.kind] as () => unknown)();
  }
}

/** A value that matches `spec` (ids come from `idFor`). */
export function sampleValue(spec: ValidatorSpec, idFor: (table: string) => string): Value {
  switch (spec.kind) {
    case 'null':
    case 'any':
      return null;
    case 'number':
    case 'float64':
      return 1.5;
    case 'bigint':
    case 'int64':
    case 'commitTs':
      return 7n;
    case 'boolean':
      return true;
    case 'string':
      return 's';
    case 'bytes':
      return new ArrayBuffer(2);
    case 'id':
      return idFor(spec.table);
    case 'literal':
      return spec.value;
    case 'array':
      return isSatisfiable(spec.element)
        ? [sampleValue(spec.element, idFor), sampleValue(spec.element, idFor)]
        : [];
    case 'object':
      return Object.fromEntries(
        spec.fields
          .filter(
            ([, field, optional], index) => !optional || (index % 2 === 0 && isSatisfiable(field)),
          )
          .map(([name, field]) => [name, sampleValue(field, idFor)]),
      );
    case 'record':
      return {};
    case 'union':
      return spec.members.length === 0 ? null : sampleValue(spec.members[0]!, idFor);
    case 'nullable':
      return null;
  }
}

/** Whether `spec` accepts anything at all (an empty union accepts nothing). */
export function isSatisfiable(spec: ValidatorSpec): boolean {
  switch (spec.kind) {
    case 'union':
      return spec.members.length > 0 && isSatisfiable(spec.members[0]!);
    case 'array':
    case 'record':
    case 'nullable':
      return true;
    case 'object':
      return spec.fields.every(([, field, optional]) => optional || isSatisfiable(field));
    case 'null':
    case 'number':
    case 'float64':
    case 'bigint':
    case 'int64':
    case 'boolean':
    case 'string':
    case 'bytes':
    case 'any':
    case 'commitTs':
    case 'id':
    case 'literal':
      return true;
  }
}
