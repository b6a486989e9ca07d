import { jsonToConvex, type JSONValue } from '@selfhost/values';
import { createActionCtx, createMutationCtx, createQueryCtx } from './create-ctx.ts';
import { directCallGuard, warnIfInBrowser } from './direct-call-guard.ts';
import {
  exportArgsJson,
  exportReturnsJson,
  type ValidatorsOfDefinition,
} from './export-validators.ts';
import type { FunctionVisibility } from './function-args.ts';
import { invokeHandler } from './invoke-handler.ts';
import { resultToJsonText } from './result-to-json-text.ts';

type Handler = (ctx: unknown, ...args: unknown[]) => unknown;

/**
 * What the builders accept: a bare handler, or `{ args?, returns?, handler }`.
 *
 * @example
 * ```ts
 * const definition: FunctionDefinitionInput = { args: {}, handler: async () => null };
 * ```
 */
export type FunctionDefinitionInput =
  Handler | (ValidatorsOfDefinition & { readonly handler: Handler });

/**
 * The kind of function a builder registers.
 *
 * @example
 * ```ts
 * const kind: RegisteredKind = 'mutation';
 * ```
 */
export type RegisteredKind = 'query' | 'mutation' | 'action';

function argsFromJsonText(argsStr: string): unknown[] {
  return jsonToConvex(JSON.parse(argsStr) as JSONValue) as unknown[];
}

function invoker(kind: RegisteredKind, visibility: FunctionVisibility, handler: Handler) {
  switch (kind) {
    case 'query':
      return async (argsStr: string) =>
        resultToJsonText(
          await invokeHandler(handler, createQueryCtx(visibility), argsFromJsonText(argsStr)),
        );
    case 'mutation':
      return async (argsStr: string) =>
        resultToJsonText(
          await invokeHandler(handler, createMutationCtx(visibility), argsFromJsonText(argsStr)),
        );
    case 'action':
      return async (requestId: string, argsStr: string) =>
        resultToJsonText(
          await invokeHandler(
            handler,
            createActionCtx(requestId, visibility),
            argsFromJsonText(argsStr),
          ),
        );
  }
}

const MARKER = { query: 'isQuery', mutation: 'isMutation', action: 'isAction' } as const;
const INVOKE = {
  query: 'invokeQuery',
  mutation: 'invokeMutation',
  action: 'invokeAction',
} as const;

/**
 * Builds the exported object of a query, mutation or action (compat spec §4.3): a callable that
 * warns when called directly, carrying the kind and visibility markers, the `invoke…` method the
 * host calls, `exportArgs`/`exportReturns` and the raw `_handler`.
 *
 * @example
 * ```ts
 * const list = registerFunction({ kind: 'query', visibility: 'public', builderName: 'query' }, async (ctx) => []);
 * ```
 */
export function registerFunction(
  registration: {
    readonly kind: RegisteredKind;
    readonly visibility: FunctionVisibility;
    readonly builderName: string;
  },
  definition: FunctionDefinitionInput,
): unknown {
  const { kind, visibility, builderName } = registration;
  const handler = typeof definition === 'function' ? definition : definition.handler;
  const validators = typeof definition === 'function' ? undefined : definition;
  const registered = directCallGuard(builderName, handler) as unknown as Record<string, unknown>;
  warnIfInBrowser();
  registered[MARKER[kind]] = true;
  registered[visibility === 'public' ? 'isPublic' : 'isInternal'] = true;
  registered[INVOKE[kind]] = invoker(kind, visibility, handler);
  registered['exportArgs'] = () => exportArgsJson(validators);
  registered['exportReturns'] = () => exportReturnsJson(validators);
  registered['_handler'] = handler;
  return registered;
}

/**
 * A builder (`queryGeneric` & co.): a function from a definition to the registered function. Its
 * public type, `TBuilder`, comes from the declaration it is assigned to.
 *
 * @example
 * ```ts
 * export const queryGeneric: QueryBuilder<any, 'public'> = functionBuilder({ kind: 'query', visibility: 'public', builderName: 'query' });
 * ```
 */
export function functionBuilder<TBuilder>(registration: {
  readonly kind: RegisteredKind;
  readonly visibility: FunctionVisibility;
  readonly builderName: string;
}): TBuilder {
  const builder = (definition: FunctionDefinitionInput) =>
    registerFunction(registration, definition);
  return builder as unknown as TBuilder;
}
