import type { AnyFunctionReference, FunctionReference } from './function-reference.ts';
import { functionName } from './function-name-symbol.ts';

type AnyModuleDirOrFunc = { [key: string]: AnyModuleDirOrFunc } & AnyFunctionReference;

/**
 * The type of an API object that has every path: what `api`/`internal` objects extend.
 *
 * @example
 * ```ts
 * const api: AnyApi = anyApi;
 * ```
 */
export type AnyApi = Record<string, Record<string, AnyModuleDirOrFunc>>;

/**
 * An API object where every part is optional: handy for mocks and partial APIs.
 *
 * @example
 * ```ts
 * const partial: PartialApi<typeof api> = { messages: { list: api.messages.list } };
 * ```
 */
export type PartialApi<TApi> = {
  [TKey in keyof TApi]?: TApi[TKey] extends FunctionReference<any, any, any, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- matches every reference
    ? TApi[TKey]
    : PartialApi<TApi[TKey]>;
};

function apiNode(pathParts: readonly string[]): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property === 'string') return apiNode([...pathParts, property]);
        if (property === functionName) return functionPath(pathParts);
        if (property === Symbol.toStringTag) return 'FunctionReference';
        return undefined;
      },
    },
  );
}

function functionPath(pathParts: readonly string[]): string {
  if (pathParts.length < 2) {
    const found = ['api', ...pathParts].join('.');
    throw new Error(
      `API path is expected to be of the form \`api.moduleName.functionName\`. Found: \`${found}\``,
    );
  }
  const modulePath = pathParts.slice(0, -1).join('/');
  const exportName = pathParts[pathParts.length - 1];
  return exportName === 'default' ? modulePath : `${modulePath}:${exportName}`;
}

/**
 * An API object that has every path: `anyApi.dir.module.fn` is a reference to `"dir/module:fn"`.
 * The generated `api.js` is exactly this object; use it directly in projects without codegen.
 *
 * @example
 * ```ts
 * await ctx.runMutation(anyApi.messages.send, { body: 'hi' });
 * ```
 */
export const anyApi: AnyApi = apiNode([]) as AnyApi;
