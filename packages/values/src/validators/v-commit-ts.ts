import type { CommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.commitTs()` returns: accepts an Int64 (`bigint`) or the commit-timestamp
 * placeholder (`db.vars.commitTs`), which becomes the commit timestamp when the mutation commits.
 *
 * @example
 * ```ts
 * const validator: VCommitTs = v.commitTs();
 * validator.json; // { type: 'commitTs' }
 * ```
 */
export class VCommitTs<
  TType = bigint | CommitTsPlaceholder,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'commitTs'`. */
  readonly kind = 'commitTs' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'commitTs' };
  }

  optional(): VCommitTs<TType | undefined, 'optional'> {
    return new VCommitTs<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VCommitTs<TType | undefined, 'optional'> {
    return this.optional();
  }
}
