import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty, Validator } from './validator.ts';

/**
 * What all validator classes share. It exists to share code, not as a type to test against:
 * use `kind` (or `isConvexValidator`) instead of `instanceof BaseValidator`.
 *
 * @internal
 * @example
 * ```ts
 * class VThing extends BaseValidator<Thing> { … }
 * ```
 */
export abstract class BaseValidator<
  TType,
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = never,
> {
  /** Only for TypeScript: the type of the values this validator accepts. Not set at run time. */
  declare readonly type: TType;
  /** Only for TypeScript: for object validators, the index field paths of the values. */
  declare readonly fieldPaths: TFieldPaths;
  /** Whether this is an optional object field (`'optional'`) or not (`'required'`). */
  readonly isOptional: TIsOptional;
  /** Always `true`: marks validators, also across copies of this package. */
  readonly isConvexValidator: true;

  constructor({ isOptional }: { isOptional: TIsOptional }) {
    this.isOptional = isOptional;
    this.isConvexValidator = true;
  }

  /** The JSON form of this validator (what `exportArgs()` and schemas carry). */
  abstract get json(): ValidatorJSON;

  /** The same validator, as an optional object field. */
  abstract optional(): Validator<TType | undefined, 'optional', TFieldPaths>;

  /**
   * The same as {@link optional}; kept because `convex/values` has it.
   *
   * @internal
   */
  abstract asOptional(): Validator<TType | undefined, 'optional', TFieldPaths>;
}
