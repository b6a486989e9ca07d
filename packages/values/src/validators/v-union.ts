import { BaseValidator } from './base-validator.ts';
import type { RequiredValidator } from './generic-validator.ts';
import { rejectOptional, requireValidator } from './validator-misuse.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.union(...members)` returns: accepts a value that matches at least one member.
 *
 * @example
 * ```ts
 * const validator = v.union(v.string(), v.null());
 * validator.json; // { type: 'union', value: [{ type: 'string' }, { type: 'null' }] }
 * ```
 */
export class VUnion<
  TType,
  TMembers extends RequiredValidator[],
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = TMembers[number]['fieldPaths'],
> extends BaseValidator<TType, TIsOptional, TFieldPaths> {
  /** The member validators. */
  readonly members: TMembers;
  /** The kind of validator, `'union'`. */
  readonly kind = 'union' as const;

  /** Usually you would call `v.union(...members)` instead. */
  constructor({ isOptional, members }: { isOptional: TIsOptional; members: TMembers }) {
    super({ isOptional });
    members.forEach((member, index) => {
      requireValidator(member, 'v.union()', `the member at index ${index}`);
      rejectOptional(member, 'v.union()');
    });
    this.members = members;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'union', value: this.members.map((member) => member.json) };
  }

  optional(): VUnion<TType | undefined, TMembers, 'optional', TFieldPaths> {
    return new VUnion<TType | undefined, TMembers, 'optional', TFieldPaths>({
      isOptional: 'optional',
      members: this.members,
    });
  }

  /** @internal */
  asOptional(): VUnion<TType | undefined, TMembers, 'optional', TFieldPaths> {
    return this.optional();
  }
}
