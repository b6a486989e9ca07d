// The builder types decide how handler arguments and results are inferred in user code; they
// must behave exactly like convex/server's, which are written in terms of `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  GenericValidator,
  Infer,
  ObjectType,
  PropertyValidators,
  Validator,
} from '@selfhost/values';
import type { ValidatorTypeToReturnType } from '../api/api-from-modules.ts';
import type { GenericDataModel } from '../data-model/data-model.ts';
import type {
  ArgsArray,
  ArgsArrayToObject,
  FunctionVisibility,
  OneArgArray,
} from './function-args.ts';
import type {
  GenericActionCtx,
  GenericMutationCtx,
  GenericMutationCtxWithTable,
  GenericQueryCtx,
  GenericQueryCtxWithTable,
} from './function-ctx.ts';
import type {
  PublicHttpAction,
  RegisteredAction,
  RegisteredMutation,
  RegisteredQuery,
} from './registered-function.ts';

/**
 * What a handler may return given its `returns` validator (anything without one).
 *
 * @example
 * ```ts
 * type R = ReturnValueForOptionalValidator<VString>; // string | Promise<string>
 * ```
 */
export type ReturnValueForOptionalValidator<
  TReturnsValidator extends Validator<any, any, any> | PropertyValidators | void,
> = [TReturnsValidator] extends [Validator<any, any, any>]
  ? ValidatorTypeToReturnType<Infer<TReturnsValidator>>
  : [TReturnsValidator] extends [PropertyValidators]
    ? ValidatorTypeToReturnType<ObjectType<TReturnsValidator>>
    : any;

/**
 * The handler parameters after `ctx` allowed by an `args` validator.
 *
 * @example
 * ```ts
 * type A = ArgsArrayForOptionalValidator<{ id: VString }>; // [{ id: string }]
 * ```
 */
export type ArgsArrayForOptionalValidator<
  TArgsValidator extends GenericValidator | PropertyValidators | void,
> = [TArgsValidator] extends [Validator<any, any, any>]
  ? OneArgArray<Infer<TArgsValidator>>
  : [TArgsValidator] extends [PropertyValidators]
    ? OneArgArray<ObjectType<TArgsValidator>>
    : ArgsArray;

/**
 * The handler parameters after `ctx` assumed when they cannot be inferred.
 *
 * @example
 * ```ts
 * type A = DefaultArgsForOptionalValidator<void>; // [Record<string, unknown>]
 * ```
 */
export type DefaultArgsForOptionalValidator<
  TArgsValidator extends GenericValidator | PropertyValidators | void,
> = [TArgsValidator] extends [Validator<any, any, any>]
  ? [Infer<TArgsValidator>]
  : [TArgsValidator] extends [PropertyValidators]
    ? [ObjectType<TArgsValidator>]
    : OneArgArray;

/**
 * A function definition without argument validation: a handler, or `{ handler }`.
 *
 * @example
 * ```ts
 * const definition: UnvalidatedFunction<QueryCtx, [], Promise<number>> = async () => 1;
 * ```
 */
export type UnvalidatedFunction<TCtx, TArgs extends ArgsArray, TReturns> =
  ((ctx: TCtx, ...args: TArgs) => TReturns) | { handler: (ctx: TCtx, ...args: TArgs) => TReturns };

/**
 * A function definition with an `args` validator.
 *
 * @example
 * ```ts
 * const definition: ValidatedFunction<QueryCtx, { id: VString }, Promise<null>> = { args: { id: v.string() }, handler: async () => null };
 * ```
 */
export interface ValidatedFunction<TCtx, TArgsValidator extends PropertyValidators, TReturns> {
  /** The validators of the named arguments. */
  args: TArgsValidator;
  /** The implementation. */
  handler: (ctx: TCtx, args: ObjectType<TArgsValidator>) => TReturns;
}

type ArgsValidatorInput = PropertyValidators | Validator<any, 'required', any> | void;

// What every builder accepts: a bare handler, or `{ args?, returns?, handler }`.
type FunctionDefinition<
  TCtx,
  TArgsValidator,
  TReturnsValidator,
  TReturnValue,
  TOneOrZeroArgs extends ArgsArray,
> =
  | {
      /** Validators of the named arguments, checked by the server before the handler runs. */
      args?: TArgsValidator;
      /** Validator of the result, checked by the server after the handler returns. */
      returns?: TReturnsValidator;
      /** The implementation. */
      handler: (ctx: TCtx, ...args: TOneOrZeroArgs) => TReturnValue;
    }
  | { (ctx: TCtx, ...args: TOneOrZeroArgs): TReturnValue };

/**
 * The type of `query`/`internalQuery` (the generated ones are `QueryBuilder<DataModel, …>`).
 *
 * @example
 * ```ts
 * export const query: QueryBuilder<DataModel, 'public'> = queryGeneric;
 * ```
 */
export type QueryBuilder<
  TDataModel extends GenericDataModel,
  TVisibility extends FunctionVisibility,
