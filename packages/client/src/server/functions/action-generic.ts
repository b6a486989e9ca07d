// `any` is the data model of these untyped builders: the generated `action`/`internalAction`
// narrow it to the app's data model, exactly as with convex/server.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ActionBuilder } from './function-builders.ts';
import { functionBuilder } from './register-function.ts';

/**
 * Defines an action in the app's public API: it may call third-party services (`fetch`) and
 * reaches the database only through `ctx.runQuery` / `ctx.runMutation`.
 *
 * @example
 * ```ts
 * export const summarize = actionGeneric({
 *   args: { url: v.string() },
 *   handler: async (ctx, { url }) => (await fetch(url)).text(),
 * });
 * ```
 */
export const actionGeneric: ActionBuilder<any, 'public'> = functionBuilder({
  kind: 'action',
  visibility: 'public',
  builderName: 'action',
});

/**
 * Defines an action that only other functions and the scheduler can call, not clients.
 *
 * @example
 * ```ts
 * export const sendEmail = internalActionGeneric({
 *   args: { to: v.string() },
 *   handler: async (ctx, { to }) => {
 *     await fetch('https://mail.example/send', { method: 'POST', body: to });
 *   },
 * });
 * ```
 */
export const internalActionGeneric: ActionBuilder<any, 'internal'> = functionBuilder({
  kind: 'action',
  visibility: 'internal',
  builderName: 'internalAction',
});
