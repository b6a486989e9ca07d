// `any` appears where these helpers must accept every object type, exactly as convex/server's do.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Flattens an intersection into one object type, so editors show `{ a: string; b: number }`
 * instead of `A & B`.
 *
 * @example
 * ```ts
 * type Flat = Expand<{ a: string } & { b: number }>; // { a: string; b: number }
 * ```
 */
export type Expand<TObject extends Record<any, any>> =
  TObject extends Record<any, any> ? { [TKey in keyof TObject]: TObject[TKey] } : never;

/**
 * `Omit` that keeps each member of a union separate instead of merging them.
 *
 * @example
 * ```ts
 * type WithoutId = BetterOmit<{ _id: string; a: number }, '_id'>; // { a: number }
 * ```
 */
export type BetterOmit<TObject, TKeys extends keyof TObject> = {
  [TProperty in keyof TObject as TProperty extends TKeys ? never : TProperty]: TObject[TProperty];
};

/**
 * Turns a union `A | B` into the intersection `A & B`.
 *
 * @example
 * ```ts
 * type Both = UnionToIntersection<{ a: 1 } | { b: 2 }>; // { a: 1 } & { b: 2 }
 * ```
 */
export type UnionToIntersection<TUnion> = (
  TUnion extends any ? (k: TUnion) => void : never
) extends (k: infer TIntersection) => void
  ? TIntersection
  : never;