> = {
  <
    TArgsValidator extends ArgsValidatorInput,
    TReturnsValidator extends ArgsValidatorInput,
    TReturnValue extends ReturnValueForOptionalValidator<TReturnsValidator> = any,
    TOneOrZeroArgs extends ArgsArrayForOptionalValidator<TArgsValidator> =
      DefaultArgsForOptionalValidator<TArgsValidator>,
  >(
    query: FunctionDefinition<
      GenericQueryCtx<TDataModel>,
      TArgsValidator,
      TReturnsValidator,
      TReturnValue,
      TOneOrZeroArgs
    >,
  ): RegisteredQuery<TVisibility, ArgsArrayToObject<TOneOrZeroArgs>, TReturnValue>;
};

/**
 * A {@link QueryBuilder} whose handlers get the table-scoped `ctx.db`.
 *
 * @example
 * ```ts
 * export const query: QueryBuilderWithTable<DataModel, 'public'> = queryGeneric;
 * ```
 */
export type QueryBuilderWithTable<
  TDataModel extends GenericDataModel,
  TVisibility extends FunctionVisibility,
> = {
  <
    TArgsValidator extends ArgsValidatorInput,
    TReturnsValidator extends ArgsValidatorInput,
    TReturnValue extends ReturnValueForOptionalValidator<TReturnsValidator> = any,
    TOneOrZeroArgs extends ArgsArrayForOptionalValidator<TArgsValidator> =
      DefaultArgsForOptionalValidator<TArgsValidator>,
  >(
    query: FunctionDefinition<
      GenericQueryCtxWithTable<TDataModel>,
      TArgsValidator,
      TReturnsValidator,
      TReturnValue,
      TOneOrZeroArgs
    >,
  ): RegisteredQuery<TVisibility, ArgsArrayToObject<TOneOrZeroArgs>, TReturnValue>;
};

/**
 * The type of `mutation`/`internalMutation`.
 *
 * @example
 * ```ts
 * export const mutation: MutationBuilder<DataModel, 'public'> = mutationGeneric;
 * ```
 */
export type MutationBuilder<
  TDataModel extends GenericDataModel,
  TVisibility extends FunctionVisibility,
> = {
  <
    TArgsValidator extends ArgsValidatorInput,
    TReturnsValidator extends ArgsValidatorInput,
    TReturnValue extends ReturnValueForOptionalValidator<TReturnsValidator> = any,
    TOneOrZeroArgs extends ArgsArrayForOptionalValidator<TArgsValidator> =
      DefaultArgsForOptionalValidator<TArgsValidator>,
  >(
    mutation: FunctionDefinition<
      GenericMutationCtx<TDataModel>,
      TArgsValidator,
      TReturnsValidator,
      TReturnValue,
      TOneOrZeroArgs
    >,
  ): RegisteredMutation<TVisibility, ArgsArrayToObject<TOneOrZeroArgs>, TReturnValue>;
};

/**
 * A {@link MutationBuilder} whose handlers get the table-scoped `ctx.db`.
 *
 * @example
 * ```ts
 * export const mutation: MutationBuilderWithTable<DataModel, 'public'> = mutationGeneric;
 * ```
 */
export type MutationBuilderWithTable<
  TDataModel extends GenericDataModel,
  TVisibility extends FunctionVisibility,
> = {
  <
    TArgsValidator extends ArgsValidatorInput,
    TReturnsValidator extends ArgsValidatorInput,
    TReturnValue extends ReturnValueForOptionalValidator<TReturnsValidator> = any,
    TOneOrZeroArgs extends ArgsArrayForOptionalValidator<TArgsValidator> =
      DefaultArgsForOptionalValidator<TArgsValidator>,
  >(
    mutation: FunctionDefinition<
      GenericMutationCtxWithTable<TDataModel>,
      TArgsValidator,
      TReturnsValidator,
      TReturnValue,
      TOneOrZeroArgs
    >,
  ): RegisteredMutation<TVisibility, ArgsArrayToObject<TOneOrZeroArgs>, TReturnValue>;
};

/**
 * The type of `action`/`internalAction`.
 *
 * @example
 * ```ts
 * export const action: ActionBuilder<DataModel, 'public'> = actionGeneric;
 * ```
 */
export type ActionBuilder<
  TDataModel extends GenericDataModel,
  TVisibility extends FunctionVisibility,
> = {
  <
    TArgsValidator extends ArgsValidatorInput,
    TReturnsValidator extends ArgsValidatorInput,
    TReturnValue extends ReturnValueForOptionalValidator<TReturnsValidator> = any,
    TOneOrZeroArgs extends ArgsArrayForOptionalValidator<TArgsValidator> =
      DefaultArgsForOptionalValidator<TArgsValidator>,
  >(
    func: FunctionDefinition<
      GenericActionCtx<TDataModel>,
      TArgsValidator,
      TReturnsValidator,
      TReturnValue,
      TOneOrZeroArgs
    >,
  ): RegisteredAction<TVisibility, ArgsArrayToObject<TOneOrZeroArgs>, TReturnValue>;
};

/**
 * The type of `httpAction`.
 *
 * @example
 * ```ts
 * export const httpAction: HttpActionBuilder = httpActionGeneric;
 * ```
 */
export type HttpActionBuilder = (
  func: (ctx: GenericActionCtx<any>, request: Request) => Promise<Response>,
) => PublicHttpAction;
