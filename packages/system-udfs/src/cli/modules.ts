import { query } from '@selfhost/client/server';
import { v, type JSONValue } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

/** One entry of the function spec (`npx convex function-spec`, and `run`'s "did you mean"). */
type ApiSpecEntry =
  | {
      identifier: string;
      functionType: 'Query' | 'Mutation' | 'Action';
      visibility: { kind: 'public' } | { kind: 'internal' };
      args: JSONValue;
      returns: JSONValue;
    }
  | { functionType: 'HttpAction'; method: string; path: string };

/**
 * Every deployed function with its type, visibility and validators, then every HTTP route —
 * from the push-time analysis stored in `_modules`. Only the root app has functions here.
 */
export const apiSpec = query({
  args: { componentId: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx): Promise<ApiSpecEntry[]> => {
    const modules = await privateTables(ctx.db).query('_modules').withIndex('by_path').collect();
    const entries: ApiSpecEntry[] = [];
    for (const module of modules) {
      for (const fn of module.functions) {
        entries.push({
          identifier: `${module.path}:${fn.name}`,
          functionType: fn.udfType,
          visibility: fn.visibility ?? { kind: 'public' },
          args: JSON.parse(fn.args) as JSONValue,
          returns: fn.returns === 'null' ? null : (JSON.parse(fn.returns) as JSONValue),
        });
      }
      for (const route of module.httpRoutes ?? []) {
        entries.push({ functionType: 'HttpAction', method: route.method, path: route.path });
      }
    }
    return entries;
  },
});
