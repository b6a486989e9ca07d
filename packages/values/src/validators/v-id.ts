import type { GenericId } from '../value/value.ts';
import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

type TableNameOf<TType> = TType extends GenericId<infer TTableName> ? TTableName : string;

/**
 * The validator `v.id(tableName)` returns: accepts the id (a string) of a document of that table.
 *
 * @example
 * ```ts
 * const validator: VId<GenericId<'users'>> = v.id('users');
 * validator.json; // { type: 'id', tableName: 'users' }
 * ```
 */
export class VId<TType, TIsOptional extends OptionalProperty = 'required'> extends BaseValidator<
  TType,
  TIsOptional
> {
  /** The table the ids must belong to. */
  readonly tableName: TableNameOf<TType>;
  /** The kind of validator, `'id'`. */
  readonly kind = 'id' as const;

  /** Usually you would call `v.id(tableName)` instead. */
  constructor({
    isOptional,
    tableName,
  }: {
    isOptional: TIsOptional;
    tableName: TableNameOf<TType>;
  }) {
    super({ isOptional });
    if (typeof tableName !== 'string')
      throw new Error('v.id(tableName) requires a string table name');
    this.tableName = tableName;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'id', tableName: this.tableName };
  }

  optional(): VId<TType | undefined, 'optional'> {
    return new VId<TType | undefined, 'optional'>({
      isOptional: 'optional',
      tableName: this.tableName,
    });
  }

  /** @internal */
  asOptional(): VId<TType | undefined, 'optional'> {
    return this.optional();
  }
}
