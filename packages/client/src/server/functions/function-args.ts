/**
 * The arguments object every Convex function receives: named arguments.
 *
 * @example
 * ```ts
 * const args: DefaultFunctionArgs = { channel: 'general' };
 * ```
 */
export type DefaultFunctionArgs = Record<string, unknown>;

/**
 * The arguments object of a function that takes no arguments.
 *
 * @example
 * ```ts
 * const none: EmptyObject = {};
 * ```
 */
export type EmptyObject = Record<string, never>;

/**
 * Who may call a function: clients (`"public"`) or only other functions (`"internal"`).
 *
 * @example
 * ```ts
 * const visibility: FunctionVisibility = 'internal';
 * ```
 */
export type FunctionVisibility = 'public' | 'internal';

/**
 * The handler parameters after `ctx` of a function that takes an arguments object.
 *
 * @example
 * ```ts
 * const args: OneArgArray<{ id: string }> = [{ id: 'x' }];
 * ```
 */
export type OneArgArray<TArgsObject extends DefaultFunctionArgs = DefaultFunctionArgs> = [
  TArgsObject,
];

/**
 * The handler parameters after `ctx`: one arguments object, or none.
 *
 * @example
 * ```ts
 * const args: ArgsArray = [{ id: 'x' }];
 * ```
 */
export type ArgsArray = OneArgArray | [];

/**
 * The arguments object described by an {@link ArgsArray}.
 *
 * @example
 * ```ts
 * type Args = ArgsArrayToObject<[{ id: string }]>; // { id: string }
 * ```
 */
export type ArgsArrayToObject<TArgs extends ArgsArray> =
  TArgs extends OneArgArray<infer TArgsObject> ? TArgsObject : EmptyObject;
