/* Generated `api` utility (the shape `npx convex codegen` writes). */
// Generated code types "any function" as `FunctionReference<any, …>`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ApiFromModules, FilterApi, FunctionReference } from '@selfhost/client/server';
import { anyApi } from '@selfhost/client/server';
import type * as dir_users from '../dir/users.ts';
import type * as messages from '../messages.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is used, as in generated code
declare const fullApi: ApiFromModules<{
  'dir/users': typeof dir_users;
  messages: typeof messages;
}>;

/** A utility for referencing Convex functions in your app's public API. */
export const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, 'public'>
> = anyApi as unknown as FilterApi<typeof fullApi, FunctionReference<any, 'public'>>;

/** A utility for referencing Convex functions in your app's internal API. */
export const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, 'internal'>
> = anyApi as unknown as FilterApi<typeof fullApi, FunctionReference<any, 'internal'>>;
