/* eslint-disable @typescript-eslint/no-explicit-any --
 * These aliases are the only place the package writes `any`. They mirror, position by position,
 * the `any`s of the `convex/values` validator types: `v.any()` must infer TypeScript `any` (user
 * code reads `args.x.foo`), and the generic constraints must accept exactly what the official ones
 * accept, because the server authoring types (`Doc`, `DataModelFromSchemaDefinition`, field paths)
 * are built on them. `unknown` would make some of those assignments fail. */
import type { OptionalProperty, Validator } from './validator.ts';

/**
 * The type every validator extends: `Validator<any, any, any>`.
 *
 * @example
 * ```ts
 * function describe(validator: GenericValidator) { return validator.kind; }
 * ```
 */
export type GenericValidator = Validator<any, any, any>;

/**
 * A validator that may be an object field (optional or not): `Validator<any, OptionalProperty, any>`.
 *
 * @internal
 * @example
 * ```ts
 * const fields: Record<string, FieldValidator> = { a: v.optional(v.string()) };
 * ```
 */
export type FieldValidator = Validator<any, OptionalProperty, any>;

/**
 * A validator that is not optional: what arrays, records and unions contain.
 *
 * @internal
 * @example
 * ```ts
 * function list<TElement extends RequiredValidator>(element: TElement) { return v.array(element); }
 * ```
 */
export type RequiredValidator = Validator<any, 'required', any>;

/**
 * A validator of strings: what record keys must be.
 *
 * @internal
 * @example
 * ```ts
 * const key: StringValidator = v.id('users');
 * ```
 */
export type StringValidator = Validator<string, 'required', any>;

/**
 * TypeScript `any`, for the generic arguments of {@link Validator} that `convex/values` leaves open.
 *
 * @internal
 * @example
 * ```ts
 * type AnyObjectValidator = Validator<AnyType, OptionalProperty, AnyType>;
 * ```
 */
export type AnyType = any;

/**
 * The TypeScript type `v.any()` validates: `any`.
 *
 * @internal
 * @example
 * ```ts
 * const anything: AnyValueType = JSON.parse('{}');
 * ```
 */
export type AnyValueType = any;

/**
 * Any object type, interfaces included: `Record<any, any>` (the constraint of {@link Expand}).
 *
 * @internal
 * @example
 * ```ts
 * type Flat<TObject extends AnyRecord> = Expand<TObject>;
 * ```
 */
export type AnyRecord = Record<any, any>;
